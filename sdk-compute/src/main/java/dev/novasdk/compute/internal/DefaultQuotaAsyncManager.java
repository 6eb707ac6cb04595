package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.quotas.QuotaAsyncManager;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.quotas.QuotaSetDetail;
import dev.novasdk.compute.quotas.QuotaUpdate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link QuotaAsyncManager} on the async operation executor: the operations and calls of
 * {@link DefaultQuotaManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultQuotaAsyncManager implements QuotaAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultQuotaAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<QuotaSet> get(String projectId) {
        return checked(() -> executor.call(DefaultQuotaManager.GET, Call.to(projectId)));
    }

    @Override
    public CompletableFuture<QuotaSet> get(String projectId, String userId) {
        return checked(() -> executor.call(DefaultQuotaManager.GET, DefaultQuotaManager.forUser(projectId, userId)));
    }

    @Override
    public CompletableFuture<QuotaSetDetail> detail(String projectId) {
        return checked(() -> executor.call(DefaultQuotaManager.DETAIL, Call.to(projectId)));
    }

    @Override
    public CompletableFuture<QuotaSetDetail> detail(String projectId, String userId) {
        return checked(() -> executor.call(DefaultQuotaManager.DETAIL, DefaultQuotaManager.forUser(projectId, userId)));
    }

    @Override
    public CompletableFuture<QuotaSet> defaults(String projectId) {
        return checked(() -> executor.call(DefaultQuotaManager.DEFAULTS, Call.to(projectId)));
    }

    @Override
    public CompletableFuture<QuotaSet> update(String projectId, QuotaUpdate update) {
        return checked(() -> executor.call(
                DefaultQuotaManager.UPDATE, Call.to(projectId).body(Objects.requireNonNull(update, "update"))));
    }

    @Override
    public CompletableFuture<QuotaSet> update(String projectId, String userId, QuotaUpdate update) {
        return checked(() -> executor.call(
                DefaultQuotaManager.UPDATE,
                DefaultQuotaManager.forUser(projectId, userId).body(Objects.requireNonNull(update, "update"))));
    }

    @Override
    public CompletableFuture<Void> revert(String projectId) {
        return checked(() -> executor.call(DefaultQuotaManager.REVERT, Call.to(projectId)));
    }

    @Override
    public CompletableFuture<Void> revert(String projectId, String userId) {
        return checked(() -> executor.call(DefaultQuotaManager.REVERT, DefaultQuotaManager.forUser(projectId, userId)));
    }

    @Override
    public CompletableFuture<QuotaSet> classSet(String className) {
        return checked(() -> executor.call(DefaultQuotaManager.CLASS_GET, Call.to(className)));
    }

    @Override
    public CompletableFuture<QuotaSet> updateClassSet(String className, QuotaUpdate update) {
        return checked(() ->
                executor.call(DefaultQuotaManager.CLASS_UPDATE, DefaultQuotaManager.classUpdate(className, update)));
    }
}
