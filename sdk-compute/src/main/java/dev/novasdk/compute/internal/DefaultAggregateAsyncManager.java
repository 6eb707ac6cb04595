package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.aggregates.Aggregate;
import dev.novasdk.compute.aggregates.AggregateAsyncManager;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.aggregates.AggregateUpdate;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AggregateAsyncManager} on the async operation executor: the operations and bodies of
 * {@link DefaultAggregateManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultAggregateAsyncManager implements AggregateAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultAggregateAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<Aggregate> create(AggregateCreate aggregate) {
        return checked(() ->
                executor.call(AggregateOperations.CREATE, Call.with(Objects.requireNonNull(aggregate, "aggregate"))));
    }

    @Override
    public PagedPublisher<Aggregate> list() {
        return executor.list(AggregateOperations.LIST, Call.to());
    }

    @Override
    public CompletableFuture<Aggregate> get(String id) {
        return checked(() -> executor.call(AggregateOperations.GET, Call.to(id)));
    }

    @Override
    public CompletableFuture<Optional<Aggregate>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "aggregate",
                id -> executor.callIfPresent(AggregateOperations.GET, Call.to(id)),
                name -> list(),
                a -> Optional.of(a.name()),
                Aggregate::id));
    }

    @Override
    public CompletableFuture<Aggregate> update(String id, AggregateUpdate update) {
        return checked(() ->
                executor.call(AggregateOperations.UPDATE, Call.to(id).body(Objects.requireNonNull(update, "update"))));
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return checked(() -> executor.call(AggregateOperations.DELETE, Call.to(id)));
    }

    @Override
    public CompletableFuture<Aggregate> addHost(String id, String host) {
        return checked(() ->
                executor.call(AggregateOperations.ADD_HOST, Call.to(id).body(DefaultAggregateManager.host(host))));
    }

    @Override
    public CompletableFuture<Aggregate> removeHost(String id, String host) {
        return checked(() ->
                executor.call(AggregateOperations.REMOVE_HOST, Call.to(id).body(DefaultAggregateManager.host(host))));
    }

    @Override
    public CompletableFuture<Aggregate> setMetadata(String id, Map<String, String> metadata) {
        return checked(() -> executor.call(
                AggregateOperations.SET_METADATA, Call.to(id).body(DefaultAggregateManager.metadata(metadata))));
    }

    @Override
    public CompletableFuture<Void> cacheImages(String id, List<String> imageIds) {
        return checked(() -> executor.call(
                AggregateOperations.CACHE_IMAGES, Call.to(id).body(DefaultAggregateManager.cache(imageIds))));
    }
}
