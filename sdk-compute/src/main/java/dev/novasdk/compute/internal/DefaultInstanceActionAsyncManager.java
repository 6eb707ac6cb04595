package dev.novasdk.compute.internal;

import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionAsyncManager;
import dev.novasdk.compute.instanceactions.InstanceActionListOptions;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link InstanceActionAsyncManager} on the async operation executor, with the calls and checks of
 * {@link DefaultInstanceActionManager}. Thread-safe. Not API.
 */
final class DefaultInstanceActionAsyncManager implements InstanceActionAsyncManager {
    private final AsyncOperationExecutor executor;

    DefaultInstanceActionAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<InstanceAction> list(String serverId, InstanceActionListOptions options) {
        return AsyncSubResourceManagers.listChecked(
                executor,
                InstanceActionOperations.LIST,
                () -> DefaultInstanceActionManager.listCall(serverId, options));
    }

    @Override
    public CompletableFuture<InstanceAction> get(String serverId, String requestId) {
        return DefaultServerAsyncManager.checked(() ->
                executor.call(InstanceActionOperations.GET, DefaultInstanceActionManager.getCall(serverId, requestId)));
    }
}
