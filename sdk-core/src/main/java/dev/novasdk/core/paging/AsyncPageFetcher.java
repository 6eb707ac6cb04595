package dev.novasdk.core.paging;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one page of a listing without blocking: the async twin of {@link PageFetcher}, used by
 * {@link PagedPublisher}.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface AsyncPageFetcher<T> {
    /**
     * A future of the page after {@code previous}, or of the first page when {@code previous} is empty; it fails
     * with the SDK's unchecked exceptions. Must not block and must not return null.
     */
    CompletableFuture<Page<T>> fetchAsync(Optional<Page<T>> previous);
}
