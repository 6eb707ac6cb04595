package dev.novasdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time a {@link FakeCloud} lives in: token expiry, server build steps and every timestamp in its
 * documents are read from it. A test moves it with {@link #advance(Duration)} instead of sleeping, so a
 * server is {@code BUILD} until the test says otherwise and a token expires exactly when the test wants.
 *
 * <p>A manual clock ({@link #startingAt(Instant)}) stands still between advances. A ticking clock
 * ({@link #ticking()}) follows the system clock and adds every advance on top, for programs (such as the
 * examples) that poll in real time but may still want to jump ahead. Thread-safe; copies made by
 * {@link #withZone(ZoneId)} share the same time.
 */
public final class FakeClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final Instant start;
    private final boolean ticking;
    private final ZoneId zone;

    private FakeClock(AtomicReference<Duration> offset, Instant start, boolean ticking, ZoneId zone) {
        this.offset = offset;
        this.start = start;
        this.ticking = ticking;
        this.zone = zone;
    }

    /** A manual clock that reads {@code start} until advanced. */
    public static FakeClock startingAt(Instant start) {
        Objects.requireNonNull(start, "start");
        return new FakeClock(new AtomicReference<>(Duration.ZERO), start, false, ZoneOffset.UTC);
    }

    /**
     * A manual clock starting at the current second of the system clock, so documents carry plausible
     * dates and tokens it issues are not already expired by a client's own clock.
     */
    public static FakeClock manual() {
        return startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A clock that follows the system clock, plus whatever {@link #advance(Duration)} added. */
    public static FakeClock ticking() {
        return new FakeClock(new AtomicReference<>(Duration.ZERO), null, true, ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward. Servers whose next lifecycle step is due are advanced lazily, at the next
     * request that reads them.
     *
     * @throws IllegalArgumentException when {@code amount} is negative: time in a cloud never goes back
     */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Whether the clock follows the system clock between advances. */
    public boolean isTicking() {
        return ticking;
    }

    @Override
    public Instant instant() {
        Instant base = ticking ? Instant.now() : start;
        return base.plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public FakeClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return new FakeClock(offset, start, ticking, zone);
    }

    @Override
    public String toString() {
        return "FakeClock{" + (ticking ? "ticking, " : "") + instant() + "}";
    }
}
