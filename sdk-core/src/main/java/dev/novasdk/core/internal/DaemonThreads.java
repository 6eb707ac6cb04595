package dev.novasdk.core.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's own threads: daemons, so an application that forgets {@code close()} can still exit, and named
 * after their owner, so a thread dump shows where they come from.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, and so on. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A scheduler for timeouts with at most one daemon thread named {@code name}, started on the first task and
     * ended after 10 s without any; cancelled tasks leave its queue at once, so thousands of cancelled
     * deadlines hold no memory. Shut it down with {@code shutdownNow()}.
     */
    public static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
