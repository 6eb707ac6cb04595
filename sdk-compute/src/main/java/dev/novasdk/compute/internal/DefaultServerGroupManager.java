package dev.novasdk.compute.internal;

import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupListOptions;
import dev.novasdk.compute.servergroups.ServerGroupManager;
import dev.novasdk.core.paging.Page;
import dev.novasdk.core.paging.PagedIterable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ServerGroupManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultServerGroupManager implements ServerGroupManager {
    // Nova's osapi_max_limit default: a page this long without a limit asked for may have a successor.
    static final int NOVA_MAX_LIMIT = 1000;

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultServerGroupManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<ServerGroup> list(ServerGroupListOptions options) {
        Objects.requireNonNull(options, "options");
        int pageSize = options.limit().orElse(NOVA_MAX_LIMIT);
        int first = options.offset().orElse(0);
        // Nova pages server groups by offset and sends no links: the next page starts where this one ended,
        // and a short page is the last. The marker of a page carries its successor's offset.
        return PagedIterable.of(previous -> {
            int offset =
                    previous.flatMap(Page::nextMarker).map(Integer::parseInt).orElse(first);
            Map<String, List<String>> query = new LinkedHashMap<>(options.query());
            if (offset != first || options.offset().isPresent()) {
                query.put("offset", List.of(Integer.toString(offset)));
            }
            List<ServerGroup> items =
                    executor.call(ServerGroupOperations.LIST, Call.to().query(query));
            return Page.withMarker(items, items.size() >= pageSize ? Integer.toString(offset + items.size()) : null);
        });
    }

    @Override
    public ServerGroup get(String id) {
        return executor.call(ServerGroupOperations.GET, Call.to(id));
    }

    @Override
    public Optional<ServerGroup> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "server group",
                id -> executor.callIfPresent(ServerGroupOperations.GET, Call.to(id)),
                name -> list(),
                g -> Optional.of(g.name()),
                ServerGroup::id);
    }

    @Override
    public ServerGroup create(ServerGroupCreate group) {
        Objects.requireNonNull(group, "group");
        // The body's shape depends on the version: the form the client's version takes is the one sent.
        boolean policyForm = executor.versions().current().isAtLeast(ServerGroupOperations.POLICY_SINCE);
        return executor.call(
                policyForm ? ServerGroupOperations.CREATE_POLICY : ServerGroupOperations.CREATE_POLICIES,
                Call.with(group));
    }

    @Override
    public void delete(String id) {
        executor.call(ServerGroupOperations.DELETE, Call.to(id));
    }
}
