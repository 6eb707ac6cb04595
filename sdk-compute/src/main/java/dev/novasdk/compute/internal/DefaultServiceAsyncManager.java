package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceAsyncManager;
import dev.novasdk.compute.services.ServiceListOptions;
import dev.novasdk.compute.services.ServiceUpdate;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link ServiceAsyncManager} on the async operation executor: the operations and changes of
 * {@link DefaultServiceManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultServiceAsyncManager implements ServiceAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultServiceAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Service> list(ServiceListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(ServiceOperations.LIST, Call.to().query(options.query()));
    }

    @Override
    public CompletableFuture<Service> enable(Service service) {
        return change(() -> DefaultServiceManager.Change.enable(service));
    }

    @Override
    public CompletableFuture<Service> disable(Service service) {
        return change(() -> DefaultServiceManager.Change.disable(service));
    }

    @Override
    public CompletableFuture<Service> disable(Service service, String reason) {
        return change(() -> DefaultServiceManager.Change.disable(service, reason));
    }

    @Override
    public CompletableFuture<Service> forceDown(Service service, boolean forcedDown) {
        return change(() -> DefaultServiceManager.Change.forceDown(service, forcedDown));
    }

    @Override
    public CompletableFuture<Service> update(String id, ServiceUpdate update) {
        return checked(() ->
                executor.call(ServiceOperations.UPDATE, Call.to(id).body(Objects.requireNonNull(update, "update"))));
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return checked(() -> executor.call(ServiceOperations.DELETE, Call.to(id)));
    }

    // The form depends on the version, known once the executor is ready.
    private CompletableFuture<Service> change(Supplier<DefaultServiceManager.Change> build) {
        return checked(() -> {
            DefaultServiceManager.Change change = build.get();
            return executor.ready().thenCompose(v -> {
                if (change.byId(executor.requests().versions().current())) {
                    return update(change.id(), change.update());
                }
                return executor.call(change.byHost(), Call.with(change.body())).thenApply(change::merged);
            });
        });
    }
}
