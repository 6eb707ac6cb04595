package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.usage.TenantUsage;
import dev.novasdk.compute.usage.UsageAsyncManager;
import dev.novasdk.compute.usage.UsageListOptions;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link UsageAsyncManager} on the async operation executor: the operations and calls of
 * {@link DefaultUsageManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultUsageAsyncManager implements UsageAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultUsageAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<TenantUsage> list(UsageListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                UsageOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public CompletableFuture<TenantUsage> get(String projectId, UsageListOptions options) {
        return checked(
                () -> executor.call(UsageOperations.PROJECT.page(), DefaultUsageManager.projectCall(projectId, options))
                        .thenApply(DefaultUsageManager::usage));
    }

    @Override
    public PagedPublisher<TenantUsage> pages(String projectId, UsageListOptions options) {
        Objects.requireNonNull(options, "options");
        Ids.require("projectId", projectId);
        return executor.list(UsageOperations.PROJECT, DefaultUsageManager.projectCall(projectId, options));
    }
}
