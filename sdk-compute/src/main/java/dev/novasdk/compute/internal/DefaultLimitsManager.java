package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.limits.Limits;
import dev.novasdk.compute.limits.LimitsManager;
import dev.novasdk.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link LimitsManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultLimitsManager implements LimitsManager {
    static final Operation<Void, Limits> GET =
            Operation.of("limits.get", HttpMethod.GET, "limits").returns(member("limits", Limits.class));

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultLimitsManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public Limits get() {
        return executor.call(GET, Call.to());
    }

    @Override
    public Limits get(String projectId) {
        return executor.call(GET, forProject(projectId));
    }

    // Shared with DefaultLimitsAsyncManager.
    static Call<Void> forProject(String projectId) {
        Ids.require("projectId", projectId);
        return Call.to().query(Map.of("tenant_id", List.of(projectId)));
    }
}
