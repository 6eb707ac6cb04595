package dev.novasdk.compute.migrations;

import dev.novasdk.core.paging.PagedPublisher;

/**
 * {@link MigrationManager} without blocking (admin): the same requests, with listings that fail as the
 * blocking ones throw. Thread-safe; get it from {@link dev.novasdk.compute.ComputeAsyncClient#migrations()}.
 */
public interface MigrationAsyncManager {
    /**
     * {@link MigrationManager#list(MigrationListOptions)}: pages are fetched as the subscriber asks for
     * migrations.
     */
    PagedPublisher<Migration> list(MigrationListOptions options);

    /** {@link MigrationManager#list()}: every migration. */
    default PagedPublisher<Migration> list() {
        return list(MigrationListOptions.defaults());
    }
}
