package dev.novasdk.benchmarks;

/**
 * The five workloads of the performance goal, each an operation the SDK and the user-style baseline both
 * perform against the loopback cloud, with its targets: the SDK's CPU per operation over the baseline's, and
 * its allocation per operation over the baseline's (no allocation target for authentication).
 */
enum Workload {
    W1("authenticate", "Keystone v3 password authentication, catalog of 4 services x 3 interfaces", 2_000, 1.25, 0),
    W2("get server", "GET one server: the 2.6 KB v2.90 sample at the negotiated microversion", 10_000, 1.10, 1.2),
    W3(
            "list servers",
            "list every server in detail in pages of 1,000 following next links, counting them",
            10,
            1.10,
            1.2),
    W4("create server", "POST a server: name, image, flavor, networks none; the 202 body read", 5_000, 1.10, 1.2),
    W5("16-thread GETs", "16 threads doing W2's GET on one shared client; per GET", 10_000, 1.10, 1.2);

    private final String title;
    private final String description;
    private final int warmupOperations;
    private final double cpuTarget;
    private final double allocationTarget;

    Workload(String title, String description, int warmupOperations, double cpuTarget, double allocationTarget) {
        this.title = title;
        this.description = description;
        this.warmupOperations = warmupOperations;
        this.cpuTarget = cpuTarget;
        this.allocationTarget = allocationTarget;
    }

    /** A few words for the table. */
    String title() {
        return title;
    }

    /** What one operation is. */
    String description() {
        return description;
    }

    /** Whether an operation takes milliseconds rather than microseconds (tables show it in ms). */
    boolean slow() {
        return this == W3;
    }

    /**
     * The fewest operations of a full warm-up, so that the JIT has compiled the hot paths before the first
     * round however slow the machine is (W3: 10 listings of 10,000 servers; W5: over all threads).
     */
    int warmupOperations() {
        return warmupOperations;
    }

    /** The highest allowed SDK / baseline ratio of CPU per operation. */
    double cpuTarget() {
        return cpuTarget;
    }

    /** The highest allowed SDK / baseline ratio of bytes allocated per operation; 0 when there is none. */
    double allocationTarget() {
        return allocationTarget;
    }

    /** Whether the same-model diagnostic exists for it (it binds the SDK's {@code Server} by hand). */
    boolean hasSameModelVariant() {
        return this == W2 || this == W3;
    }
}
