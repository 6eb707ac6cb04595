package dev.novasdk.compute.internal;

import dev.novasdk.compute.migrations.Migration;
import dev.novasdk.compute.migrations.MigrationListOptions;
import dev.novasdk.compute.migrations.MigrationManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;

/** {@link MigrationManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultMigrationManager implements MigrationManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultMigrationManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Migration> list(MigrationListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                MigrationOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }
}
