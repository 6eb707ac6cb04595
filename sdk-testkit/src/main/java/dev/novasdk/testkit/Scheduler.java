package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Fault;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.ServerGroups.Group;
import java.time.Instant;

/**
 * Nova's scheduler on a one-host cloud: a server is placed when its flavor fits the {@link Host} and its server
 * group's policy allows the host; otherwise it ends in ERROR with the fault the lab's conductor records (code
 * 500, "No valid host was found. ..." and, for admins, a traceback). Called with the state's lock held.
 */
final class Scheduler {
    /** The lab's message when no host has room for the flavor (placement found no candidate). */
    static final String NO_ROOM = "No valid host was found. ";

    /** The lab's message when the group's filters removed every host. */
    static final String NOT_ENOUGH_HOSTS = "No valid host was found. There are not enough hosts available.";

    private Scheduler() {}

    /** Why {@code s} cannot be placed on the host, or null when it can. */
    static String refusal(CloudState state, Server s) {
        if (!Host.fits(state, s.flavor)) {
            return NO_ROOM;
        }
        Group g = state.serverGroups.groupOf(s.id);
        if (g != null && g.policy.equals("anti-affinity")) {
            int onHost = 0;
            for (String member : g.members) {
                Server other = state.servers.get(member);
                if (other != null && !other.id.equals(s.id) && state.hostName.equals(other.host)) {
                    onHost++;
                }
            }
            if (onHost >= g.maxServerPerHost()) {
                return NOT_ENOUGH_HOSTS;
            }
        }
        // affinity: one host is always the same host; the soft policies only weigh hosts.
        return null;
    }

    /** The fault of a server the scheduler could not place, as the lab records it. */
    static Fault noValidHost(String message, Instant at) {
        String reason = message.equals(NO_ROOM) ? "" : "There are not enough hosts available.";
        String details = "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/nova/conductor/manager.py\", line 1587, in"
                + " schedule_and_build_instances\n"
                + "    host_lists = self._schedule_instances(context, request_specs[0],\n"
                + "nova.exception_Remote.NoValidHost_Remote: " + message + "\n"
                + "nova.exception.NoValidHost: No valid host was found. " + reason + "\n\n";
        return new Fault(500, message, details, at);
    }
}
