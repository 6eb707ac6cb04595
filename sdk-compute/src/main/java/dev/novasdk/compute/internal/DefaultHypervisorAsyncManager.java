package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.hypervisors.HypervisorAsyncManager;
import dev.novasdk.compute.hypervisors.HypervisorListOptions;
import dev.novasdk.compute.hypervisors.HypervisorStatistics;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.paging.Page;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link HypervisorAsyncManager} on the async operation executor: the operations and pattern requests of
 * {@link DefaultHypervisorManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultHypervisorAsyncManager implements HypervisorAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultHypervisorAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Hypervisor> list(HypervisorListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                DefaultHypervisorManager.listOperation(options),
                Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public CompletableFuture<Hypervisor> get(String id) {
        return checked(() -> executor.call(HypervisorOperations.GET, Call.to(id)));
    }

    @Override
    public CompletableFuture<Optional<Hypervisor>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "hypervisor",
                id -> executor.callIfPresent(HypervisorOperations.GET, Call.to(id)),
                // One search, as one page; no match (404) is no hypervisor of that name, as in the blocking find.
                name -> PagedPublisher.of(previous -> search(name)
                        .exceptionally(failure -> {
                            if (Futures.unwrap(failure) instanceof NotFoundException) {
                                return List.of();
                            }
                            throw Futures.wrap(failure);
                        })
                        .thenApply(Page::last)),
                h -> Optional.of(h.hypervisorHostname()),
                Hypervisor::id));
    }

    @Override
    public CompletableFuture<List<Hypervisor>> search(String pattern) {
        return byPattern(pattern, false, HypervisorOperations.SEARCH_PATH);
    }

    @Override
    public CompletableFuture<List<Hypervisor>> servers(String pattern) {
        return byPattern(pattern, true, HypervisorOperations.SERVERS_PATH);
    }

    private CompletableFuture<List<Hypervisor>> byPattern(
            String pattern, boolean withServers, Operation<Void, HypervisorOperations.Page> path) {
        return checked(() -> {
            Ids.require("pattern", pattern);
            // The request's form depends on the version, known once the executor is ready.
            return executor.ready().thenCompose(v -> {
                DefaultHypervisorManager.ByPattern search = DefaultHypervisorManager.ByPattern.of(
                        executor.requests().versions().current(), pattern, withServers, path);
                return executor.call(search.operation(), search.call()).thenApply(search::items);
            });
        });
    }

    @Override
    public CompletableFuture<HypervisorStatistics> statistics() {
        return executor.call(HypervisorOperations.STATISTICS, Call.to());
    }

    @Override
    public CompletableFuture<Hypervisor> uptime(String id) {
        return checked(() -> executor.call(HypervisorOperations.UPTIME, Call.to(id)));
    }
}
