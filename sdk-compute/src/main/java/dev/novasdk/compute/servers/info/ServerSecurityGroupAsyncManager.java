package dev.novasdk.compute.servers.info;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The security groups of a server without blocking: every operation of {@link ServerSecurityGroupManager}.
 * Thread-safe; get it from {@link dev.novasdk.compute.servers.ServerAsyncManager#securityGroups()}.
 */
public interface ServerSecurityGroupAsyncManager {
    /** {@link ServerSecurityGroupManager#list}: completes with the server's security groups and their rules. */
    CompletableFuture<List<SecurityGroup>> list(String serverId);

    /** {@link ServerSecurityGroupManager#add}: completes once the group named {@code name} is added. */
    CompletableFuture<Void> add(String serverId, String name);

    /** {@link ServerSecurityGroupManager#remove}: completes once the group named {@code name} is removed. */
    CompletableFuture<Void> remove(String serverId, String name);
}
