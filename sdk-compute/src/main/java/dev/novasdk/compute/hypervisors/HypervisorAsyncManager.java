package dev.novasdk.compute.hypervisors;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link HypervisorManager} without blocking (admin): the same requests, with futures failed by the exceptions
 * the blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#hypervisors()}.
 */
public interface HypervisorAsyncManager {
    /**
     * {@link HypervisorManager#list(HypervisorListOptions)}: pages are fetched as the subscriber asks for
     * hypervisors.
     */
    PagedPublisher<Hypervisor> list(HypervisorListOptions options);

    /** {@link HypervisorManager#list()}: every hypervisor, in detail. */
    default PagedPublisher<Hypervisor> list() {
        return list(HypervisorListOptions.defaults());
    }

    /** {@link HypervisorManager#get}: completes with the hypervisor, or fails with {@code NotFoundException}. */
    CompletableFuture<Hypervisor> get(String id);

    /**
     * {@link HypervisorManager#find}: completes with the hypervisor with this id or exactly this host name, or
     * empty.
     */
    CompletableFuture<Optional<Hypervisor>> find(String nameOrId);

    /**
     * {@link HypervisorManager#search}: completes with the hypervisors whose host name contains
     * {@code pattern}, or fails with {@code NotFoundException} when none does.
     */
    CompletableFuture<List<Hypervisor>> search(String pattern);

    /** {@link HypervisorManager#servers}: completes with the matching hypervisors, each with its servers. */
    CompletableFuture<List<Hypervisor>> servers(String pattern);

    /** {@link HypervisorManager#statistics}: completes with the summed capacity and usage (until 2.87). */
    CompletableFuture<HypervisorStatistics> statistics();

    /** {@link HypervisorManager#uptime}: completes with the hypervisor's summary and uptime (until 2.87). */
    CompletableFuture<Hypervisor> uptime(String id);
}
