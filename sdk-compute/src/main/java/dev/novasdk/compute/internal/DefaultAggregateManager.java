package dev.novasdk.compute.internal;

import dev.novasdk.compute.aggregates.Aggregate;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.aggregates.AggregateManager;
import dev.novasdk.compute.aggregates.AggregateUpdate;
import dev.novasdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link AggregateManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultAggregateManager implements AggregateManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultAggregateManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public Aggregate create(AggregateCreate aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        return executor.call(AggregateOperations.CREATE, Call.with(aggregate));
    }

    @Override
    public PagedIterable<Aggregate> list() {
        return executor.list(AggregateOperations.LIST, Call.to());
    }

    @Override
    public Aggregate get(String id) {
        return executor.call(AggregateOperations.GET, Call.to(id));
    }

    @Override
    public Optional<Aggregate> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "aggregate",
                id -> executor.callIfPresent(AggregateOperations.GET, Call.to(id)),
                name -> list(),
                a -> Optional.of(a.name()),
                Aggregate::id);
    }

    @Override
    public Aggregate update(String id, AggregateUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(AggregateOperations.UPDATE, Call.to(id).body(update));
    }

    @Override
    public void delete(String id) {
        executor.call(AggregateOperations.DELETE, Call.to(id));
    }

    @Override
    public Aggregate addHost(String id, String host) {
        return executor.call(AggregateOperations.ADD_HOST, Call.to(id).body(host(host)));
    }

    @Override
    public Aggregate removeHost(String id, String host) {
        return executor.call(AggregateOperations.REMOVE_HOST, Call.to(id).body(host(host)));
    }

    @Override
    public Aggregate setMetadata(String id, Map<String, String> metadata) {
        return executor.call(AggregateOperations.SET_METADATA, Call.to(id).body(metadata(metadata)));
    }

    @Override
    public void cacheImages(String id, List<String> imageIds) {
        executor.call(AggregateOperations.CACHE_IMAGES, Call.to(id).body(cache(imageIds)));
    }

    // The bodies of the methods that check their arguments, shared with DefaultAggregateAsyncManager.

    static AggregateOperations.Host host(String host) {
        return new AggregateOperations.Host(Ids.require("host", host));
    }

    static AggregateOperations.Metadata metadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        // A copy that keeps null values (removals) and the caller's order.
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        AggregateMetadataRules.check(copy);
        return new AggregateOperations.Metadata(copy);
    }

    static AggregateOperations.Cache cache(List<String> imageIds) {
        Objects.requireNonNull(imageIds, "imageIds");
        if (imageIds.isEmpty()) {
            throw new IllegalArgumentException("imageIds must not be empty: Nova requires at least one image");
        }
        List<AggregateOperations.ImageRef> refs = new ArrayList<>();
        for (String image : imageIds) {
            refs.add(new AggregateOperations.ImageRef(Ids.require("imageIds[]", image)));
        }
        return new AggregateOperations.Cache(refs);
    }
}
