package dev.novasdk.compute.limits;

/**
 * Compute limits ({@code GET /limits}): the project's quota as limits, with usage, to check before a
 * (multi-)create. Thread-safe; get it from {@link dev.novasdk.compute.ComputeClient#limits()}.
 *
 * <pre>{@code
 * AbsoluteLimits a = nova.limits().get().absolute();
 * int free = a.maxTotalInstances().orElse(-1) - a.totalInstancesUsed().orElse(0);
 * }</pre>
 */
public interface LimitsManager {
    /** The caller's project's limits. */
    Limits get();

    /**
     * Another project's limits ({@code tenant_id}, admin).
     *
     * @throws dev.novasdk.core.error.ForbiddenException for a non-admin caller, with Nova's policy message
     */
    Limits get(String projectId);
}
