package dev.novasdk.compute.internal;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.hypervisors.HypervisorListOptions;
import dev.novasdk.compute.hypervisors.HypervisorManager;
import dev.novasdk.compute.hypervisors.HypervisorStatistics;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.paging.PagedIterable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link HypervisorManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultHypervisorManager implements HypervisorManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultHypervisorManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Hypervisor> list(HypervisorListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                listOperation(options), Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public Hypervisor get(String id) {
        return executor.call(HypervisorOperations.GET, Call.to(id));
    }

    @Override
    public Optional<Hypervisor> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "hypervisor",
                id -> executor.callIfPresent(HypervisorOperations.GET, Call.to(id)),
                name -> {
                    try {
                        return search(name);
                    } catch (NotFoundException none) {
                        return List.of();
                    }
                },
                h -> Optional.of(h.hypervisorHostname()),
                Hypervisor::id);
    }

    @Override
    public List<Hypervisor> search(String pattern) {
        return byPattern(pattern, false, HypervisorOperations.SEARCH_PATH);
    }

    @Override
    public List<Hypervisor> servers(String pattern) {
        return byPattern(pattern, true, HypervisorOperations.SERVERS_PATH);
    }

    private List<Hypervisor> byPattern(
            String pattern, boolean withServers, Operation<Void, HypervisorOperations.Page> path) {
        ByPattern search = ByPattern.of(executor.versions().current(), pattern, withServers, path);
        return search.items(executor.call(search.operation(), search.call()));
    }

    /**
     * The request of {@link #search} or {@link #servers}: from 2.53 the pattern is a filter of the listing;
     * before, a path of its own. Shared with DefaultHypervisorAsyncManager.
     */
    record ByPattern(Operation<Void, HypervisorOperations.Page> operation, Call<Void> call) {
        static ByPattern of(
                Microversion current,
                String pattern,
                boolean withServers,
                Operation<Void, HypervisorOperations.Page> path) {
            Ids.require("pattern", pattern);
            if (current.isAtLeast(HypervisorOperations.UUID_IDS)) {
                HypervisorListOptions options = HypervisorListOptions.builder()
                        .detail(false)
                        .hostnamePattern(pattern)
                        .withServers(withServers)
                        .build();
                List<VersionRequirement> requirements = options.versionRequirements();
                return new ByPattern(
                        HypervisorOperations.LIST.page(),
                        Call.to().query(options.query()).require(requirements));
            }
            return new ByPattern(path, Call.to(pattern));
        }

        List<Hypervisor> items(HypervisorOperations.Page page) {
            return List.copyOf(Pages.items(page.hypervisors()));
        }
    }

    @Override
    public HypervisorStatistics statistics() {
        return executor.call(HypervisorOperations.STATISTICS, Call.to());
    }

    @Override
    public Hypervisor uptime(String id) {
        return executor.call(HypervisorOperations.UPTIME, Call.to(id));
    }

    // The summary or the detail listing; shared with DefaultHypervisorAsyncManager.
    static ListOperation<HypervisorOperations.Page, Hypervisor> listOperation(HypervisorListOptions options) {
        return options.detail() ? HypervisorOperations.LIST_DETAIL : HypervisorOperations.LIST;
    }
}
