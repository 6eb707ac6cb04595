package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorAccess;
import dev.novasdk.compute.flavors.FlavorAsyncManager;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.flavors.FlavorUpdate;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link FlavorAsyncManager} on the async operation executor: the operations and calls of
 * {@link DefaultFlavorManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultFlavorAsyncManager implements FlavorAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultFlavorAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Flavor> list(FlavorListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                DefaultFlavorManager.listOperation(options), Call.to().query(options.query()));
    }

    @Override
    public CompletableFuture<Flavor> get(String id) {
        return checked(() -> executor.call(FlavorOperations.GET, Call.to(id)));
    }

    @Override
    public CompletableFuture<Optional<Flavor>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "flavor",
                id -> executor.callIfPresent(FlavorOperations.GET, Call.to(id)),
                name -> list(DefaultFlavorManager.FIND_AMONG),
                f -> Optional.of(f.name()),
                Flavor::id));
    }

    @Override
    public CompletableFuture<Map<String, String>> extraSpecs(String id) {
        return checked(() ->
                executor.call(FlavorOperations.EXTRA_SPECS, Call.to(id)).thenApply(DefaultFlavorManager::strings));
    }

    @Override
    public CompletableFuture<String> extraSpec(String id, String key) {
        return checked(() -> executor.call(FlavorOperations.EXTRA_SPEC, Call.to(id, ExtraSpecRules.key(key)))
                .thenApply(specs -> DefaultFlavorManager.strings(specs).get(key)));
    }

    @Override
    public CompletableFuture<Map<String, String>> setExtraSpecs(String id, Map<String, String> extraSpecs) {
        return checked(() -> executor.call(
                        FlavorOperations.SET_EXTRA_SPECS, DefaultFlavorManager.setExtraSpecsCall(id, extraSpecs))
                .thenApply(DefaultFlavorManager::strings));
    }

    @Override
    public CompletableFuture<String> updateExtraSpec(String id, String key, String value) {
        return checked(() -> executor.call(
                        FlavorOperations.UPDATE_EXTRA_SPEC, DefaultFlavorManager.updateExtraSpecCall(id, key, value))
                .thenApply(specs -> DefaultFlavorManager.strings(specs).get(key)));
    }

    @Override
    public CompletableFuture<Void> deleteExtraSpec(String id, String key) {
        return checked(() -> executor.call(FlavorOperations.DELETE_EXTRA_SPEC, Call.to(id, ExtraSpecRules.key(key))));
    }

    @Override
    public CompletableFuture<List<FlavorAccess>> access(String id) {
        return checked(() -> executor.call(FlavorOperations.ACCESS, Call.to(id)).thenApply(List::of));
    }

    @Override
    public CompletableFuture<List<FlavorAccess>> addTenantAccess(String id, String projectId) {
        return checked(
                () -> executor.call(FlavorOperations.ADD_TENANT_ACCESS, DefaultFlavorManager.tenantCall(id, projectId))
                        .thenApply(List::of));
    }

    @Override
    public CompletableFuture<List<FlavorAccess>> removeTenantAccess(String id, String projectId) {
        return checked(() -> executor.call(
                        FlavorOperations.REMOVE_TENANT_ACCESS, DefaultFlavorManager.tenantCall(id, projectId))
                .thenApply(List::of));
    }

    @Override
    public CompletableFuture<Flavor> update(String id, FlavorUpdate update) {
        return checked(() -> executor.call(FlavorOperations.UPDATE, DefaultFlavorManager.updateCall(id, update)));
    }

    @Override
    public CompletableFuture<Flavor> create(FlavorCreate flavor) {
        return checked(
                () -> executor.call(FlavorOperations.CREATE, Call.with(Objects.requireNonNull(flavor, "flavor"))));
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return checked(() -> executor.call(FlavorOperations.DELETE, Call.to(id)));
    }
}
