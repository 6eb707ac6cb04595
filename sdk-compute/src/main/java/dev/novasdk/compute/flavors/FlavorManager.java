package dev.novasdk.compute.flavors;

import dev.novasdk.core.paging.PagedIterable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flavors: list, get, find by name or id, extra specs, and (admin) create, update the description, delete,
 * manage extra specs and the projects that may use a private flavor. Thread-safe; get it
 * from {@link dev.novasdk.compute.ComputeClient#flavors()}.
 */
public interface FlavorManager {
    /** A lazy listing over every page; {@link FlavorListOptions#limit()} is the page size. */
    PagedIterable<Flavor> list(FlavorListOptions options);

    /** Every flavor visible to the project, in detail. */
    default PagedIterable<Flavor> list() {
        return list(FlavorListOptions.defaults());
    }

    /**
     * The flavor with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Flavor get(String id);

    /**
     * The flavor with this id, else the one with exactly this name, among flavors of every visibility (like
     * novaclient, so admins find private flavors).
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several flavors have the name
     */
    Optional<Flavor> find(String nameOrId);

    /** The flavor's extra specs ({@code hw:cpu_policy} and so on). */
    Map<String, String> extraSpecs(String id);

    /**
     * One extra spec's value.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the flavor has no such key ("Flavor x has no extra
     *         specs with key k.")
     */
    String extraSpec(String id, String key);

    /**
     * Sets extra specs (admin), keeping other keys; returns the keys set. Keys are 1-255 characters of
     * letters, digits and {@code -_:. } and values at most 255 characters, checked before sending; Nova
     * validates the values of keys it knows ({@code hw:cpu_policy}) itself.
     */
    Map<String, String> setExtraSpecs(String id, Map<String, String> extraSpecs);

    /** Sets one extra spec (admin) with {@code PUT /flavors/{id}/os-extra_specs/{key}}; returns the value. */
    String updateExtraSpec(String id, String key, String value);

    /**
     * Deletes one extra spec (admin).
     *
     * @throws dev.novasdk.core.error.NotFoundException when the flavor has no such key
     */
    void deleteExtraSpec(String id, String key);

    /**
     * The projects that may use a private flavor (admin).
     *
     * @throws dev.novasdk.core.error.NotFoundException for a public flavor ("Access list not available for
     *         public flavors.")
     */
    List<FlavorAccess> access(String id);

    /**
     * Lets a project use a private flavor (admin); returns the flavor's access list.
     *
     * @throws dev.novasdk.core.error.ConflictException for a public flavor ("Can not add access to a public
     *         flavor.") or a project that already has access
     */
    List<FlavorAccess> addTenantAccess(String id, String projectId);

    /**
     * Takes a project's access to a private flavor away (admin); returns the flavor's access list.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the project has no access (public flavors included)
     */
    List<FlavorAccess> removeTenantAccess(String id, String projectId);

    /**
     * Changes the flavor's description (admin, microversion 2.55+); returns the flavor.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Flavor update(String id, FlavorUpdate update);

    /**
     * Creates a flavor (admin). A description needs microversion 2.55; a field no usable microversion accepts
     * fails before sending.
     */
    Flavor create(FlavorCreate flavor);

    /**
     * Deletes a flavor (admin).
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    void delete(String id);
}
