package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.limits.Limits;
import dev.novasdk.compute.limits.LimitsAsyncManager;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link LimitsAsyncManager} on the async operation executor: the operation and calls of
 * {@link DefaultLimitsManager}. Thread-safe. Not API.
 */
public final class DefaultLimitsAsyncManager implements LimitsAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultLimitsAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<Limits> get() {
        return executor.call(DefaultLimitsManager.GET, Call.to());
    }

    @Override
    public CompletableFuture<Limits> get(String projectId) {
        return checked(() -> executor.call(DefaultLimitsManager.GET, DefaultLimitsManager.forProject(projectId)));
    }
}
