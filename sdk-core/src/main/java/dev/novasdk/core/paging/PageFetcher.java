package dev.novasdk.core.paging;

import java.util.Optional;

/**
 * Fetches one page of a listing; the only thing a manager writes to offer a {@link PagedIterable}. It is
 * called for the first page and then once per further page, only when iteration reaches that page.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
    /**
     * Fetches the page after {@code previous}, or the first page when {@code previous} is empty. The next
     * request is built from {@link Page#nextLink()} or {@link Page#nextMarker()} of {@code previous}, which
     * {@link PagedIterable} only passes when {@link Page#hasNext()} is true. Must not return null; errors are
     * thrown as the SDK's unchecked exceptions and reach the caller iterating.
     */
    Page<T> fetch(Optional<Page<T>> previous);
}
