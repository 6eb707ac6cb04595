package dev.novasdk.core.filter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long {@link RetryFilter} retries. Immutable and thread-safe; which failures are retried
 * at all is fixed by the filter, not by the policy.
 *
 * <p>Between attempts the filter waits for the server's {@code Retry-After} when it gave one, else for an
 * exponential backoff with full jitter: after failed attempt {@code n} it waits a uniformly random part of
 * {@code min(maxDelay, baseDelay * 2^(n-1))}. Full jitter spreads out clients that failed together, so they
 * don't return in lockstep and overload the service again.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).maxDelay(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    private static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);
    private static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    // Looked up per call: ThreadLocalRandom.current() must not be cached across threads.
    private static final DoubleSupplier DEFAULT_JITTER =
            () -> ThreadLocalRandom.current().nextDouble();

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final DoubleSupplier jitter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.jitter = b.jitter;
    }

    /**
     * 3 attempts, backoff from 500 ms capped at 20 s with full jitter, and {@code Retry-After} honoured up to
     * 60 s.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retries; otherwise the defaults. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.maxRetryAfter = maxRetryAfter;
        b.jitter = jitter;
        return b;
    }

    /** The most attempts per call, the first one included; 1 means no retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The backoff ceiling after the first failed attempt, before jitter. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The cap on the exponential backoff, before jitter. It does not apply to {@code Retry-After}. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The longest {@code Retry-After} the filter waits for. When the server asks for more, the request is not
     * retried and its response (usually a 429, which becomes a
     * {@link dev.novasdk.core.error.RateLimitException}) goes to the caller at once: blocking a thread for
     * minutes inside a call surprises more callers than it helps, and the caller can read the requested
     * delay from the exception and schedule the work itself.
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The random source of the jitter, returning values in {@code [0, 1)}. */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /**
     * The backoff after failed attempt {@code failedAttempt} (1-based), jitter applied.
     *
     * @throws IllegalStateException when the jitter source returns a value outside {@code [0, 1)}
     */
    Duration backoff(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt must be >= 1, got " + failedAttempt);
        }
        double random = jitter.getAsDouble();
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalStateException("jitter must return a value in [0, 1), got " + random);
        }
        long base = saturatedNanos(baseDelay);
        long cap = saturatedNanos(maxDelay);
        int shift = failedAttempt - 1;
        // base * 2^shift, saturating at the cap instead of overflowing for large attempt numbers.
        long ceiling = shift >= Long.SIZE - 1 || base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        return Duration.ofNanos((long) (random * ceiling));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Mutable builder of {@link RetryPolicy}; not thread-safe, never shared. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration baseDelay = DEFAULT_BASE_DELAY;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private DoubleSupplier jitter = DEFAULT_JITTER;

        private Builder() {}

        /** The most attempts per call, the first included (default 3; 1 disables retries). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The backoff ceiling after the first failure (default 500 ms); zero retries without waiting. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** The cap on the exponential backoff (default 20 s); must not be less than {@code baseDelay}. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /**
         * The longest {@code Retry-After} to wait for (default 60 s); a longer one is not retried, see
         * {@link RetryPolicy#maxRetryAfter()}.
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * The random source of the jitter, returning values in {@code [0, 1)} (default
         * {@link ThreadLocalRandom}). Called from many threads at once, so it must be thread-safe; tests pass
         * a constant.
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * A new policy.
         *
         * @throws IllegalStateException when {@code maxDelay} is less than {@code baseDelay}
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalStateException(
                        "maxDelay (" + maxDelay + ") must not be less than baseDelay (" + baseDelay + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
