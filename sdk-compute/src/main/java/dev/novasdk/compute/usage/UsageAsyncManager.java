package dev.novasdk.compute.usage;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.concurrent.CompletableFuture;

/**
 * {@link UsageManager} without blocking: the same requests, with futures failed by the exceptions the blocking
 * methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#usage()}.
 */
public interface UsageAsyncManager {
    /** {@link UsageManager#list}: every project's report; pages are fetched as the subscriber asks. */
    PagedPublisher<TenantUsage> list(UsageListOptions options);

    /** {@link UsageManager#get}: completes with one project's report (the first page's, with a limit). */
    CompletableFuture<TenantUsage> get(String projectId, UsageListOptions options);

    /** {@link UsageManager#pages}: one project's report, page by page, fetched as the subscriber asks. */
    PagedPublisher<TenantUsage> pages(String projectId, UsageListOptions options);
}
