package dev.novasdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the CPU time and the bytes allocated by the client side of this JVM: every thread except those of a
 * {@link LoopbackCloud} running in it.
 *
 * <ul>
 *   <li>CPU is the process's CPU time ({@code com.sun.management.OperatingSystemMXBean.getProcessCpuTime()}),
 *       which holds every thread of the JVM: the client's threads, the garbage collector, the JIT compiler;
 *       minus the CPU time of the loopback server's threads when the server shares the JVM. The harness runs
 *       the server in another JVM, so that nothing is subtracted and the garbage the server makes is not
 *       collected on the client's account.
 *   <li>Allocation is the sum over the client's threads of {@code
 *       com.sun.management.ThreadMXBean.getThreadAllocatedBytes}; a thread that ends between two readings takes
 *       its count with it, which is why W5's threads live as long as their driver.
 * </ul>
 */
final class ClientMeter {
    /** One reading: the client's CPU nanoseconds so far, and each client thread's allocated bytes so far. */
    record Reading(long cpuNanos, Map<Long, Long> allocatedByThread) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean hotspotThreads;
    private final com.sun.management.OperatingSystemMXBean os;

    ClientMeter() {
        if (!(threads instanceof com.sun.management.ThreadMXBean)
                || !(ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean)) {
            throw new IllegalStateException("this JVM has no com.sun.management beans to measure CPU and allocation");
        }
        this.hotspotThreads = (com.sun.management.ThreadMXBean) threads;
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (!hotspotThreads.isThreadAllocatedMemorySupported() || !threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure threads' CPU time and allocation");
        }
        hotspotThreads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    /** The client's counters now. */
    Reading read() {
        long process = os.getProcessCpuTime();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
        long[] allocated = hotspotThreads.getThreadAllocatedBytes(ids);
        long serverCpu = 0;
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || allocated[i] < 0) {
                continue; // ended while being read
            }
            if (LoopbackCloud.isServerThread(infos[i].getThreadName())) {
                serverCpu += Math.max(0, threads.getThreadCpuTime(ids[i]));
            } else {
                byThread.put(ids[i], allocated[i]);
            }
        }
        return new Reading(process - serverCpu, byThread);
    }

    /** The client's CPU nanoseconds between two readings. */
    static long cpuNanos(Reading from, Reading to) {
        return to.cpuNanos() - from.cpuNanos();
    }

    /** The bytes the client's threads allocated between two readings, counting threads started in between. */
    static long allocatedBytes(Reading from, Reading to) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : to.allocatedByThread().entrySet()) {
            sum += e.getValue() - from.allocatedByThread().getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }
}
