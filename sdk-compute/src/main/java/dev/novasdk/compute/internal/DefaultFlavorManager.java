package dev.novasdk.compute.internal;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.flavors.FlavorManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        Map<?, ?> specs = executor.call(FlavorOperations.EXTRA_SPECS, Call.to(id));
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
