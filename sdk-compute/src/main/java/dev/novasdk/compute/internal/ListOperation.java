package dev.novasdk.compute.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A listing: the operation that fetches one page document, how to take its items, and where its next page is
 * (Nova's {@code rel="next"} link, or Glance's {@code next}). Immutable. Not API.
 *
 * @param <D> the page document's type
 * @param <T> the items' type
 */
public final class ListOperation<D, T> {
    private final Operation<Void, D> page;
    private final Function<? super D, List<T>> items;
    private final Function<? super D, Optional<String>> nextHref;

    private ListOperation(
            Operation<Void, D> page, Function<? super D, List<T>> items, Function<? super D, Optional<String>> next) {
        this.page = page;
        this.items = items;
        this.nextHref = next;
    }

    /** A listing whose pages {@code page} fetches. */
    public static <D, T> ListOperation<D, T> of(
            Operation<Void, D> page, Function<? super D, List<T>> items, Function<? super D, Optional<String>> next) {
        return new ListOperation<>(
                Objects.requireNonNull(page, "page"),
                Objects.requireNonNull(items, "items"),
                Objects.requireNonNull(next, "next"));
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
