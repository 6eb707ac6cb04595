package dev.novasdk.compute.servergroups;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ServerGroupManager} without blocking: the same requests, with futures failed by the exceptions the
 * blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#serverGroups()}.
 */
public interface ServerGroupAsyncManager {
    /**
     * {@link ServerGroupManager#list(ServerGroupListOptions)}: pages (by {@code limit}/{@code offset}) are
     * fetched as the subscriber asks for groups.
     */
    PagedPublisher<ServerGroup> list(ServerGroupListOptions options);

    /** {@link ServerGroupManager#list()}: the project's server groups. */
    default PagedPublisher<ServerGroup> list() {
        return list(ServerGroupListOptions.defaults());
    }

    /** {@link ServerGroupManager#get}: completes with the group, or fails with {@code NotFoundException}. */
    CompletableFuture<ServerGroup> get(String id);

    /** {@link ServerGroupManager#find}: completes with the group with this id or exactly this name, or empty. */
    CompletableFuture<Optional<ServerGroup>> find(String nameOrId);

    /** {@link ServerGroupManager#create}: completes with the new group, in the body form of the microversion. */
    CompletableFuture<ServerGroup> create(ServerGroupCreate group);

    /** {@link ServerGroupManager#delete}: completes once the group is deleted. */
    CompletableFuture<Void> delete(String id);
}
