package dev.novasdk.core.waiter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread: the async twin of {@link Sleeper}, used by async retries and waiters.
 * Injected so tests (and a fake cloud's clock) can move time instead of waiting for it.
 */
@FunctionalInterface
public interface AsyncSleeper {
    /**
     * A future completed once {@code duration} has passed; at once for a zero or negative duration. Cancelling
     * it cancels the wait.
     */
    CompletableFuture<Void> sleep(Duration duration);

    /** Waits on {@code scheduler}: the future completes on one of its threads. */
    static AsyncSleeper of(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        return d -> {
            if (d.isNegative() || d.isZero()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            ScheduledFuture<?> task = scheduler.schedule(() -> done.complete(null), d.toNanos(), TimeUnit.NANOSECONDS);
            // Cancelling the wait must not leave the task queued: a cancelled waiter would otherwise keep it
            // (and what it captures) until it fires.
            done.whenComplete((r, e) -> {
                if (done.isCancelled()) {
                    task.cancel(false);
                }
            });
            return done;
        };
    }

    /**
     * Runs a blocking {@link Sleeper} as an async one, completing at once after it returns: for a sleeper that
     * only moves a fake clock. A real sleeper would block the caller.
     */
    static AsyncSleeper ofInstant(Sleeper sleeper) {
        Objects.requireNonNull(sleeper, "sleeper");
        return d -> {
            try {
                sleeper.sleep(d);
                return CompletableFuture.completedFuture(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            }
        };
    }
}
