package dev.novasdk.compute.flavors;

import dev.novasdk.compute.internal.ComputeContext;
import dev.novasdk.compute.internal.Urls;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.paging.PagedIterable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Flavors: list, get, find by name or id, extra specs, and (admin) create and delete. Thread-safe; get it
 * from {@link dev.novasdk.compute.ComputeClient#flavors()}.
 */
public final class FlavorManager {
    private static final Microversion DESCRIPTION = Microversion.of(2, 55);

    private final ComputeContext context;

    private FlavorManager(ComputeContext context) {
        this.context = context;
    }

    /** Internal: {@link dev.novasdk.compute.ComputeClient} builds the manager. */
    public static FlavorManager of(ComputeContext context) {
        return new FlavorManager(Objects.requireNonNull(context, "context"));
    }

    /**
     * A lazy listing over every page; {@link FlavorListOptions#limit()} is the page size.
     */
    public PagedIterable<Flavor> list(FlavorListOptions options) {
        Objects.requireNonNull(options, "options");
        return context.paged(
                () -> new ComputeContext.Listing(
                        Urls.of(
                                context.endpoint(),
                                options.detail() ? List.of("flavors", "detail") : List.of("flavors"),
                                options.query()),
                        context.endpoint(),
                        context.defaultVersion()),
                FlavorListDocument.class,
                FlavorListDocument::flavors,
                FlavorListDocument::nextHref,
                Flavor::id,
                f -> false);
    }

    /** Every flavor visible to the project, in detail. */
    public PagedIterable<Flavor> list() {
        return list(FlavorListOptions.defaults());
    }

    /**
     * The flavor with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    public Flavor get(String id) {
        return context.get(
                Urls.of(context.endpoint(), "flavors", requireId(id)),
                context.defaultVersion(),
                "flavor",
                Flavor.class);
    }

    /**
     * The flavor with this id, else the one with exactly this name.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several flavors have the name
     */
    public Optional<Flavor> find(String nameOrId) {
        return ComputeContext.find(
                nameOrId,
                "flavor",
                this::get,
                // Like novaclient: all visibilities, so admins find private flavors; Nova limits others anyway.
                list(FlavorListOptions.builder()
                        .visibility(FlavorListOptions.Visibility.ALL)
                        .build()),
                f -> Optional.of(f.name()),
                Flavor::id);
    }

    /** The flavor's extra specs ({@code hw:cpu_policy} and so on). */
    public Map<String, String> extraSpecs(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> specs = context.get(
                Urls.of(context.endpoint(), "flavors", requireId(id), "os-extra_specs"),
                context.defaultVersion(),
                "extra_specs",
                Map.class);
        Map<String, String> out = new LinkedHashMap<>();
        specs.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Creates a flavor (admin). A description needs microversion 2.55; with a pinned lower version this fails
     * before sending.
     */
    public Flavor create(FlavorCreate flavor) {
        Objects.requireNonNull(flavor, "flavor");
        Microversion version = context.defaultVersion();
        if (flavor.description().isPresent() && version.compareTo(DESCRIPTION) < 0) {
            throw new IllegalArgumentException("field 'description' requires compute microversion " + DESCRIPTION
                    + " or later; the client uses " + version);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", flavor.name());
        body.put("ram", flavor.ram());
        body.put("vcpus", flavor.vcpus());
        body.put("disk", flavor.disk());
        flavor.id().ifPresent(v -> body.put("id", v));
        flavor.ephemeralGb().ifPresent(v -> body.put("OS-FLV-EXT-DATA:ephemeral", v));
        flavor.swapMb().ifPresent(v -> body.put("swap", v));
        flavor.rxtxFactor().ifPresent(v -> body.put("rxtx_factor", v));
        flavor.isPublic().ifPresent(v -> body.put("os-flavor-access:is_public", v));
        flavor.description().ifPresent(v -> body.put("description", v));
        return context.exchange(
                HttpMethod.POST,
                Urls.of(context.endpoint(), "flavors"),
                version,
                Map.of("flavor", body),
                "flavor",
                Flavor.class);
    }

    /**
     * Deletes a flavor (admin).
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    public void delete(String id) {
        context.send(
                HttpMethod.DELETE,
                Urls.of(context.endpoint(), "flavors", requireId(id)),
                context.defaultVersion(),
                null);
    }

    static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        return id;
    }
}
