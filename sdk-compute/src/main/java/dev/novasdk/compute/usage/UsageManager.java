package dev.novasdk.compute.usage;

import dev.novasdk.core.paging.PagedIterable;

/**
 * Simple tenant usage: how many server hours, vCPU, memory and disk projects used over a period. Every project
 * is admin-only ("Policy doesn't allow os_compute_api:os-simple-tenant-usage:list to be performed."); a
 * project's own report is allowed to its members. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#usage()}.
 *
 * <pre>{@code
 * TenantUsage mine = nova.usage().get(projectId, UsageListOptions.since(Instant.now().minus(Duration.ofDays(1))));
 * }</pre>
 */
public interface UsageManager {
    /** A lazy report of every project; {@link UsageListOptions#limit()} is the page size in servers (2.40+). */
    PagedIterable<TenantUsage> list(UsageListOptions options);

    /**
     * One project's report with its servers. With a limit (2.40+) this is the first page's servers and their
     * totals; {@link #pages(String, UsageListOptions)} gives every page.
     */
    TenantUsage get(String projectId, UsageListOptions options);

    /** One project's report, page by page (2.40+ pages; one page before), each with that page's servers. */
    PagedIterable<TenantUsage> pages(String projectId, UsageListOptions options);
}
