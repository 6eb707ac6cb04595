package dev.novasdk.compute.internal;

import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionListOptions;
import dev.novasdk.compute.instanceactions.InstanceActionManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;

/** {@link InstanceActionManager} on the operation executor. Thread-safe. Not API. */
final class DefaultInstanceActionManager implements InstanceActionManager {
    private final OperationExecutor executor;

    DefaultInstanceActionManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<InstanceAction> list(String serverId, InstanceActionListOptions options) {
        return executor.list(InstanceActionOperations.LIST, listCall(serverId, options));
    }

    static Call<Void> listCall(String serverId, InstanceActionListOptions options) {
        Ids.require("serverId", serverId);
        Objects.requireNonNull(options, "options");
        return Call.to(serverId).query(options.query()).require(options.versionRequirements());
    }

    static Call<Void> getCall(String serverId, String requestId) {
        Ids.require("serverId", serverId);
        Ids.require("requestId", requestId);
        return Call.to(serverId, requestId);
    }

    @Override
    public InstanceAction get(String serverId, String requestId) {
        return executor.call(InstanceActionOperations.GET, getCall(serverId, requestId));
    }
}
