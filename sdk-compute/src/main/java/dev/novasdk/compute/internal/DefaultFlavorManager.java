package dev.novasdk.compute.internal;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorAccess;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.flavors.FlavorManager;
import dev.novasdk.compute.flavors.FlavorUpdate;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link FlavorManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultFlavorManager implements FlavorManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultFlavorManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Flavor> list(FlavorListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                options.detail() ? FlavorOperations.LIST_DETAIL : FlavorOperations.LIST,
                Call.to().query(options.query()));
    }

    @Override
    public Flavor get(String id) {
        return executor.call(FlavorOperations.GET, Call.to(id));
    }

    @Override
    public Optional<Flavor> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "flavor",
                id -> executor.callIfPresent(FlavorOperations.GET, Call.to(id)),
                // Like novaclient: all visibilities, so admins find private flavors; Nova limits others anyway.
                name -> list(FlavorListOptions.builder()
                        .visibility(FlavorListOptions.Visibility.ALL)
                        .build()),
                f -> Optional.of(f.name()),
                Flavor::id);
    }

    @Override
    public Map<String, String> extraSpecs(String id) {
        return strings(executor.call(FlavorOperations.EXTRA_SPECS, Call.to(id)));
    }

    @Override
    public String extraSpec(String id, String key) {
        return strings(executor.call(FlavorOperations.EXTRA_SPEC, Call.to(id, ExtraSpecRules.key(key))))
                .get(key);
    }

    @Override
    public Map<String, String> setExtraSpecs(String id, Map<String, String> extraSpecs) {
        Objects.requireNonNull(extraSpecs, "extraSpecs");
        Map<String, String> copy = new LinkedHashMap<>();
        extraSpecs.forEach((k, v) -> copy.put(ExtraSpecRules.key(k), ExtraSpecRules.value(k, v)));
        return strings(
                executor.call(FlavorOperations.SET_EXTRA_SPECS, Call.to(id).body(Collections.unmodifiableMap(copy))));
    }

    @Override
    public String updateExtraSpec(String id, String key, String value) {
        Map<String, String> body = Map.of(ExtraSpecRules.key(key), ExtraSpecRules.value(key, value));
        return strings(executor.call(
                        FlavorOperations.UPDATE_EXTRA_SPEC, Call.to(id, key).body(body)))
                .get(key);
    }

    @Override
    public void deleteExtraSpec(String id, String key) {
        executor.call(FlavorOperations.DELETE_EXTRA_SPEC, Call.to(id, ExtraSpecRules.key(key)));
    }

    @Override
    public List<FlavorAccess> access(String id) {
        return List.of(executor.call(FlavorOperations.ACCESS, Call.to(id)));
    }

    @Override
    public List<FlavorAccess> addTenantAccess(String id, String projectId) {
        return List.of(executor.call(
                FlavorOperations.ADD_TENANT_ACCESS,
                Call.to(id).body(new FlavorOperations.Tenant(Ids.require("projectId", projectId)))));
    }

    @Override
    public List<FlavorAccess> removeTenantAccess(String id, String projectId) {
        return List.of(executor.call(
                FlavorOperations.REMOVE_TENANT_ACCESS,
                Call.to(id).body(new FlavorOperations.Tenant(Ids.require("projectId", projectId)))));
    }

    @Override
    public Flavor update(String id, FlavorUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(
                FlavorOperations.UPDATE,
                Call.to(id)
                        .body(new FlavorOperations.Description(
                                update.description().orElse(null))));
    }

    // Nova sends extra spec values as strings, but old clouds hold numbers and booleans set before the schema.
    private static Map<String, String> strings(Map<?, ?> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        specs.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : v.toString()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Flavor create(FlavorCreate flavor) {
        Objects.requireNonNull(flavor, "flavor");
        return executor.call(FlavorOperations.CREATE, Call.with(flavor));
    }

    @Override
    public void delete(String id) {
        executor.call(FlavorOperations.DELETE, Call.to(id));
    }
}
