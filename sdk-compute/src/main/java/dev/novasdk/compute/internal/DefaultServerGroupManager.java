package dev.novasdk.compute.internal;

import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupListOptions;
import dev.novasdk.compute.servergroups.ServerGroupManager;
import dev.novasdk.core.http.Microversion;
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
        return PagedIterable.of(previous -> {
            int offset = offset(options, previous);
            return page(options, offset, executor.call(ServerGroupOperations.LIST, pageCall(options, offset)));
        });
    }

    // Nova pages server groups by offset and sends no links: the next page starts where this one ended, and a
    // short page is the last. The marker of a page carries its successor's offset. Shared with
    // DefaultServerGroupAsyncManager.

    static int offset(ServerGroupListOptions options, Optional<Page<ServerGroup>> previous) {
        return previous.flatMap(Page::nextMarker)
                .map(Integer::parseInt)
                .orElse(options.offset().orElse(0));
    }

    static Call<Void> pageCall(ServerGroupListOptions options, int offset) {
        Map<String, List<String>> query = new LinkedHashMap<>(options.query());
        if (offset != options.offset().orElse(0) || options.offset().isPresent()) {
            query.put("offset", List.of(Integer.toString(offset)));
        }
        return Call.to().query(query);
    }

    static Page<ServerGroup> page(ServerGroupListOptions options, int offset, List<ServerGroup> items) {
        int pageSize = options.limit().orElse(NOVA_MAX_LIMIT);
        return Page.withMarker(items, items.size() >= pageSize ? Integer.toString(offset + items.size()) : null);
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
        return executor.call(create(executor.versions().current()), Call.with(group));
    }

    // The body's shape depends on the version: the form the client's version takes is the one sent.
    static Operation<ServerGroupCreate, ServerGroup> create(Microversion current) {
        return current.isAtLeast(ServerGroupOperations.POLICY_SINCE)
                ? ServerGroupOperations.CREATE_POLICY
                : ServerGroupOperations.CREATE_POLICIES;
    }

    @Override
    public void delete(String id) {
        executor.call(ServerGroupOperations.DELETE, Call.to(id));
    }
}
