package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.identity.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one variant (a workload on one side) against a loopback cloud: repeats its operation until a deadline
 * and counts the operations. Built once per measuring JVM with everything the side builds once (sessions,
 * clients, the baseline's pooled client and mapper), so that an operation is only what a user's code does per
 * call. W5 runs its operation on a fixed pool of 16 threads that lives as long as the driver, so that the
 * threads' allocation counters survive from one round to the next.
 */
final class WorkloadDriver implements AutoCloseable {
    /** Which code performs the workload. */
    enum Side {
        /** The SDK through its public API, with its defaults. */
        SDK("sdk"),
        /** {@link BaselineClient}: HttpClient 5 + Jackson into records keeping the JSON's types. */
        BASELINE("baseline"),
        /** Diagnostic: {@link HandWrittenCompute}, HttpClient 5 + Jackson into the SDK's own model. */
        SAME_MODEL("sameModel"),
        /**
         * Diagnostic, W2 only: the SDK with the Micrometer listener on a registry with a meter handler
         * ({@link SdkClients#micrometerListener()}), so the difference from {@link #SDK} is observation's cost.
         */
        SDK_MICROMETER("sdkMicrometer");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        /** The name in variant keys and tables. */
        String label() {
            return label;
        }
    }

    /** A workload on one side; its key, e.g. {@code W2:sdk}, names it on command lines. */
    record Variant(Workload workload, Side side) {
        Variant {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(side, "side");
            if (side == Side.SAME_MODEL && !workload.hasSameModelVariant()) {
                throw new IllegalArgumentException("no same-model variant of " + workload);
            }
            if (side == Side.SDK_MICROMETER && workload != Workload.W2) {
                throw new IllegalArgumentException("the Micrometer variant is of W2 only, not " + workload);
            }
        }

        String key() {
            return workload + ":" + side.label();
        }

        static Variant ofKey(String key) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a variant key (like W2:sdk): " + key);
            }
            Workload w = Workload.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT));
            for (Side s : Side.values()) {
                if (s.label().equals(key.substring(colon + 1))) {
                    return new Variant(w, s);
                }
            }
            throw new IllegalArgumentException("unknown side in " + key);
        }
    }

    /** The listing shape: how many servers the cloud lists, and the page size the clients ask for. */
    record Listing(int servers, int pageSize) {
        Listing {
            if (servers < 1 || pageSize < 1 || pageSize > ServerListing.MAX_LIMIT) {
                throw new IllegalArgumentException(
                        "servers must be >= 1 and the page size 1.." + ServerListing.MAX_LIMIT);
            }
        }
    }

    /** Threads of W5. */
    static final int PARALLEL_THREADS = 16;

    @FunctionalInterface
    private interface Operation {
        /** Performs the operation once; returns what it produced, never null. */
        Object run() throws Exception;
    }

    private final Variant variant;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Operation operation;
    private final ExecutorService pool;

    private WorkloadDriver(Variant variant, URI cloud, Listing listing) throws Exception {
        this.variant = variant;
        this.operation = operation(variant, cloud, listing);
        this.pool = variant.workload() == Workload.W5 ? newPool() : null;
    }

    /** A driver of {@code variant} against the cloud at {@code cloud} (its base URL, no path). */
    static WorkloadDriver open(Variant variant, URI cloud, Listing listing) throws Exception {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(listing, "listing");
        return new WorkloadDriver(variant, cloud, listing);
    }

    Variant variant() {
        return variant;
    }

    /**
     * Performs the operation until {@code deadlineNanos} ({@link System#nanoTime()}) and at least
     * {@code minOperations} times, and at least once (W5: each thread at least once and its share of the
     * minimum); the number of operations performed.
     */
    long runUntil(long deadlineNanos, long minOperations) throws Exception {
        if (pool == null) {
            return loop(deadlineNanos, minOperations);
        }
        long perThread = (minOperations + PARALLEL_THREADS - 1) / PARALLEL_THREADS;
        List<Future<Long>> threads = new ArrayList<>();
        for (int i = 0; i < PARALLEL_THREADS; i++) {
            threads.add(pool.submit(() -> loop(deadlineNanos, perThread)));
        }
        long ops = 0;
        for (Future<Long> f : threads) {
            try {
                ops += f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
        return ops;
    }

    private long loop(long deadlineNanos, long minOperations) throws Exception {
        long ops = 0;
        do {
            if (operation.run() == null) {
                throw new IllegalStateException(variant.key() + " returned nothing");
            }
            ops++;
        } while (ops < minOperations || System.nanoTime() - deadlineNanos < 0);
        return ops;
    }

    private Operation operation(Variant v, URI cloud, Listing listing) throws Exception {
        URI authUrl = LoopbackCloud.identityEndpoint(cloud);
        switch (v.side()) {
            case SDK: {
                Session session = keep(SdkClients.session(authUrl));
                if (v.workload() == Workload.W1) {
                    return () -> {
                        session.invalidate();
                        return session.token();
                    };
                }
                return sdkOperation(v.workload(), keep(SdkClients.compute(session)), listing);
            }
            case SDK_MICROMETER: {
                Session session = keep(SdkClients.session(authUrl));
                return sdkOperation(
                        v.workload(), keep(SdkClients.compute(session, SdkClients.micrometerListener())), listing);
            }
            case BASELINE: {
                BaselineClient baseline = keep(BaselineClient.login(authUrl, SdkClients.userAgent()));
                return baselineOperation(v.workload(), baseline, listing);
            }
            default: {
                HandWrittenCompute hand = keep(new HandWrittenCompute(
                        URI.create(cloud + "/v2.1"), Fixtures.TOKEN, Fixtures.MICROVERSION, SdkClients.userAgent()));
                if (v.workload() == Workload.W2) {
                    return () -> hand.server(Fixtures.SERVER_ID);
                }
                return () -> expectAll(listing, hand.listServers(listing.pageSize(), s -> {}));
            }
        }
    }

    private static Operation sdkOperation(Workload w, ComputeClient compute, Listing listing) {
        switch (w) {
            case W2:
            case W5:
                return () -> compute.servers().get(Fixtures.SERVER_ID);
            case W3: {
                ServerListOptions pages =
                        ServerListOptions.builder().limit(listing.pageSize()).build();
                return () -> {
                    int n = 0;
                    for (Server s : compute.servers().list(pages)) {
                        // Reading a field keeps the element live, as a caller's loop body would.
                        n += s.id().isEmpty() ? 0 : 1;
                    }
                    return expectAll(listing, n);
                };
            }
            case W4:
                return () -> compute.servers()
                        .create(ServerCreate.builder()
                                .name("bench-server")
                                .imageId(Fixtures.IMAGE_ID)
                                .flavorId(Fixtures.FLAVOR_ID)
                                .networksNone()
                                .build());
            default:
                throw new IllegalArgumentException("no compute operation for " + w);
        }
    }

    private static Operation baselineOperation(Workload w, BaselineClient baseline, Listing listing) {
        switch (w) {
            case W1:
                return baseline::authenticate;
            case W2:
            case W5:
                return () -> baseline.server(Fixtures.SERVER_ID);
            case W3:
                return () -> expectAll(listing, baseline.countServers(listing.pageSize()));
            case W4:
                return () -> baseline.createServer("bench-server", Fixtures.IMAGE_ID, Fixtures.FLAVOR_ID);
            default:
                throw new IllegalArgumentException("no baseline operation for " + w);
        }
    }

    private static Integer expectAll(Listing listing, int n) {
        if (n != listing.servers()) {
            throw new IllegalStateException("listed " + n + " servers, expected " + listing.servers());
        }
        return n;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private static ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(PARALLEL_THREADS, r -> {
            Thread t = new Thread(r, "w5-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the threads and closes clients and sessions, newest first. */
    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }
}
