package dev.novasdk.core.http.apache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Cancels the exchanges of one {@link ApacheHttpTransport} whose deadline passes: one daemon thread that sleeps
 * until the earliest deadline in flight, started when needed and gone after a while with nothing in flight.
 *
 * <p>Not a {@code ScheduledThreadPoolExecutor}: that scheduled a task per request under the executor's lock and,
 * whenever the new task was the earliest (for a client sending one request at a time, every request), woke its
 * thread to re-arm the timer, a thread switch per request. Here a request whose deadline is no earlier than the
 * time the thread already sleeps until (nearly every request: deadlines are minutes away and move forward with
 * the clock) only adds itself to a concurrent set.
 */
final class DeadlineWatchdog {
    // The thread wakes at least this often, and ends once nothing has been in flight for this long.
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String threadName;
    private final Set<Alarm> inFlight = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private Thread thread; // guarded by lock
    private boolean closed; // guarded by lock
    // While true (no thread, or the thread is scanning), an arming request must wake the thread; while false, only
    // a request with a deadline earlier than wakeAt must. wakeAt is written before needsWake turns false.
    private volatile boolean needsWake = true;
    private volatile long wakeAt;

    DeadlineWatchdog(String threadName) {
        this.threadName = threadName;
    }

    /** An exchange with its deadline, on {@link System#nanoTime()}. */
    static final class Alarm {
        final Cancellable exchange;
        final long end;

        Alarm(Cancellable exchange, long end) {
            this.exchange = exchange;
            this.end = end;
        }

        // Not the identity hash, whose first use per object costs more than the rest of arming.
        @Override
        public int hashCode() {
            return Long.hashCode(end);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }
    }

    /** Cancels {@code exchange} in {@code remainingNanos} unless {@link #disarm} is called first. */
    Alarm arm(Cancellable exchange, long remainingNanos) {
        Alarm alarm = new Alarm(exchange, System.nanoTime() + remainingNanos);
        inFlight.add(alarm);
        if (needsWake || alarm.end - wakeAt < 0) {
            wake();
        }
        return alarm;
    }

    /** Forgets the alarm of an exchange that has ended. */
    void disarm(Alarm alarm) {
        inFlight.remove(alarm);
    }

    /** Stops the thread; exchanges in flight are no longer cancelled at their deadline. */
    void close() {
        synchronized (lock) {
            closed = true;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
            } else {
                LockSupport.unpark(thread);
            }
        }
    }

    private void run() {
        long busySince = System.nanoTime();
        while (true) {
            // Published before the scan: a request armed after the scan passed it then sees that it must wake us.
            needsWake = true;
            long now = System.nanoTime();
            long next = now + IDLE_NANOS;
            boolean busy = false;
            for (Alarm alarm : inFlight) {
                if (alarm.end - now <= 0) {
                    inFlight.remove(alarm);
                    alarm.exchange.cancel();
                } else {
                    busy = true;
                    if (alarm.end - next < 0) {
                        next = alarm.end;
                    }
                }
            }
            if (busy) {
                busySince = now;
            } else if (now - busySince >= IDLE_NANOS) {
                synchronized (lock) {
                    // Checked under the lock that wake() takes, so a request armed since the scan either is seen
                    // here or finds no thread and starts one.
                    if (closed || inFlight.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
                continue;
            }
            wakeAt = next;
            needsWake = false;
            LockSupport.parkNanos(this, next - now);
            synchronized (lock) {
                if (closed) {
                    thread = null;
                    return;
                }
            }
        }
    }
}
