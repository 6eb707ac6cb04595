package dev.novasdk.compute.images;

import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageManager} without blocking: Glance from the catalog, else Nova's image proxy, with futures failed
 * by the exceptions the blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#images()}.
 */
public interface ImageAsyncManager {
    /**
     * {@link ImageManager#list(ImageListOptions)}: Glance or Nova's proxy is chosen when a subscription starts,
     * and pages are fetched as the subscriber asks for images.
     */
    PagedPublisher<Image> list(ImageListOptions options);

    /** {@link ImageManager#list()}: every image visible to the project. */
    default PagedPublisher<Image> list() {
        return list(ImageListOptions.defaults());
    }

    /** {@link ImageManager#get}: completes with the image, or fails with {@code NotFoundException}. */
    CompletableFuture<Image> get(String id);

    /** {@link ImageManager#find}: completes with the image with this id or exactly this name, or empty. */
    CompletableFuture<Optional<Image>> find(String nameOrId);

    /**
     * {@link ImageManager#waitForStatus} without holding a thread: polls on the client's scheduler and
     * completes with the image once it is in {@code status}, or fails as the blocking waiter throws
     * ({@link dev.novasdk.core.error.ResourceErrorException} for a failed snapshot,
     * {@link dev.novasdk.core.error.WaitTimeoutException}, ...). Cancelling the future stops the polling.
     */
    CompletableFuture<Image> waitForStatus(String id, ImageStatus status, WaitOptions options);
}
