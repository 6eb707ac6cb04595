package dev.novasdk.compute.instanceactions;

import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.paging.PagedIterable;

/**
 * The action log of servers: what was done to a server, by whom, and how each step ended. Thread-safe; get
 * it from {@link dev.novasdk.compute.servers.ServerManager#instanceActions()}.
 *
 * <pre>{@code
 * InstanceAction last = nova.servers().instanceActions().list(serverId).stream().findFirst().orElseThrow();
 * nova.servers().instanceActions().get(serverId, last.requestId()).failedEvents()
 *         .forEach(e -> System.out.println(e.event() + " " + e.traceback().orElse("")));
 * }</pre>
 *
 * <p>From microversion 2.21 the log of a deleted server stays readable; the client negotiates that version
 * unless pinned below it.
 */
public interface InstanceActionManager {
    /**
     * The actions of a server, newest first, as a lazy listing over every page (pages need 2.58; before, Nova
     * answers the whole log at once). The items carry no events.
     *
     * @throws IllegalArgumentException before sending, when an option needs a newer microversion than the
     *         client can use, naming the option and the versions
     * @throws NotFoundException when there is no such server (or, before 2.21, it was deleted)
     */
    PagedIterable<InstanceAction> list(String serverId, InstanceActionListOptions options);

    /** Every action of a server, newest first. */
    default PagedIterable<InstanceAction> list(String serverId) {
        return list(serverId, InstanceActionListOptions.defaults());
    }

    /**
     * One action of a server with its events; events are shown to non-admins from 2.51, with a host id from
     * 2.62 and failure details from 2.84.
     *
     * @throws NotFoundException when there is no such server or no action with this request id
     */
    InstanceAction get(String serverId, String requestId);
}
