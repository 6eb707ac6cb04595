package dev.novasdk.compute.limits;

import java.util.concurrent.CompletableFuture;

/**
 * {@link LimitsManager} without blocking: the same requests, with futures failed by the exceptions the blocking
 * methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#limits()}.
 */
public interface LimitsAsyncManager {
    /** {@link LimitsManager#get()}: completes with the caller's project's limits. */
    CompletableFuture<Limits> get();

    /** {@link LimitsManager#get(String)}: completes with another project's limits (admin). */
    CompletableFuture<Limits> get(String projectId);
}
