package dev.novasdk.compute.servers.info;

import dev.novasdk.compute.servers.ServerAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The IP addresses of a server without blocking: every operation of {@link ServerAddressManager}. Thread-safe;
 * get it from {@link dev.novasdk.compute.servers.ServerAsyncManager#ips()}.
 */
public interface ServerAddressAsyncManager {
    /** {@link ServerAddressManager#list(String)}: completes with every address of the server, by network label. */
    CompletableFuture<Map<String, List<ServerAddress>>> list(String serverId);

    /** {@link ServerAddressManager#list(String, String)}: completes with the server's addresses on one network. */
    CompletableFuture<List<ServerAddress>> list(String serverId, String networkLabel);
}
