package dev.novasdk.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders, so each setting fails with the same kind of message. */
public final class Checks {
    private Checks() {}

    /**
     * {@code d} when it is positive.
     *
     * @throws IllegalArgumentException naming the setting when it is zero or negative
     */
    public static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /**
     * {@code value} as an int when it lies in {@code [min, max]}.
     *
     * @param unit appended to the numbers in the message ("bytes"), or empty
     * @throws IllegalArgumentException naming the setting and the range otherwise
     */
    public static int inRange(long value, int min, int max, String name, String unit) {
        if (value < min || value > max) {
            String u = unit.isEmpty() ? "" : " " + unit;
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + u + ", got " + value);
        }
        return (int) value;
    }
}
