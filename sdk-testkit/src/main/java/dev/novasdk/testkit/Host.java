package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Server;

/**
 * The one compute host of a FakeCloud, sized like the lab's hypervisor ({@code oslab}: 1000 vCPUs, 800000 MB of
 * RAM, 600000 GB of disk as placement reports them), and what the servers placed on it use. The scheduler
 * places a server only where its flavor fits; the hypervisor views report the same figures. Called with the
 * state's lock held.
 */
final class Host {
    static final int VCPUS = 1000;
    static final int MEMORY_MB = 800000;
    static final int LOCAL_GB = 600000;

    private Host() {}

    /** vCPUs, RAM (MB) and root plus ephemeral disk (GB) of the servers on the host that still exist. */
    static long[] used(CloudState state) {
        long[] used = new long[3];
        for (Server s : state.servers.values()) {
            if (state.hostName.equals(s.host) && !s.vmState.equals("deleted")) {
                used[0] += s.flavor.vcpus;
                used[1] += s.flavor.ramMb;
                used[2] += (long) s.flavor.diskGb + s.flavor.ephemeralGb;
            }
        }
        return used;
    }

    /** Whether a server of {@code flavor} fits beside what the host already runs. */
    static boolean fits(CloudState state, Flavor flavor) {
        long[] used = used(state);
        return used[0] + flavor.vcpus <= VCPUS
                && used[1] + flavor.ramMb <= MEMORY_MB
                && used[2] + flavor.diskGb + flavor.ephemeralGb <= LOCAL_GB;
    }
}
