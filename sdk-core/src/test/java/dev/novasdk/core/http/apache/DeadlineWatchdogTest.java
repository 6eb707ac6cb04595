package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineWatchdogTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final DeadlineWatchdog watchdog = new DeadlineWatchdog("test-deadline");

    @AfterEach
    void close() {
        watchdog.close();
    }

    @Test
    void arm_earlierDeadlineAfterALaterOne_cancelsAtTheEarlierDeadline() throws InterruptedException {
        Exchange late = new Exchange();
        Exchange soon = new Exchange();
        watchdog.arm(late, 60_000 * MS);
        long start = System.nanoTime();
        watchdog.arm(soon, 100 * MS);

        // Well before the thread's own 10 s wake-up: the earlier deadline must have woken it.
        assertTrue(soon.cancelled.await(5, TimeUnit.SECONDS), "the earlier deadline did not wake the watchdog");
        long elapsedMs = (System.nanoTime() - start) / MS;
        assertTrue(elapsedMs >= 100, "fired after " + elapsedMs + " ms, before the 100 ms deadline");
        assertEquals(1, late.cancelled.getCount(), "the later deadline fired too");
    }

    @Test
    void disarm_beforeTheDeadline_neverCancels() throws InterruptedException {
        Exchange disarmed = new Exchange();
        Exchange sentinel = new Exchange();
        watchdog.disarm(watchdog.arm(disarmed, 50 * MS));
        watchdog.arm(sentinel, 150 * MS);

        assertTrue(sentinel.cancelled.await(10, TimeUnit.SECONDS));
        assertEquals(1, disarmed.cancelled.getCount(), "a disarmed exchange was cancelled");
    }

    @Test
    void arm_manyConcurrently_cancelsEachAtItsDeadline() throws InterruptedException {
        int n = 64;
        Exchange[] exchanges = new Exchange[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            Exchange e = new Exchange();
            exchanges[i] = e;
            long delay = (20 + (i * 7) % 200) * MS;
            threads[i] = new Thread(() -> watchdog.arm(e, delay));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        for (Exchange e : exchanges) {
            assertTrue(e.cancelled.await(10, TimeUnit.SECONDS), "an armed exchange was never cancelled");
        }
    }

    private static final class Exchange implements Cancellable {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public boolean cancel() {
            cancelled.countDown();
            return true;
        }
    }
}
