package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which servers a listing includes, deleted ones being the question. As in the lab (Nova's
 * {@code servers.py} {@code _get_servers}): deleted servers are left out, except that {@code changes-since}
 * and {@code changes-before} ask for them too (to anyone), an admin's {@code deleted=true} asks for them
 * alone and {@code deleted=false} for the others, and {@code status=DELETED} asks an admin for them alone
 * and gets anyone else a 403. A deleted server stays listable after it stops being readable by id, as a
 * soft-deleted row stays in Nova's database.
 */
final class DeletedServers {
    // oslo's strutils.bool_from_string: anything else is false
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");

    private DeletedServers() {}

    /**
     * {@code null} to list deleted and other servers together, {@code TRUE} for deleted ones only,
     * {@code FALSE} for the others only.
     */
    static Boolean which(ComputeService.Ctx ctx, List<String> statuses, boolean changes) {
        Boolean which = changes ? null : Boolean.FALSE;
        // Nova drops the admin-only "deleted" filter from a member's query rather than refusing it.
        String param = ctx.admin ? ctx.req.param("deleted") : null;
        if (param != null) {
            which = TRUE.contains(param.toLowerCase(Locale.ROOT));
        }
        if (statuses.equals(List.of("DELETED"))) {
            if (!ctx.admin) {
                throw new ComputeService.NovaFault(403, "Only administrators may list deleted instances");
            }
            which = Boolean.TRUE;
        }
        return which;
    }

    /** The servers to filter, newest state first; deleted ones as {@code which} says. */
    static List<Server> candidates(CloudState state, Boolean which) {
        List<Server> out = new ArrayList<>();
        for (Server s : state.servers.values()) {
            boolean deleted = s.vmState.equals("deleted");
            if (which == null || which == deleted) {
                out.add(s);
            }
        }
        if (which == null || which) {
            out.addAll(state.deletedServers.values());
        }
        return out;
    }

    /** A listing's marker: a server that exists, or one deleted but still in the database. */
    static Server byId(CloudState state, String id) {
        Server s = state.servers.get(id);
        return s != null ? s : state.deletedServers.get(id);
    }
}
