package dev.novasdk.core.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitOptionsTest {

    @Test
    void defaults_documentedValues() {
        WaitOptions o = WaitOptions.defaults();

        assertEquals(Duration.ofMinutes(10), o.timeout());
        assertEquals(Duration.ofSeconds(1), o.initialInterval());
        assertEquals(Duration.ofSeconds(15), o.maxInterval());
        assertEquals(1.5, o.multiplier());
    }

    @Test
    void of_setsTheThreeDurationsAndKeepsTheDefaultMultiplier() {
        WaitOptions o = WaitOptions.of(Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(5));

        assertEquals(Duration.ofMinutes(2), o.timeout());
        assertEquals(Duration.ofMillis(500), o.initialInterval());
        assertEquals(Duration.ofSeconds(5), o.maxInterval());
        assertEquals(1.5, o.multiplier());
    }

    @Test
    void toBuilder_changingTheBuilder_leavesTheOriginalUnchanged() {
        WaitOptions original = WaitOptions.defaults();

        WaitOptions changed = original.toBuilder().multiplier(2).build();

        assertEquals(1.5, original.multiplier());
        assertEquals(2.0, changed.multiplier());
        assertEquals(original.timeout(), changed.timeout());
        assertNotEquals(original, changed);
        assertEquals(original, original.toBuilder().build());
    }

    @Test
    void timeout_negative_throwsNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WaitOptions.builder().timeout(Duration.ofSeconds(-1)));

        assertEquals("timeout must be >= 0, got PT-1S", e.getMessage());
    }

    @Test
    void timeout_zero_isAllowed() {
        assertEquals(
                Duration.ZERO,
                WaitOptions.builder().timeout(Duration.ZERO).build().timeout());
    }

    @Test
    void initialInterval_zero_throwsNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WaitOptions.builder().initialInterval(Duration.ZERO));

        assertEquals("initialInterval must be > 0, got PT0S", e.getMessage());
    }

    @Test
    void maxInterval_negative_throwsNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WaitOptions.builder().maxInterval(Duration.ofSeconds(-5)));

        assertEquals("maxInterval must be > 0, got PT-5S", e.getMessage());
    }

    @Test
    void build_maxIntervalBelowInitialInterval_throwsNamingBothFields() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> WaitOptions.of(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(5)));

        assertEquals(
                "maxInterval must be >= initialInterval, got maxInterval=PT5S and initialInterval=PT10S",
                e.getMessage());
    }

    @Test
    void multiplier_belowOneOrNotFinite_throwsNamingTheField() {
        WaitOptions.Builder b = WaitOptions.builder();

        assertEquals(
                "multiplier must be a finite number >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> b.multiplier(0.5))
                        .getMessage());
        assertEquals(
                "multiplier must be a finite number >= 1, got NaN",
                assertThrows(IllegalArgumentException.class, () -> b.multiplier(Double.NaN))
                        .getMessage());
        assertEquals(
                "multiplier must be a finite number >= 1, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> b.multiplier(Double.POSITIVE_INFINITY))
                        .getMessage());
    }

    @Test
    void timeout_null_throwsNullPointerNamingIt() {
        NullPointerException e = assertThrows(
                NullPointerException.class, () -> WaitOptions.builder().timeout(null));

        assertEquals("timeout", e.getMessage());
    }
}
