package dev.novasdk.compute.internal;

import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageListOptions;
import dev.novasdk.compute.images.ImageManager;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ImageManager} on the operation executor: Glance when the catalog has an image service, else Nova's
 * proxy, decided per call. Thread-safe. Not API.
 */
public final class DefaultImageManager implements ImageManager {
    // The ends of a snapshot that will never become active.
    private static final Set<ImageStatus> FAILED =
            EnumSet.of(ImageStatus.KILLED, ImageStatus.DELETED, ImageStatus.PENDING_DELETE, ImageStatus.ERROR);

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultImageManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Image> list(ImageListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(Image::id, image -> false, () -> listing(executor.endpoints(), options));
    }

    // Chosen when iteration starts (the catalog is known by then); shared with DefaultImageAsyncManager.
    static OperationExecutor.Listing<ImageListDocument, Image> listing(
            ComputeEndpoints endpoints, ImageListOptions options) {
        return glance(endpoints)
                ? new OperationExecutor.Listing<>(
                        ImageOperations.GLANCE_LIST, Call.to().query(options.glanceQuery()))
                : new OperationExecutor.Listing<>(
                        ImageOperations.PROXY_LIST, Call.to().query(options.novaQuery()));
    }

    @Override
    public Image get(String id) {
        return executor.call(get(executor.endpoints()), Call.to(id));
    }

    @Override
    public Optional<Image> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "image",
                id -> executor.callIfPresent(get(executor.endpoints()), Call.to(id)),
                name -> list(ImageListOptions.builder().name(name).build()),
                Image::name,
                Image::id);
    }

    @Override
    public Image waitForStatus(String id, ImageStatus status, WaitOptions options) {
        return untilStatus(Waiter.<Image>builder(() -> get(id)), id, status, options)
                .sleeper(executor.sleeper())
                .nanoTime(executor.nanoTime())
                .build()
                .await();
    }

    /**
     * {@code waiter} (polling the image) with the argument checks, end states and description of
     * {@link #waitForStatus}; the blocking and the async waiter share them.
     */
    static Waiter.Builder<Image> untilStatus(
            Waiter.Builder<Image> waiter, String id, ImageStatus status, WaitOptions options) {
        Ids.require(id);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(options, "options");
        return waiter.description("image " + id + " to become " + status.value())
                .successWhen(i -> i.status() == status)
                .failWhen(
                        i -> i.status() != status && FAILED.contains(i.status()),
                        i -> new ResourceErrorException(
                                "image " + id
                                        + i.name().map(n -> " (" + n + ")").orElse("") + " went "
                                        + i.statusRaw().orElse("?") + " while waiting for " + status.value(),
                                i,
                                null,
                                null,
                                null))
                .options(options);
    }

    // Glance when the catalog has an image service, else Nova's proxy.
    static Operation<Void, Image> get(ComputeEndpoints endpoints) {
        return glance(endpoints) ? ImageOperations.GLANCE_GET : ImageOperations.PROXY_GET;
    }

    private static boolean glance(ComputeEndpoints endpoints) {
        return endpoints.imageV2().isPresent();
    }
}
