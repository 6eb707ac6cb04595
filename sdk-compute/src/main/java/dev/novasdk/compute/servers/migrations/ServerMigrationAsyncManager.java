package dev.novasdk.compute.servers.migrations;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The in-progress live migrations of a server without blocking: every operation of
 * {@link ServerMigrationManager}; a client pinned below an operation's microversion fails the future before
 * sending. Thread-safe; get it from {@link dev.novasdk.compute.servers.ServerAsyncManager#migrations()}.
 */
public interface ServerMigrationAsyncManager {
    /** {@link ServerMigrationManager#list}: completes with the server's in-progress live migrations. */
    CompletableFuture<List<ServerMigration>> list(String serverId);

    /** {@link ServerMigrationManager#get}: completes with one in-progress live migration. */
    CompletableFuture<ServerMigration> get(String serverId, long migrationId);

    /** {@link ServerMigrationManager#forceComplete}: completes once Nova accepted the request (202). */
    CompletableFuture<Void> forceComplete(String serverId, long migrationId);

    /** {@link ServerMigrationManager#abort}: completes once Nova accepted the request (202). */
    CompletableFuture<Void> abort(String serverId, long migrationId);
}
