package dev.novasdk.compute.aggregates;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AggregateManager} without blocking (admin): the same requests, with futures failed by the exceptions
 * the blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#aggregates()}.
 */
public interface AggregateAsyncManager {
    /** {@link AggregateManager#create}: completes with the new aggregate (no hosts or metadata yet). */
    CompletableFuture<Aggregate> create(AggregateCreate aggregate);

    /** {@link AggregateManager#list}: every aggregate, as one page. */
    PagedPublisher<Aggregate> list();

    /** {@link AggregateManager#get}: completes with the aggregate, or fails with {@code NotFoundException}. */
    CompletableFuture<Aggregate> get(String id);

    /** {@link AggregateManager#find}: completes with the aggregate with this id or exactly this name, or empty. */
    CompletableFuture<Optional<Aggregate>> find(String nameOrId);

    /** {@link AggregateManager#update}: completes with the renamed or re-zoned aggregate. */
    CompletableFuture<Aggregate> update(String id, AggregateUpdate update);

    /** {@link AggregateManager#delete}: completes once the aggregate is deleted. */
    CompletableFuture<Void> delete(String id);

    /** {@link AggregateManager#addHost}: completes with the aggregate with the host. */
    CompletableFuture<Aggregate> addHost(String id, String host);

    /** {@link AggregateManager#removeHost}: completes with the aggregate without the host. */
    CompletableFuture<Aggregate> removeHost(String id, String host);

    /** {@link AggregateManager#setMetadata}: completes with the aggregate with its metadata after the change. */
    CompletableFuture<Aggregate> setMetadata(String id, Map<String, String> metadata);

    /** {@link AggregateManager#cacheImages}: completes once Nova has accepted the request (2.81+). */
    CompletableFuture<Void> cacheImages(String id, List<String> imageIds);
}
