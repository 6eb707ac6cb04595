package dev.novasdk.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A point in time by which a request must be done, measured on a monotonic clock (never the wall clock, which
 * can jump). The SDK puts the deadline of each attempt on the request as {@link #ATTRIBUTE}; transports stop
 * waiting, for a connection, the response headers or the rest of the body, once it has passed, and throw
 * {@link DeadlineExceededException}.
 *
 * <p>Immutable and thread-safe. Deadlines are compared with each other only when they share a clock.
 */
public final class Deadline {
    /**
     * The deadline of one attempt, set by {@link dev.novasdk.core.filter.RetryFilter} on every request it
     * sends down the chain: the earlier of the end of the call's and of the attempt's time budget.
     */
    public static final RequestAttribute<Deadline> ATTRIBUTE = RequestAttribute.of("deadline", Deadline.class);

    private final long endNanos;
    private final Duration timeout;
    private final String name;
    private final LongSupplier nanoTime;

    private Deadline(long endNanos, Duration timeout, String name, LongSupplier nanoTime) {
        this.endNanos = endNanos;
        this.timeout = timeout;
        this.name = name;
        this.nanoTime = nanoTime;
    }

    /** A deadline {@code timeout} from now on {@link System#nanoTime()}, named "timeout" in messages. */
    public static Deadline after(Duration timeout) {
        return after(timeout, "timeout", System::nanoTime);
    }

    /**
     * A deadline {@code timeout} from now on the clock {@code nanoTime}.
     *
     * @param name what the budget is, for messages ("call timeout", "attempt timeout")
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public static Deadline after(Duration timeout, String name, LongSupplier nanoTime) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nanoTime, "nanoTime");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return new Deadline(nanoTime.getAsLong() + saturatedNanos(timeout), timeout, name, nanoTime);
    }

    /** The time left, zero once the deadline has passed. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0L, remainingNanos()));
    }

    /** The time left in nanoseconds, zero or negative once the deadline has passed. */
    public long remainingNanos() {
        // A difference, not a comparison of absolute values: nanoTime may overflow between the two readings.
        return endNanos - nanoTime.getAsLong();
    }

    /** Whether the deadline has passed. */
    public boolean isExpired() {
        return remainingNanos() <= 0;
    }

    /** The budget this deadline was created with. */
    public Duration timeout() {
        return timeout;
    }

    /** Whichever of this and {@code other} passes first; both must use the same clock. */
    public Deadline earlier(Deadline other) {
        Objects.requireNonNull(other, "other");
        return other.endNanos - endNanos < 0 ? other : this;
    }

    /**
     * The exception a transport throws when the deadline passed, for instance
     * {@code exceeded("reading the response body")}: "the attempt timeout of 500 ms passed while reading the
     * response body".
     */
    public DeadlineExceededException exceeded(String whileDoing) {
        return new DeadlineExceededException(
                "the " + this + " passed" + (whileDoing == null ? "" : " while " + whileDoing));
    }

    /** The name and budget, such as {@code call timeout of 30000 ms}. */
    @Override
    public String toString() {
        return name + " of " + timeout.toMillis() + " ms";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            // About 292 years: beyond any call, and still safe to add to a nanoTime reading by difference.
            return Long.MAX_VALUE / 2;
        }
    }
}
