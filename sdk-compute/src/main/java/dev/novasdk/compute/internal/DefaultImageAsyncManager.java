package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageAsyncManager;
import dev.novasdk.compute.images.ImageListOptions;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageAsyncManager} on the async operation executor: the operations, service choice and waiter
 * conditions of {@link DefaultImageManager}. The choice between Glance and Nova's proxy needs the catalog, so
 * it is made once the executor is ready (a token is cached). Thread-safe. Not API.
 */
public final class DefaultImageAsyncManager implements ImageAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultImageAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Image> list(ImageListOptions options) {
        Objects.requireNonNull(options, "options");
        // The executor calls the supplier once it is ready, so the catalog is known without blocking.
        return executor.list(
                Image::id,
                image -> false,
                () -> DefaultImageManager.listing(executor.requests().endpoints(), options));
    }

    @Override
    public CompletableFuture<Image> get(String id) {
        return checked(() -> executor.ready().thenCompose(v -> executor.call(get(), Call.to(id))));
    }

    @Override
    public CompletableFuture<Optional<Image>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "image",
                id -> executor.ready().thenCompose(v -> executor.callIfPresent(get(), Call.to(id))),
                name -> list(ImageListOptions.builder().name(name).build()),
                Image::name,
                Image::id));
    }

    @Override
    public CompletableFuture<Image> waitForStatus(String id, ImageStatus status, WaitOptions options) {
        return checked(
                () -> DefaultImageManager.untilStatus(Waiter.<Image>asyncBuilder(() -> get(id)), id, status, options)
                        .asyncSleeper(executor.sleeper())
                        .nanoTime(executor.nanoTime())
                        .build()
                        .awaitAsync());
    }

    private Operation<Void, Image> get() {
        return DefaultImageManager.get(executor.requests().endpoints());
    }
}
