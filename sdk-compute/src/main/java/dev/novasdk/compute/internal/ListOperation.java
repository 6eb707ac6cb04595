package dev.novasdk.compute.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A listing: the operation that fetches one page document, how to take its items, and where its next page is
 * (Nova's {@code rel="next"} link, or Glance's {@code next}), and how to tell items apart: their id, and which
 * items are still changing, whose repeats the service may send late (Nova's build requests; see
 * {@link dev.novasdk.core.paging.PagedIterable#distinct}). Immutable. Not API.
 *
 * @param <D> the page document's type
 * @param <T> the items' type
 */
public final class ListOperation<D, T> {
    private final Operation<Void, D> page;
    private final Function<? super D, List<T>> items;
    private final Function<? super D, Optional<String>> nextHref;
    private final Function<? super T, String> idOf;
    private final Predicate<? super T> unsettled;

    private ListOperation(
            Operation<Void, D> page,
            Function<? super D, List<T>> items,
            Function<? super D, Optional<String>> next,
            Function<? super T, String> idOf,
            Predicate<? super T> unsettled) {
        this.page = page;
        this.items = items;
        this.nextHref = next;
        this.idOf = idOf;
        this.unsettled = unsettled;
    }

    /** A listing whose pages {@code page} fetches, of items that do not change state while listed. */
    public static <D, T> ListOperation<D, T> of(
            Operation<Void, D> page,
            Function<? super D, List<T>> items,
            Function<? super D, Optional<String>> next,
            Function<? super T, String> idOf) {
        return of(page, items, next, idOf, item -> false);
    }

    /** A listing whose pages {@code page} fetches; {@code unsettled} items may be repeated late. */
    public static <D, T> ListOperation<D, T> of(
            Operation<Void, D> page,
            Function<? super D, List<T>> items,
            Function<? super D, Optional<String>> next,
            Function<? super T, String> idOf,
            Predicate<? super T> unsettled) {
        return new ListOperation<>(
                Objects.requireNonNull(page, "page"),
                Objects.requireNonNull(items, "items"),
                Objects.requireNonNull(next, "next"),
                Objects.requireNonNull(idOf, "idOf"),
                Objects.requireNonNull(unsettled, "unsettled"));
    }

    Function<? super T, String> idOf() {
        return idOf;
    }

    Predicate<? super T> unsettled() {
        return unsettled;
    }

    /** The operation of one page. */
    public Operation<Void, D> page() {
        return page;
    }

    List<T> items(D document) {
        return items.apply(document);
    }

    Optional<String> nextHref(D document) {
        return nextHref.apply(document);
    }
}
