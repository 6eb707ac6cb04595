package dev.novasdk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the CPU time and the bytes allocated by the client side of this JVM: every thread except the JIT
 * compiler's and those of a {@link LoopbackCloud} running in it.
 *
 * <ul>
 *   <li>CPU is the process's CPU time ({@code com.sun.management.OperatingSystemMXBean.getProcessCpuTime()}),
 *       which holds every thread of the JVM (the client's threads, the garbage collector's, the VM's), minus
 *       the JIT compiler threads' CPU time, and minus the loopback server threads' when the server shares the
 *       JVM. The harness runs the server in another JVM, so that the garbage the server makes is not collected
 *       on the client's account. The compiler threads are hidden from {@link ThreadMXBean}; their CPU time is
 *       read from Linux's {@code /proc/self/task/<tid>/stat} (threads named {@code C1/C2 CompilerThread}),
 *       and is zero elsewhere ({@link #compilerCpuVisible()}). A warmed-up JVM barely compiles, but on a loaded
 *       machine the compiler lags far behind and would otherwise be counted as the client's.
 *   <li>Allocation is the sum over the client's threads of {@code
 *       com.sun.management.ThreadMXBean.getThreadAllocatedBytes}; a thread that ends between two readings takes
 *       its count with it, which is why W5's threads live as long as their driver.
 * </ul>
 */
final class ClientMeter {
    /**
     * One reading: the client's CPU nanoseconds so far, the JIT compiler threads' CPU nanoseconds so far, and
     * each client thread's allocated bytes so far.
     */
    record Reading(long cpuNanos, long compilerNanos, Map<Long, Long> allocatedByThread) {}

    // Linux reports thread CPU times in USER_HZ ticks, 100 a second on every architecture's user ABI.
    private static final long NANOS_PER_TICK = 10_000_000;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
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
        if (!compilerCpuVisible()) {
            // The JIT's elapsed compilation time instead, only to tell whether it is still busy.
            return new Reading(process - serverCpu, compilation.getTotalCompilationTime() * 1_000_000, byThread);
        }
        long compiler = compilerCpuNanos();
        return new Reading(process - serverCpu - compiler, compiler, byThread);
    }

    /** Whether the JIT compiler threads' CPU time can be read here (Linux), and so is left out of the client's. */
    static boolean compilerCpuVisible() {
        return Files.isDirectory(TASKS);
    }

    /**
     * The JIT compiler threads' CPU nanoseconds between two readings (where they are not visible, the JIT's
     * elapsed compilation time).
     */
    static long compilerNanos(Reading from, Reading to) {
        return to.compilerNanos() - from.compilerNanos();
    }

    // The CPU time of this process's JIT compiler threads, which the JVM names "C1 CompilerThread<n>" and
    // "C2 CompilerThread<n>" (Linux keeps the first 15 characters).
    private static long compilerCpuNanos() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    continue; // the thread ended while being listed
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                    continue;
                }
                // After "(comm) ": state, ppid, ... ; utime and stime are the 14th and 15th fields of the line.
                String[] f = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + TASKS, e);
        }
        return ticks * NANOS_PER_TICK;
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
