package dev.novasdk.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait did not reach its goal before the deadline. Carries the last value observed, so callers can see
 * how far the resource got.
 */
public class WaitTimeoutException extends OpenStackException {
    private final transient Object lastValue;
    private final Duration waited;

    /** An exception after waiting {@code waited}; {@code lastValue} may be null when nothing was observed. */
    public WaitTimeoutException(String message, Duration waited, Object lastValue) {
        super(message, null);
        this.waited = waited;
        this.lastValue = lastValue;
    }

    /** How long the wait lasted. */
    public Duration waited() {
        return waited;
    }

    /** The last value observed, cast to the caller's type, if any was observed. */
    public <T> Optional<T> lastValue(Class<T> type) {
        return type.isInstance(lastValue) ? Optional.of(type.cast(lastValue)) : Optional.empty();
    }
}
