package dev.novasdk.compute.servers.info;

import java.util.concurrent.CompletableFuture;

/**
 * The NUMA topology of a server without blocking (compute microversion 2.78 and later): the operation of
 * {@link ServerTopologyManager}; a client pinned below 2.78 fails the future before sending. Thread-safe; get
 * it from {@link dev.novasdk.compute.servers.ServerAsyncManager#topology()}.
 */
public interface ServerTopologyAsyncManager {
    /** {@link ServerTopologyManager#get}: completes with the server's topology. */
    CompletableFuture<ServerTopology> get(String serverId);
}
