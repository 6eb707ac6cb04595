package dev.novasdk.compute.flavors;

import dev.novasdk.core.paging.PagedIterable;
import java.util.Map;
import java.util.Optional;

/**
 * Flavors: list, get, find by name or id, extra specs, and (admin) create and delete. Thread-safe; get it
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
