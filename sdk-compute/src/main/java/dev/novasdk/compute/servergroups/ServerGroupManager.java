package dev.novasdk.compute.servergroups;

import dev.novasdk.core.paging.PagedIterable;
import java.util.Optional;

/**
 * Server groups ({@code os-server-groups}): create, list, get, find, delete. Boot a server into a group with
 * the {@code group} scheduler hint; on a single host an anti-affinity group's second server ends in ERROR
 * with Nova's "No valid host was found" fault. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#serverGroups()}.
 *
 * <pre>{@code
 * ServerGroup group = nova.serverGroups().create(ServerGroupCreate.builder().name("web")
 *         .policy(ServerGroupPolicy.ANTI_AFFINITY).build());
 * nova.servers().create(ServerCreate.builder().name("web-1").imageId(image).flavorId("1").networksNone()
 *         .addSchedulerHint("group", group.id()).build());
 * }</pre>
 */
public interface ServerGroupManager {
    /** A lazy listing; pages by {@code limit}/{@code offset} until a page comes back short. */
    PagedIterable<ServerGroup> list(ServerGroupListOptions options);

    /** The project's server groups. */
    default PagedIterable<ServerGroup> list() {
        return list(ServerGroupListOptions.defaults());
    }

    /**
     * The group with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none (or it is another project's)
     */
    ServerGroup get(String id);

    /**
     * The group with this id, else the one in the project with exactly this name.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several groups have the name
     */
    Optional<ServerGroup> find(String nameOrId);

    /**
     * Creates a group, written as {@code policies} below microversion 2.64 and {@code policy} + {@code rules}
     * from 2.64; rules need 2.64 and soft policies 2.15, which a pinned client checks before sending.
     *
     * @throws dev.novasdk.core.error.ForbiddenException when the server group quota is used up
     */
    ServerGroup create(ServerGroupCreate group);

    /**
     * Deletes a group; its members keep running.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    void delete(String id);
}
