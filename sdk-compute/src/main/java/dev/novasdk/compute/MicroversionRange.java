package dev.novasdk.compute;

import dev.novasdk.core.http.Microversion;
import java.util.Objects;
import java.util.Optional;

/**
 * A closed range of compute microversions, open-ended on either side; the building block of a
 * {@link VersionRequirement}. Immutable.
 */
public final class MicroversionRange {
    private final Microversion min;
    private final Microversion max;

    private MicroversionRange(Microversion min, Microversion max) {
        this.min = min;
        this.max = max;
    }

    /** {@code min} and every later version. */
    public static MicroversionRange atLeast(Microversion min) {
        return new MicroversionRange(Objects.requireNonNull(min, "min"), null);
    }

    /** {@code max} and every earlier version. */
    public static MicroversionRange atMost(Microversion max) {
        return new MicroversionRange(null, Objects.requireNonNull(max, "max"));
    }

    /**
     * The versions from {@code min} to {@code max}, both included.
     *
     * @throws IllegalArgumentException when {@code min} is after {@code max}
     */
    public static MicroversionRange between(Microversion min, Microversion max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " is after max " + max);
        }
        return new MicroversionRange(min, max);
    }

    /** The earliest version in the range; empty when the range has no lower bound. */
    public Optional<Microversion> min() {
        return Optional.ofNullable(min);
    }

    /** The latest version in the range; empty when the range has no upper bound. */
    public Optional<Microversion> max() {
        return Optional.ofNullable(max);
    }

    /** Whether {@code version} lies in the range, bounds included. */
    public boolean contains(Microversion version) {
        Objects.requireNonNull(version, "version");
        return (min == null || version.isAtLeast(min)) && (max == null || version.isAtMost(max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MicroversionRange
                && Objects.equals(min, ((MicroversionRange) o).min)
                && Objects.equals(max, ((MicroversionRange) o).max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    /** {@code "2.52 or later"}, {@code "2.56 or earlier"}, {@code "2.32 to 2.36"} or {@code "2.32"}. */
    @Override
    public String toString() {
        if (min == null) {
            return max + " or earlier";
        }
        if (max == null) {
            return min + " or later";
        }
        return min.equals(max) ? min.toString() : min + " to " + max;
    }
}
