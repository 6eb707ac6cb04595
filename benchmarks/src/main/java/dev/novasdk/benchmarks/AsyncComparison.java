package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.waiter.WaitOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The blocking client on N threads against the async client, on many calls in flight at once, in one JVM with
 * a {@link LoopbackCloud}: {@code 1,000 concurrent GETs} of a server, and {@code 200 concurrent waits} (each
 * polls the server every 500 ms for 5 s for a status the loopback server never reports, so every wait lasts
 * its whole timeout and ends with {@link WaitTimeoutException}). For each it reports the client's peak live
 * threads (the loopback server's left out), its CPU time ({@link ClientMeter}: process CPU minus the server's
 * and the JIT's), the bytes its threads allocated, the heap in use at the end and the wall time.
 *
 * <p>The blocking side runs {@code N} platform threads, each making its share of the calls one after another:
 * N = the number of calls for full concurrency (one thread per GET or wait, as a blocking API needs), and for
 * the GETs also N = 64, the transport's pool size. The async side starts every call from one thread and joins
 * them all. Both use their client's default transport (Apache HttpClient 5, classic or async).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.novasdk.benchmarks.AsyncComparison [--rounds 3] [--gets 1000]
 *      [--waits 200] [--wait-seconds 5]
 * </pre>
 */
public final class AsyncComparison {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ClientMeter meter = new ClientMeter();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile int serverThreads;

    /** Settings of one run. */
    record Options(int rounds, int gets, int waits, Duration waitTimeout, Duration pollInterval) {}

    /** One measured variant: the median round's figures. */
    record Result(
            String scenario,
            String client,
            int calls,
            int peakThreads,
            double cpuMillis,
            double allocatedMb,
            double heapUsedMb,
            double wallMillis) {}

    private AsyncComparison() {}

    /** Runs both scenarios on both clients and prints a table. */
    public static void main(String[] args) throws Exception {
        Options options = new Options(
                intArg(args, "--rounds", 3),
                intArg(args, "--gets", 1000),
                intArg(args, "--waits", 200),
                Duration.ofSeconds(intArg(args, "--wait-seconds", 5)),
                Duration.ofMillis(500));
        print(run(options), System.out);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Measures every variant: one warm-up round, then {@code rounds} rounds, keeping the median's figures. */
    static List<Result> run(Options options) throws Exception {
        AsyncComparison c = new AsyncComparison();
        List<Result> results = new ArrayList<>();
        try (LoopbackCloud cloud = LoopbackCloud.start(8, 1);
                ComputeClient blocking = client(cloud, ComputeClient.builder())) {
            ComputeAsyncClient async = asyncClient(cloud);
            try {
                WaitOptions waits =
                        WaitOptions.of(options.waitTimeout(), options.pollInterval(), options.pollInterval());
                results.add(c.median(
                        options,
                        "GET",
                        "blocking, " + options.gets() + " threads",
                        options.gets(),
                        () -> c.blocking(options.gets(), options.gets(), i -> blocking.servers()
                                .get(Fixtures.SERVER_ID))));
                results.add(c.median(
                        options,
                        "GET",
                        "blocking, 64 threads",
                        options.gets(),
                        () -> c.blocking(
                                options.gets(), 64, i -> blocking.servers().get(Fixtures.SERVER_ID))));
                results.add(c.median(
                        options,
                        "GET",
                        "async",
                        options.gets(),
                        () -> c.async(options.gets(), i -> async.servers().get(Fixtures.SERVER_ID))));
                results.add(c.median(
                        options,
                        "wait",
                        "blocking, " + options.waits() + " threads",
                        options.waits(),
                        () -> c.blocking(
                                options.waits(),
                                options.waits(),
                                i -> expectTimeout(() -> blocking.servers()
                                        .waitForStatus(Fixtures.SERVER_ID, ServerStatus.SHUTOFF, waits, c::sample)))));
                results.add(c.median(
                        options,
                        "wait",
                        "async",
                        options.waits(),
                        () -> c.async(options.waits(), i -> async.servers()
                                .waitForStatus(Fixtures.SERVER_ID, ServerStatus.SHUTOFF, waits, c::sample)
                                .handle((s, e) -> expectTimeout(e)))));
            } finally {
                async.close();
            }
        }
        return results;
    }

    private static ComputeClient client(LoopbackCloud cloud, ComputeClient.Builder b) {
        return b.tokenProvider(TokenProvider.of(AuthToken.of(Fixtures.TOKEN, null)))
                .endpoint(cloud.computeEndpoint())
                .microversion(Fixtures.MICROVERSION)
                .build();
    }

    private static ComputeAsyncClient asyncClient(LoopbackCloud cloud) {
        return ComputeAsyncClient.builder()
                .tokenProvider(TokenProvider.of(AuthToken.of(Fixtures.TOKEN, null)))
                .endpoint(cloud.computeEndpoint())
                .microversion(Fixtures.MICROVERSION)
                .build();
    }

    private static Object expectTimeout(Runnable wait) {
        try {
            wait.run();
        } catch (WaitTimeoutException expected) {
            return null;
        }
        throw new IllegalStateException("the wait should have timed out: the loopback server never shuts off");
    }

    private static Object expectTimeout(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof WaitTimeoutException) {
            return null;
        }
        throw new IllegalStateException("the wait should have timed out", cause);
    }

    /**
     * The client's live threads now (the loopback server's, counted once after the warm-up, left out); the peak
     * is kept. Cheap, since it runs at every completion and its cost is counted as the client's.
     */
    void sample(Object ignored) {
        peak.accumulateAndGet(threads.getThreadCount() - serverThreads, Math::max);
    }

    private int countServerThreads() {
        int n = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null && LoopbackCloud.isServerThread(info.getThreadName())) {
                n++;
            }
        }
        return n;
    }

    // Blocking: `threadCount` platform threads share `calls` calls, each thread one call after another. The
    // threads live until the returned action runs, after the reading: a thread that ends takes its allocation
    // count with it.
    private Runnable blocking(int calls, int threadCount, Consumer<Integer> call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threadCount);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                                call.accept(i);
                                sample(null);
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        } finally {
                            done.countDown();
                        }
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "blocking-caller-" + t);
            worker.start();
            workers.add(worker);
        }
        if (!done.await(5, TimeUnit.MINUTES) || failures.get() > 0) {
            release.countDown();
            throw new IllegalStateException(failures.get() + " blocking calls failed (or they did not end)");
        }
        // Ended before the next round starts, so that its thread count holds only its own threads.
        return () -> {
            release.countDown();
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    // Async: every call started from this thread, then all joined.
    private Runnable async(int calls, java.util.function.Function<Integer, CompletableFuture<?>> call) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(call.apply(i).whenComplete((r, e) -> sample(null)));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .orTimeout(5, TimeUnit.MINUTES)
                .join();
        return () -> {};
    }

    /** One round of calls; returns what to do once it has been measured. */
    @FunctionalInterface
    interface Round {
        Runnable run() throws Exception;
    }

    private Result median(Options options, String scenario, String client, int calls, Round round) throws Exception {
        round.run().run(); // warm-up: connections, JIT, lazily started threads
        serverThreads = countServerThreads();
        List<Result> measured = new ArrayList<>();
        for (int r = 0; r < Math.max(1, options.rounds()); r++) {
            System.gc();
            peak.set(0);
            sample(null);
            ClientMeter.Reading before = meter.read();
            long start = System.nanoTime();
            Runnable afterwards = round.run();
            long wall = System.nanoTime() - start;
            ClientMeter.Reading after = meter.read();
            long heapUsed = memory.getHeapMemoryUsage().getUsed();
            afterwards.run();
            measured.add(new Result(
                    scenario,
                    client,
                    calls,
                    peak.get(),
                    ClientMeter.cpuNanos(before, after) / 1e6,
                    ClientMeter.allocatedBytes(before, after) / 1e6,
                    heapUsed / 1e6,
                    wall / 1e6));
        }
        measured.sort((a, b) -> Double.compare(a.cpuMillis(), b.cpuMillis()));
        return measured.get(measured.size() / 2);
    }

    /** A Markdown table of the results. */
    static void print(List<Result> results, PrintStream out) {
        out.println("| scenario | client | calls | peak client threads | client CPU ms | allocated MB | heap used MB"
                + " | wall ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %.0f | %.1f | %.1f | %.0f |%n",
                    r.scenario(),
                    r.client(),
                    r.calls(),
                    r.peakThreads(),
                    r.cpuMillis(),
                    r.allocatedMb(),
                    r.heapUsedMb(),
                    r.wallMillis());
        }
    }
}
