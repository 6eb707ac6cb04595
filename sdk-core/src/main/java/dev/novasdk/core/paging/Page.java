package dev.novasdk.core.paging;

import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing: its items and how to ask for the next page, either the {@code rel="next"} link
 * nova puts in {@code *_links} or a marker for APIs where the next request is built from the last item's id.
 * A page with neither is the last one. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final URI nextLink;
    private final String nextMarker;

    private Page(List<T> items, URI nextLink, String nextMarker) {
        this.items = items;
        this.nextLink = nextLink;
        this.nextMarker = nextMarker;
    }

    /**
     * A page that continues at {@code nextLinkOrNull}, the {@code href} of the response's {@code rel="next"}
     * link; {@code null} makes it the last page.
     *
     * @throws NullPointerException when {@code items} is null or holds a null item
     */
    public static <T> Page<T> of(List<? extends T> items, URI nextLinkOrNull) {
        return new Page<>(copy(items, "items"), nextLinkOrNull, null);
    }

    /**
     * The last page of a listing.
     *
     * @throws NullPointerException when {@code items} is null or holds a null item
     */
    public static <T> Page<T> last(List<? extends T> items) {
        return new Page<>(copy(items, "items"), null, null);
    }

    /**
     * A page that continues with {@code markerOrNull}, for APIs that page by the id of the last item seen
     * rather than by link; {@code null} makes it the last page.
     *
     * @throws IllegalArgumentException when the marker is empty, since {@code marker=} would restart the
     *                                  listing instead of continuing it
     * @throws NullPointerException     when {@code items} is null or holds a null item
     */
    public static <T> Page<T> withMarker(List<? extends T> items, String markerOrNull) {
        if (markerOrNull != null && markerOrNull.isEmpty()) {
            throw new IllegalArgumentException("markerOrNull must not be empty; pass null for the last page");
        }
        return new Page<>(copy(items, "items"), null, markerOrNull);
    }

    /** The items of this page in the order the service sent them; unmodifiable, possibly empty. */
    public List<T> items() {
        return items;
    }

    /** The link to the next page, when the service sent one. */
    public Optional<URI> nextLink() {
        return Optional.ofNullable(nextLink);
    }

    /** The marker to request the next page with, when this page was built with one. */
    public Optional<String> nextMarker() {
        return Optional.ofNullable(nextMarker);
    }

    /**
     * Whether another page follows. An empty page may still have a next page: nova can return an empty page
     * with a next link when filtering happens after the page is cut.
     */
    public boolean hasNext() {
        return nextLink != null || nextMarker != null;
    }

    /**
     * A page holding {@code mapper} applied to each item, with the same next link or marker.
     *
     * @throws NullPointerException when {@code mapper} returns null for an item
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        List<R> mapped = new ArrayList<>(items.size());
        for (T item : items) {
            mapped.add(mapper.apply(item));
        }
        return new Page<>(copy(mapped, "mapped items"), nextLink, nextMarker);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Page)) {
            return false;
        }
        Page<?> other = (Page<?>) o;
        return items.equals(other.items)
                && Objects.equals(nextLink, other.nextLink)
                && Objects.equals(nextMarker, other.nextMarker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, nextLink, nextMarker);
    }

    // Items are left out: a page can hold hundreds of resources, and this string ends up in logs.
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Page[").append(items.size()).append(" items");
        if (nextLink != null) {
            sb.append(", nextLink=").append(SafeUri.of(nextLink));
        }
        if (nextMarker != null) {
            sb.append(", nextMarker=").append(nextMarker);
        }
        return sb.append(']').toString();
    }

    private static <T> List<T> copy(Collection<? extends T> items, String name) {
        Objects.requireNonNull(items, name);
        int i = 0;
        for (T item : items) {
            if (item == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
            i++;
        }
        return List.copyOf(items);
    }
}
