package dev.novasdk.compute.internal;

import dev.novasdk.compute.usage.TenantUsage;
import dev.novasdk.compute.usage.UsageListOptions;
import dev.novasdk.compute.usage.UsageManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;

/** {@link UsageManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultUsageManager implements UsageManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultUsageManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<TenantUsage> list(UsageListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                UsageOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public TenantUsage get(String projectId, UsageListOptions options) {
        return usage(executor.call(UsageOperations.PROJECT.page(), projectCall(projectId, options)));
    }

    @Override
    public PagedIterable<TenantUsage> pages(String projectId, UsageListOptions options) {
        Objects.requireNonNull(options, "options");
        Ids.require("projectId", projectId);
        return executor.list(UsageOperations.PROJECT, projectCall(projectId, options));
    }

    // Shared with DefaultUsageAsyncManager.

    static Call<Void> projectCall(String projectId, UsageListOptions options) {
        Objects.requireNonNull(options, "options");
        return Call.to(projectId).query(options.query()).require(options.versionRequirements());
    }

    static TenantUsage usage(UsageOperations.ProjectPage page) {
        return page.usage() == null ? TenantUsage.builder().build() : page.usage();
    }
}
