package dev.novasdk.core.waiter;

import java.time.Duration;

/**
 * Pauses the calling thread. Injected into retries and waiters so tests can record delays instead of
 * sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps for {@code duration}; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper, {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
            }
        };
    }
}
