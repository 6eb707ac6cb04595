package dev.novasdk.core.waiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A fake monotonic clock with a sleeper that advances it instead of sleeping, recording each sleep. Public in
 * the test-jar for the other packages that measure time budgets.
 */
public final class FakeTime implements LongSupplier, Sleeper {
    // Far from zero, and near overflow, so code that uses absolute nanoTime values instead of differences fails.
    private long now = Long.MAX_VALUE - Duration.ofSeconds(30).toNanos();
    /** Every sleep, in order. */
    public final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long getAsLong() {
        return now;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        advance(duration);
    }

    /** Moves the clock forward, as time passing in the code under test would. */
    public void advance(Duration duration) {
        now += duration.toNanos();
    }

    /** The sum of all sleeps. */
    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
