package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.zones.AvailabilityZone;
import dev.novasdk.compute.zones.AvailabilityZoneAsyncManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AvailabilityZoneAsyncManager} on the async operation executor: the operations and lookup of
 * {@link DefaultAvailabilityZoneManager}. Thread-safe. Not API.
 */
public final class DefaultAvailabilityZoneAsyncManager implements AvailabilityZoneAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultAvailabilityZoneAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<List<AvailabilityZone>> list() {
        return executor.call(DefaultAvailabilityZoneManager.LIST, Call.to());
    }

    @Override
    public CompletableFuture<List<AvailabilityZone>> listDetailed() {
        return executor.call(DefaultAvailabilityZoneManager.LIST_DETAIL, Call.to());
    }

    @Override
    public CompletableFuture<Optional<AvailabilityZone>> find(String name) {
        return checked(() -> {
            Ids.require("name", name);
            return list().thenApply(zones -> DefaultAvailabilityZoneManager.named(zones, name));
        });
    }
}
