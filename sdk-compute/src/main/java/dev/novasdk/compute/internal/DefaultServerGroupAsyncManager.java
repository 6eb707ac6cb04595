package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupAsyncManager;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupListOptions;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ServerGroupAsyncManager} on the async operation executor: the operations, offset paging and body
 * choice of {@link DefaultServerGroupManager}. A check that fails fails the returned future. Thread-safe. Not
 * API.
 */
public final class DefaultServerGroupAsyncManager implements ServerGroupAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultServerGroupAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<ServerGroup> list(ServerGroupListOptions options) {
        Objects.requireNonNull(options, "options");
        return PagedPublisher.of(previous -> {
            int offset = DefaultServerGroupManager.offset(options, previous);
            return executor.call(ServerGroupOperations.LIST, DefaultServerGroupManager.pageCall(options, offset))
                    .thenApply(items -> DefaultServerGroupManager.page(options, offset, items));
        });
    }

    @Override
    public CompletableFuture<ServerGroup> get(String id) {
        return checked(() -> executor.call(ServerGroupOperations.GET, Call.to(id)));
    }

    @Override
    public CompletableFuture<Optional<ServerGroup>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "server group",
                id -> executor.callIfPresent(ServerGroupOperations.GET, Call.to(id)),
                name -> list(),
                g -> Optional.of(g.name()),
                ServerGroup::id));
    }

    @Override
    public CompletableFuture<ServerGroup> create(ServerGroupCreate group) {
        return checked(() -> {
            Objects.requireNonNull(group, "group");
            // The version is known once the executor is ready.
            return executor.ready()
                    .thenCompose(v -> executor.call(
                            DefaultServerGroupManager.create(
                                    executor.requests().versions().current()),
                            Call.with(group)));
        });
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return checked(() -> executor.call(ServerGroupOperations.DELETE, Call.to(id)));
    }
}
