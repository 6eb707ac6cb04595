package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.testkit.junit.FakeCloudExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The async client boots, waits for and deletes 1,000 servers at once on a FakeCloud with a handful of
 * threads: the transport's I/O threads plus a small constant, where the blocking client would hold one thread
 * per wait. The live thread count is sampled each time a request, a poll or a wait completes.
 */
class AsyncThousandServersTest {
    private static final int SERVERS = 1000;
    // Threads the client may add besides the transport's I/O threads: its scheduler, the auth executor, the
    // transport's deadline timer, and room for the JVM's own (common pool, reference handler spikes).
    private static final int SMALL_CONSTANT = 8;
    private static final String IO_THREAD_PREFIX = "nova-apache-async-io-";
    // Every waiter moves the one shared clock by its own pauses, so 1,000 waiters move it 1,000 times faster
    // than one would: the cloud's clock runs hours while the test runs seconds. The timeout leaves room for that.
    private static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofDays(30), Duration.ofSeconds(1), Duration.ofSeconds(10));

    // m1.tiny (1 vCPU): 1,000 of them fill the FakeCloud host's 1,000 vCPUs exactly.
    @RegisterExtension
    static final FakeCloudExtension CLOUD = FakeCloudExtension.configured(
            b -> b.quota(SERVERS, SERVERS, SERVERS * 512).tokenLifetime(Duration.ofDays(365)));

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicInteger peak = new AtomicInteger();
    private int baseline;
    private Set<String> baselineNames;

    @BeforeEach
    void warmUpTheCloudAndCountThreads(ComputeClient nova) {
        // The cloud's HTTP server starts a worker per request until its pool of 16 is full; those are the
        // emulator's threads, not the client's, so they are all started before the baseline is taken.
        for (int i = 0; i < 20; i++) {
            nova.flavors().get("1");
        }
        baseline = threads.getThreadCount();
        baselineNames = liveThreadNames();
    }

    @Test
    void thousandServers_bootWaitAndDelete_withTheIoThreadsPlusASmallConstant(
            ComputeAsyncClient async, FakeCloud cloud) {
        String image = cloud.imageId("cirros");
        AtomicInteger failures = new AtomicInteger();
        BiConsumer<Object, Throwable> sample = (r, e) -> {
            if (e != null) {
                failures.incrementAndGet();
            }
            peak.accumulateAndGet(threads.getThreadCount(), Math::max);
        };

        List<CompletableFuture<Server>> created = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            created.add(async.servers()
                    .create(ServerCreate.builder()
                            .name(String.format("async-%04d", i))
                            .imageId(image)
                            .flavorId("1")
                            .networksNone()
                            .build())
                    .whenComplete(sample));
        }
        List<String> ids = join(created).stream().map(Server::id).collect(Collectors.toList());

        List<CompletableFuture<Server>> active = new ArrayList<>();
        for (String id : ids) {
            active.add(async.servers()
                    .waitForStatus(id, ServerStatus.ACTIVE, WAITS, s -> sample.accept(s, null))
                    .whenComplete(sample));
        }
        List<Server> servers = join(active);
        int ioThreads = liveThreadNames().stream()
                .filter(n -> n.startsWith(IO_THREAD_PREFIX))
                .mapToInt(n -> 1)
                .sum();

        List<CompletableFuture<Void>> deleted = new ArrayList<>();
        for (String id : ids) {
            deleted.add(async.servers()
                    .delete(id)
                    .whenComplete(sample)
                    .thenCompose(v -> async.servers().waitForDelete(id, WAITS))
                    .whenComplete(sample));
        }
        join(deleted);
        Set<String> added = liveThreadNames();
        added.removeAll(baselineNames);

        System.out.printf(
                "AsyncThousandServersTest: %d servers booted, ACTIVE and deleted; live threads: baseline %d, peak %d"
                        + " (+%d), transport I/O threads %d; threads added since the baseline: %s%n",
                SERVERS, baseline, peak.get(), peak.get() - baseline, ioThreads, added);
        assertEquals(0, failures.get());
        assertEquals(SERVERS, servers.size());
        assertTrue(servers.stream().allMatch(s -> s.status() == ServerStatus.ACTIVE));
        assertEquals(SERVERS, new TreeSet<>(ids).size());
        assertEquals(List.of(), cloud.servers());
        assertTrue(ioThreads >= 1, "the transport's I/O threads should be running");
        assertTrue(
                peak.get() <= baseline + ioThreads + SMALL_CONSTANT,
                "peak " + peak.get() + " live threads, baseline " + baseline + " + " + ioThreads + " I/O threads + "
                        + SMALL_CONSTANT);
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                // A stuck request must fail the test, not hang the build.
                .orTimeout(5, TimeUnit.MINUTES)
                .join();
        return futures.stream().map(CompletableFuture::join).collect(Collectors.toList());
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
