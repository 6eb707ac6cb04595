package dev.novasdk.compute.servers.info;

import dev.novasdk.compute.servers.ServerAddress;
import java.util.List;
import java.util.Map;

/**
 * The IP addresses of a server, by network label ({@code /servers/{id}/ips}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#ips()}. Thread-safe.
 */
public interface ServerAddressManager {
    /** Every address of the server, by network label; empty for a server without networks. */
    Map<String, List<ServerAddress>> list(String serverId);

    /**
     * The addresses of the server on one network.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the server is not on that network ("Instance is not
     *         a member of specified network") or there is no such server
     */
    List<ServerAddress> list(String serverId, String networkLabel);
}
