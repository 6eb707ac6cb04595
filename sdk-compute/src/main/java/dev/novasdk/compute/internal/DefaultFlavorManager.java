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
    // Like novaclient, find looks among all visibilities, so admins find private flavors; Nova limits others.
    static final FlavorListOptions FIND_AMONG = FlavorListOptions.builder()
            .visibility(FlavorListOptions.Visibility.ALL)
            .build();

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultFlavorManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Flavor> list(FlavorListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(listOperation(options), Call.to().query(options.query()));
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
                name -> list(FIND_AMONG),
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
        return strings(executor.call(FlavorOperations.SET_EXTRA_SPECS, setExtraSpecsCall(id, extraSpecs)));
    }

    @Override
    public String updateExtraSpec(String id, String key, String value) {
        return strings(executor.call(FlavorOperations.UPDATE_EXTRA_SPEC, updateExtraSpecCall(id, key, value)))
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
        return List.of(executor.call(FlavorOperations.ADD_TENANT_ACCESS, tenantCall(id, projectId)));
    }

    @Override
    public List<FlavorAccess> removeTenantAccess(String id, String projectId) {
        return List.of(executor.call(FlavorOperations.REMOVE_TENANT_ACCESS, tenantCall(id, projectId)));
    }

    @Override
    public Flavor update(String id, FlavorUpdate update) {
        return executor.call(FlavorOperations.UPDATE, updateCall(id, update));
    }

    // The calls of the methods that check or shape their arguments, shared with DefaultFlavorAsyncManager.

    static Call<Map<String, String>> setExtraSpecsCall(String id, Map<String, String> extraSpecs) {
        Objects.requireNonNull(extraSpecs, "extraSpecs");
        Map<String, String> copy = new LinkedHashMap<>();
        extraSpecs.forEach((k, v) -> copy.put(ExtraSpecRules.key(k), ExtraSpecRules.value(k, v)));
        return Call.to(id).body(Collections.unmodifiableMap(copy));
    }

    static Call<Map<String, String>> updateExtraSpecCall(String id, String key, String value) {
        return Call.to(id, key).body(Map.of(ExtraSpecRules.key(key), ExtraSpecRules.value(key, value)));
    }

    static Call<FlavorOperations.Tenant> tenantCall(String id, String projectId) {
        return Call.to(id).body(new FlavorOperations.Tenant(Ids.require("projectId", projectId)));
    }

    static Call<FlavorOperations.Description> updateCall(String id, FlavorUpdate update) {
        Objects.requireNonNull(update, "update");
        return Call.to(id)
                .body(new FlavorOperations.Description(update.description().orElse(null)));
    }

    // Nova sends extra spec values as strings, but old clouds hold numbers and booleans set before the schema.
    static Map<String, String> strings(Map<?, ?> specs) {
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

    // The summary or the detail listing; shared with DefaultFlavorAsyncManager.
    static ListOperation<FlavorListDocument, Flavor> listOperation(FlavorListOptions options) {
        return options.detail() ? FlavorOperations.LIST_DETAIL : FlavorOperations.LIST;
    }
}
