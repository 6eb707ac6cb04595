package dev.novasdk.compute.servers.info;

/**
 * The NUMA topology of a server ({@code /servers/{id}/topology}, compute microversion 2.78 and later). Get it
 * from {@link dev.novasdk.compute.servers.ServerManager#topology()}. Thread-safe.
 */
public interface ServerTopologyManager {
    /**
     * The server's topology; a server without a NUMA topology has no nodes and no page size. The host node and
     * CPU pinning are shown to admins only. A client pinned below 2.78 refuses before sending.
     */
    ServerTopology get(String serverId);
}
