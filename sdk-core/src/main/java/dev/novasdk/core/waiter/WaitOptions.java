package dev.novasdk.core.waiter;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Waiter} waits and how often it polls: it polls at once, then sleeps
 * {@code initialInterval}, multiplying the sleep by {@code multiplier} after each poll up to
 * {@code maxInterval}, until {@code timeout} has passed. Immutable.
 *
 * <p>Defaults: timeout 10 minutes, initial interval 1 s, maximum interval 15 s, multiplier 1.5. A server
 * boot typically takes tens of seconds, which this covers in about ten polls without hammering the API.
 */
public final class WaitOptions {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);
    private static final double DEFAULT_MULTIPLIER = 1.5;
    private static final WaitOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final double multiplier;

    private WaitOptions(Builder b) {
        this.timeout = b.timeout;
        this.initialInterval = b.initialInterval;
        this.maxInterval = b.maxInterval;
        this.multiplier = b.multiplier;
    }

    /** The default options (see the class description). */
    public static WaitOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options with the default multiplier.
     *
     * @throws IllegalArgumentException naming the field, as {@link Builder#build()}
     */
    public static WaitOptions of(Duration timeout, Duration initialInterval, Duration maxInterval) {
        return builder()
                .timeout(timeout)
                .initialInterval(initialInterval)
                .maxInterval(maxInterval)
                .build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .timeout(timeout)
                .initialInterval(initialInterval)
                .maxInterval(maxInterval)
                .multiplier(multiplier);
    }

    /** How long to keep polling, measured from the first poll. Zero means poll exactly once. */
    public Duration timeout() {
        return timeout;
    }

    /** The first sleep between polls. */
    public Duration initialInterval() {
        return initialInterval;
    }

    /** The cap on the sleep between polls. */
    public Duration maxInterval() {
        return maxInterval;
    }

    /** The factor the sleep grows by after each poll; 1 polls at a fixed interval. */
    public double multiplier() {
        return multiplier;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaitOptions)) {
            return false;
        }
        WaitOptions other = (WaitOptions) o;
        return timeout.equals(other.timeout)
                && initialInterval.equals(other.initialInterval)
                && maxInterval.equals(other.maxInterval)
                && Double.compare(multiplier, other.multiplier) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, initialInterval, maxInterval, multiplier);
    }

    @Override
    public String toString() {
        return "WaitOptions[timeout=" + timeout + ", initialInterval=" + initialInterval + ", maxInterval="
                + maxInterval + ", multiplier=" + multiplier + "]";
    }

    /** Mutable builder of {@link WaitOptions}; starts from the defaults. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private double multiplier = DEFAULT_MULTIPLIER;

        private Builder() {}

        /**
         * How long to keep polling; zero polls once.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be >= 0, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The first sleep between polls.
         *
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder initialInterval(Duration initialInterval) {
            Objects.requireNonNull(initialInterval, "initialInterval");
            if (initialInterval.isNegative() || initialInterval.isZero()) {
                throw new IllegalArgumentException("initialInterval must be > 0, got " + initialInterval);
            }
            this.initialInterval = initialInterval;
            return this;
        }

        /**
         * The cap on the sleep between polls; must be at least {@code initialInterval} (checked by
         * {@link #build()}).
         *
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder maxInterval(Duration maxInterval) {
            Objects.requireNonNull(maxInterval, "maxInterval");
            if (maxInterval.isNegative() || maxInterval.isZero()) {
                throw new IllegalArgumentException("maxInterval must be > 0, got " + maxInterval);
            }
            this.maxInterval = maxInterval;
            return this;
        }

        /**
         * The growth factor of the sleep between polls.
         *
         * @throws IllegalArgumentException when below 1, infinite or NaN
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * New immutable options.
         *
         * @throws IllegalArgumentException when {@code maxInterval} is shorter than {@code initialInterval}
         */
        public WaitOptions build() {
            if (maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("maxInterval must be >= initialInterval, got maxInterval="
                        + maxInterval + " and initialInterval=" + initialInterval);
            }
            return new WaitOptions(this);
        }
    }
}
