package dev.novasdk.compute.quotas;

/**
 * Compute quota sets ({@code os-quota-sets}) of a project or of one user in it, and quota class sets
 * ({@code os-quota-class-sets}, whose {@code default} class holds the defaults). Reading one's own project's
 * quota is allowed to everyone; everything else is admin-only and a non-admin gets a
 * {@link dev.novasdk.core.error.ForbiddenException} with Nova's policy message. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#quotas()}.
 *
 * <pre>{@code
 * nova.quotas().update(projectId, userId, QuotaUpdate.builder().instances(2).build());
 * try {
 *     // ... servers beyond two are refused: ForbiddenException "Quota exceeded for instances: ..."
 * } finally {
 *     nova.quotas().revert(projectId, userId);
 * }
 * }</pre>
 */
public interface QuotaManager {
    /** The project's quota set. */
    QuotaSet get(String projectId);

    /** The quota set of one user in the project ({@code ?user_id=}); a user has the project's unless set. */
    QuotaSet get(String projectId, String userId);

    /** The project's quota set with usage and reservations. */
    QuotaSetDetail detail(String projectId);

    /** One user's quota set in the project, with that user's usage. */
    QuotaSetDetail detail(String projectId, String userId);

    /** The default quota set a project without quotas of its own has. */
    QuotaSet defaults(String projectId);

    /**
     * Changes the project's limits (admin); fields not set stay. Fields a usable microversion does not accept
     * fail before sending.
     *
     * @throws dev.novasdk.core.error.BadRequestException when Nova refuses a limit (below what is in use
     *     without force, a user's above the project's)
     * @return the whole quota set after the change (without {@code id})
     */
    QuotaSet update(String projectId, QuotaUpdate update);

    /**
     * Changes one user's limits in the project (admin); a user's limit may not exceed the project's.
     *
     * @return the user's whole quota set after the change (without {@code id})
     */
    QuotaSet update(String projectId, String userId, QuotaUpdate update);

    /** Reverts the project's quota set to the defaults (admin; {@code DELETE}). */
    void revert(String projectId);

    /** Reverts one user's quota set in the project to the project's (admin; {@code DELETE}). */
    void revert(String projectId, String userId);

    /** A quota class set, such as {@code default} (admin). */
    QuotaSet classSet(String className);

    /**
     * Changes a quota class set (admin); changing {@code default} changes every project's defaults.
     * {@link QuotaUpdate#force()} is not accepted here.
     *
     * @throws IllegalArgumentException when force is set
     */
    QuotaSet updateClassSet(String className, QuotaUpdate update);
}
