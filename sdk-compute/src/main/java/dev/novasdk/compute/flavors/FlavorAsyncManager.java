package dev.novasdk.compute.flavors;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link FlavorManager} without blocking: the same requests, with futures failed by the exceptions the blocking
 * methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#flavors()}.
 */
public interface FlavorAsyncManager {
    /** {@link FlavorManager#list(FlavorListOptions)}: pages are fetched as the subscriber asks for flavors. */
    PagedPublisher<Flavor> list(FlavorListOptions options);

    /** {@link FlavorManager#list()}: every flavor visible to the project, in detail. */
    default PagedPublisher<Flavor> list() {
        return list(FlavorListOptions.defaults());
    }

    /** {@link FlavorManager#get}: completes with the flavor, or fails with {@code NotFoundException}. */
    CompletableFuture<Flavor> get(String id);

    /** {@link FlavorManager#find}: completes with the flavor with this id or exactly this name, or empty. */
    CompletableFuture<Optional<Flavor>> find(String nameOrId);

    /** {@link FlavorManager#extraSpecs}: completes with the flavor's extra specs. */
    CompletableFuture<Map<String, String>> extraSpecs(String id);

    /** {@link FlavorManager#extraSpec}: completes with one extra spec's value. */
    CompletableFuture<String> extraSpec(String id, String key);

    /** {@link FlavorManager#setExtraSpecs}: completes with the keys set. */
    CompletableFuture<Map<String, String>> setExtraSpecs(String id, Map<String, String> extraSpecs);

    /** {@link FlavorManager#updateExtraSpec}: completes with the value set. */
    CompletableFuture<String> updateExtraSpec(String id, String key, String value);

    /** {@link FlavorManager#deleteExtraSpec}: completes once the key is deleted. */
    CompletableFuture<Void> deleteExtraSpec(String id, String key);

    /** {@link FlavorManager#access}: completes with the projects that may use the private flavor. */
    CompletableFuture<List<FlavorAccess>> access(String id);

    /** {@link FlavorManager#addTenantAccess}: completes with the flavor's access list. */
    CompletableFuture<List<FlavorAccess>> addTenantAccess(String id, String projectId);

    /** {@link FlavorManager#removeTenantAccess}: completes with the flavor's access list. */
    CompletableFuture<List<FlavorAccess>> removeTenantAccess(String id, String projectId);

    /** {@link FlavorManager#update}: completes with the flavor (microversion 2.55+). */
    CompletableFuture<Flavor> update(String id, FlavorUpdate update);

    /** {@link FlavorManager#create}: completes with the new flavor. */
    CompletableFuture<Flavor> create(FlavorCreate flavor);

    /** {@link FlavorManager#delete}: completes once Nova has deleted the flavor. */
    CompletableFuture<Void> delete(String id);
}
