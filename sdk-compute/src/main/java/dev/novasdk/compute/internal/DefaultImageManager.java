package dev.novasdk.compute.internal;

import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageListOptions;
import dev.novasdk.compute.images.ImageManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ImageManager} on the operation executor: Glance when the catalog has an image service, else Nova's
 * proxy, decided per call. Thread-safe. Not API.
 */
public final class DefaultImageManager implements ImageManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultImageManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Image> list(ImageListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(() -> glance()
                ? new OperationExecutor.Listing<>(
                        ImageOperations.GLANCE_LIST, Call.to().query(options.glanceQuery()))
                : new OperationExecutor.Listing<>(
                        ImageOperations.PROXY_LIST, Call.to().query(options.novaQuery())));
    }

    @Override
    public Image get(String id) {
        return executor.call(glance() ? ImageOperations.GLANCE_GET : ImageOperations.PROXY_GET, Call.to(id));
    }

    @Override
    public Optional<Image> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "image",
                id -> executor.callIfPresent(
                        glance() ? ImageOperations.GLANCE_GET : ImageOperations.PROXY_GET, Call.to(id)),
                name -> list(ImageListOptions.builder().name(name).build()),
                Image::name,
                Image::id);
    }

    private boolean glance() {
        return executor.endpoints().imageV2().isPresent();
    }
}
