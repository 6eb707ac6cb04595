package dev.novasdk.compute.servers.migrations;

import java.util.List;

/**
 * The in-progress live migrations of a server ({@code /servers/{id}/migrations}; admin by default). Get it
 * from {@link dev.novasdk.compute.servers.ServerManager#migrations()}. Thread-safe.
 *
 * <p>Listing and showing need compute microversion 2.23, forcing completion 2.22 and aborting 2.24; a client
 * pinned below refuses before sending, naming the operation and the versions. Starting a live migration is the
 * {@code os-migrateLive} server action, not part of this manager.
 */
public interface ServerMigrationManager {
    /** The server's in-progress live migrations (Nova does not page them). */
    List<ServerMigration> list(String serverId);

    /**
     * One in-progress live migration.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the server has no such in-progress live migration
     */
    ServerMigration get(String serverId, long migrationId);

    /**
     * Asks Nova to complete a running live migration now, pausing the guest if needed. Asynchronous: Nova
     * answers 202.
     *
     * @throws dev.novasdk.core.error.ConflictException when the server or the migration is not in a state that
     *         allows it ("Instance ... is in an invalid state for 'force_complete'")
     */
    void forceComplete(String serverId, long migrationId);

    /**
     * Aborts a queued or running live migration. Asynchronous: Nova answers 202.
     *
     * @throws dev.novasdk.core.error.ConflictException when the server is not migrating ("Instance ... is in an
     *         invalid state for 'abort live migration'")
     */
    void abort(String serverId, long migrationId);
}
