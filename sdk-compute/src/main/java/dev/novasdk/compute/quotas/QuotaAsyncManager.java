package dev.novasdk.compute.quotas;

import java.util.concurrent.CompletableFuture;

/**
 * {@link QuotaManager} without blocking: the same requests, with futures failed by the exceptions the blocking
 * methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#quotas()}.
 */
public interface QuotaAsyncManager {
    /** {@link QuotaManager#get(String)}: completes with the project's quota set. */
    CompletableFuture<QuotaSet> get(String projectId);

    /** {@link QuotaManager#get(String, String)}: completes with one user's quota set in the project. */
    CompletableFuture<QuotaSet> get(String projectId, String userId);

    /** {@link QuotaManager#detail(String)}: completes with the project's quota set with usage. */
    CompletableFuture<QuotaSetDetail> detail(String projectId);

    /** {@link QuotaManager#detail(String, String)}: completes with one user's quota set with usage. */
    CompletableFuture<QuotaSetDetail> detail(String projectId, String userId);

    /** {@link QuotaManager#defaults}: completes with the default quota set. */
    CompletableFuture<QuotaSet> defaults(String projectId);

    /** {@link QuotaManager#update(String, QuotaUpdate)}: completes with the whole quota set after the change. */
    CompletableFuture<QuotaSet> update(String projectId, QuotaUpdate update);

    /**
     * {@link QuotaManager#update(String, String, QuotaUpdate)}: completes with the user's whole quota set after
     * the change.
     */
    CompletableFuture<QuotaSet> update(String projectId, String userId, QuotaUpdate update);

    /** {@link QuotaManager#revert(String)}: completes once the project's quota set is back to the defaults. */
    CompletableFuture<Void> revert(String projectId);

    /** {@link QuotaManager#revert(String, String)}: completes once the user's quota set is the project's. */
    CompletableFuture<Void> revert(String projectId, String userId);

    /** {@link QuotaManager#classSet}: completes with the quota class set. */
    CompletableFuture<QuotaSet> classSet(String className);

    /**
     * {@link QuotaManager#updateClassSet}: completes with the class set after the change; fails with
     * {@link IllegalArgumentException} when force is set.
     */
    CompletableFuture<QuotaSet> updateClassSet(String className, QuotaUpdate update);
}
