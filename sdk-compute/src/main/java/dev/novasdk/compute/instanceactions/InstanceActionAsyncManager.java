package dev.novasdk.compute.instanceactions;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.concurrent.CompletableFuture;

/**
 * The action log of servers without blocking: every operation of {@link InstanceActionManager}, failing the
 * future (or the listing's subscriber) where the blocking method throws; a bad argument fails it before
 * anything is sent. Thread-safe; get it from
 * {@link dev.novasdk.compute.servers.ServerAsyncManager#instanceActions()}.
 */
public interface InstanceActionAsyncManager {
    /**
     * {@link InstanceActionManager#list(String, InstanceActionListOptions)}: the actions of a server, newest
     * first, with pages fetched as the subscriber asks for items.
     */
    PagedPublisher<InstanceAction> list(String serverId, InstanceActionListOptions options);

    /** {@link InstanceActionManager#list(String)}: every action of a server, newest first. */
    default PagedPublisher<InstanceAction> list(String serverId) {
        return list(serverId, InstanceActionListOptions.defaults());
    }

    /** {@link InstanceActionManager#get}: completes with one action of a server, with its events. */
    CompletableFuture<InstanceAction> get(String serverId, String requestId);
}
