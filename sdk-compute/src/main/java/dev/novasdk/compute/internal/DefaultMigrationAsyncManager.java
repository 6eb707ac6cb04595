package dev.novasdk.compute.internal;

import dev.novasdk.compute.migrations.Migration;
import dev.novasdk.compute.migrations.MigrationAsyncManager;
import dev.novasdk.compute.migrations.MigrationListOptions;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;

/**
 * {@link MigrationAsyncManager} on the async operation executor: the operation of
 * {@link DefaultMigrationManager}. Thread-safe. Not API.
 */
public final class DefaultMigrationAsyncManager implements MigrationAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultMigrationAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Migration> list(MigrationListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                MigrationOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }
}
