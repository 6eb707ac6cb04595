package dev.novasdk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.novasdk.benchmarks.WorkloadDriver.Listing;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.identity.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Shows that a full listing through {@code PagedIterable} holds one page at a time: iterates every server of
 * listings of 10,000 and 100,000 servers (pages of 1,000) through the SDK, each in a fresh JVM with a small
 * heap, and compares their peak heaps, which should differ by less than 20%.
 *
 * <p>Two peaks are read in the iterating JVM. The <em>live</em> peak: at the first server of every page the
 * iterating thread forces a full collection ({@code System.gc()}) and reads the heap in use, which is then what
 * the iteration keeps reachable (the current page, the iterator, the client). The <em>after any GC</em> peak: the
 * largest heap in use after any collection of the run (forced or not), from the collectors' notifications,
 * which also sees the moment a page is being parsed while the previous one may still be held, but includes
 * garbage an incremental collection left in the old generation. The verdict uses the live peak.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.novasdk.benchmarks.PagedMemoryCheck \
 *      [--sizes 10000,100000] [--page-size 1000] [--xmx 128m]
 * </pre>
 */
public final class PagedMemoryCheck {
    /** How much larger the big listing's live peak may be than the small one's. */
    static final double ALLOWED_GROWTH = 0.20;

    private PagedMemoryCheck() {}

    /** Heap figures of one listing, in bytes. */
    record Figures(
            int servers,
            int pageSize,
            long liveBefore,
            long peakLive,
            long peakAfterAnyGc,
            long collections,
            long maxHeap) {}

    /** Runs the check and prints the table, or in a child JVM measures one listing and prints its figures. */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int[] sizes = {10_000, 100_000};
        int pageSize = 1000;
        String xmx = "128m";
        String cloud = null;
        boolean child = false;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--child" -> child = true;
                case "--cloud" -> cloud = rest.get(++i);
                case "--sizes" -> sizes = Arrays.stream(rest.get(++i).split(","))
                        .mapToInt(s -> Integer.parseInt(s.trim()))
                        .toArray();
                case "--page-size" -> pageSize = Integer.parseInt(rest.get(++i));
                case "--xmx" -> xmx = rest.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + rest.get(i));
            }
        }
        if (child) {
            Figures f = measure(URI.create(cloud), new Listing(sizes[0], pageSize));
            System.out.printf(
                    Locale.ROOT,
                    "%s%d %d %d %d %d %d %d%n",
                    ChildJvm.RESULT_PREFIX,
                    f.servers(),
                    f.pageSize(),
                    f.liveBefore(),
                    f.peakLive(),
                    f.peakAfterAnyGc(),
                    f.collections(),
                    f.maxHeap());
            return;
        }
        List<Figures> all = new ArrayList<>();
        for (int size : sizes) {
            try (LoopbackCloud c = LoopbackCloud.start(2, size)) {
                System.err.printf(Locale.ROOT, "listing %,d servers%n", size);
                all.add(fork(c.base(), size, pageSize, xmx));
            }
        }
        print(all, System.out);
    }

    /**
     * Iterates every server of the cloud's listing through a new SDK client in this JVM, forcing a full
     * collection at the first server of every page; the heap figures.
     */
    static Figures measure(URI cloud, Listing listing) {
        AtomicLong peakAfterAnyGc = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed)
                    .sum();
            peakAfterAnyGc.accumulateAndGet(used, Math::max);
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
                emitters.add((NotificationEmitter) gc);
            }
        }
        try (Session session = SdkClients.session(LoopbackCloud.identityEndpoint(cloud));
                ComputeClient compute = SdkClients.compute(session)) {
            // Authenticates and negotiates, so that the client is complete before the first reading.
            compute.servers().get(Fixtures.SERVER_ID);
            long liveBefore = liveHeap();
            peakAfterAnyGc.set(0);
            // Counted from the collectors' own counters, which a collection updates before it returns: the
            // notifications arrive later, on a thread of their own, and may not all be in when the listing ends.
            long collectionsBefore = collectionCount();
            long peakLive = 0;
            int n = 0;
            for (Server s : compute.servers()
                    .list(ServerListOptions.builder().limit(listing.pageSize()).build())) {
                if (n % listing.pageSize() == 0) {
                    peakLive = Math.max(peakLive, liveHeap());
                }
                n += s.id().isEmpty() ? 0 : 1;
            }
            if (n != listing.servers()) {
                throw new IllegalStateException("listed " + n + " servers, expected " + listing.servers());
            }
            return new Figures(
                    n,
                    listing.pageSize(),
                    liveBefore,
                    peakLive,
                    peakAfterAnyGc.get(),
                    collectionCount() - collectionsBefore,
                    Runtime.getRuntime().maxMemory());
        } finally {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // registered above; nothing to undo
                }
            }
        }
    }

    private static long collectionCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    // The heap in use after a full collection: what is reachable now.
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Figures fork(URI cloud, int servers, int pageSize, String xmx)
            throws IOException, InterruptedException {
        String[] f = ChildJvm.run(
                PagedMemoryCheck.class,
                List.of("-Xmx" + xmx),
                List.of(
                        "--child",
                        "--cloud",
                        cloud.toString(),
                        "--sizes",
                        Integer.toString(servers),
                        "--page-size",
                        Integer.toString(pageSize)));
        long[] v = Arrays.stream(f).mapToLong(Long::parseLong).toArray();
        return new Figures((int) v[0], (int) v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /** Prints the figures as a Markdown table and the verdict, the largest listing against the smallest. */
    static void print(List<Figures> all, PrintStream out) {
        out.println("| servers listed | pages | heap before (live) | peak live heap | peak heap after any GC"
                + " | collections | max heap |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (Figures f : all) {
            out.printf(
                    Locale.ROOT,
                    "| %,d | %,d | %s | %s | %s | %,d | %s |%n",
                    f.servers(),
                    (f.servers() + f.pageSize() - 1) / f.pageSize(),
                    mb(f.liveBefore()),
                    mb(f.peakLive()),
                    mb(f.peakAfterAnyGc()),
                    f.collections(),
                    mb(f.maxHeap()));
        }
        if (all.size() >= 2) {
            Figures small = all.get(0);
            Figures big = all.get(all.size() - 1);
            double growth = (double) big.peakLive() / small.peakLive();
            out.printf(
                    Locale.ROOT,
                    "%nPeak live heap, %,d over %,d servers: %.3f (target < %.2f: %s); after any GC: %.3f%n",
                    big.servers(),
                    small.servers(),
                    growth,
                    1 + ALLOWED_GROWTH,
                    growth < 1 + ALLOWED_GROWTH ? "met" : "missed",
                    (double) big.peakAfterAnyGc() / small.peakAfterAnyGc());
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
