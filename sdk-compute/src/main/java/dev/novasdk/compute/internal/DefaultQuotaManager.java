package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.quotas.QuotaManager;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.quotas.QuotaSetDetail;
import dev.novasdk.compute.quotas.QuotaUpdate;
import dev.novasdk.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link QuotaManager} on the operation executor, with the quota operations, each described once. Not API. */
public final class DefaultQuotaManager implements QuotaManager {
    private static final String SET = "os-quota-sets/{project}";

    static final Operation<Void, QuotaSet> GET =
            Operation.of("quotas.get", HttpMethod.GET, SET).returns(member("quota_set", QuotaSet.class));

    static final Operation<Void, QuotaSetDetail> DETAIL = Operation.of("quotas.detail", HttpMethod.GET, SET + "/detail")
            .returns(member("quota_set", QuotaSetDetail.class));

    static final Operation<Void, QuotaSet> DEFAULTS = Operation.of("quotas.defaults", HttpMethod.GET, SET + "/defaults")
            .returns(member("quota_set", QuotaSet.class));

    static final Operation<QuotaUpdate, QuotaSet> UPDATE = Operation.of("quotas.update", HttpMethod.PUT, SET)
            .sends(member("quota_set"), QuotaUpdate::versionRequirements)
            .returns(member("quota_set", QuotaSet.class));

    static final Operation<Void, Void> REVERT = Operation.of("quotas.revert", HttpMethod.DELETE, SET);

    static final Operation<Void, QuotaSet> CLASS_GET = Operation.of(
                    "quotaClasses.get", HttpMethod.GET, "os-quota-class-sets/{class}")
            .returns(member("quota_class_set", QuotaSet.class));

    static final Operation<QuotaUpdate, QuotaSet> CLASS_UPDATE = Operation.of(
                    "quotaClasses.update", HttpMethod.PUT, "os-quota-class-sets/{class}")
            .sends(member("quota_class_set"), QuotaUpdate::classVersionRequirements)
            .returns(member("quota_class_set", QuotaSet.class));

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultQuotaManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public QuotaSet get(String projectId) {
        return executor.call(GET, Call.to(projectId));
    }

    @Override
    public QuotaSet get(String projectId, String userId) {
        return executor.call(GET, forUser(projectId, userId));
    }

    @Override
    public QuotaSetDetail detail(String projectId) {
        return executor.call(DETAIL, Call.to(projectId));
    }

    @Override
    public QuotaSetDetail detail(String projectId, String userId) {
        return executor.call(DETAIL, forUser(projectId, userId));
    }

    @Override
    public QuotaSet defaults(String projectId) {
        return executor.call(DEFAULTS, Call.to(projectId));
    }

    @Override
    public QuotaSet update(String projectId, QuotaUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(UPDATE, Call.to(projectId).body(update));
    }

    @Override
    public QuotaSet update(String projectId, String userId, QuotaUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(UPDATE, forUser(projectId, userId).body(update));
    }

    @Override
    public void revert(String projectId) {
        executor.call(REVERT, Call.to(projectId));
    }

    @Override
    public void revert(String projectId, String userId) {
        executor.call(REVERT, forUser(projectId, userId));
    }

    @Override
    public QuotaSet classSet(String className) {
        return executor.call(CLASS_GET, Call.to(className));
    }

    @Override
    public QuotaSet updateClassSet(String className, QuotaUpdate update) {
        return executor.call(CLASS_UPDATE, classUpdate(className, update));
    }

    // The calls that check their arguments, shared with DefaultQuotaAsyncManager.

    static Call<QuotaUpdate> classUpdate(String className, QuotaUpdate update) {
        Objects.requireNonNull(update, "update");
        if (update.force().isPresent()) {
            throw new IllegalArgumentException("force is not accepted by quota class set updates");
        }
        return Call.to(className).body(update);
    }

    static Call<Void> forUser(String projectId, String userId) {
        Ids.require("userId", userId);
        return Call.to(projectId).query(Map.of("user_id", List.of(userId)));
    }
}
