package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroversionTest {
    @Test
    void parse_valid_readsMajorAndMinor() {
        Microversion v = Microversion.parse("2.37");

        assertEquals(2, v.major());
        assertEquals(37, v.minor());
        assertEquals("2.37", v.toString());
        assertEquals(Microversion.of(2, 37), v);
        assertEquals(Microversion.of(2, 37).hashCode(), v.hashCode());
    }

    @Test
    void parse_minorZero_isAccepted() {
        assertEquals(Microversion.of(2, 0), Microversion.parse("2.0"));
        assertEquals(Microversion.of(3, 0), Microversion.parse(" 3.0 "));
    }

    @Test
    void compareTo_ordersNumericallyNotAsText() {
        Microversion v2_9 = Microversion.parse("2.9");
        Microversion v2_10 = Microversion.parse("2.10");

        assertTrue(v2_10.compareTo(v2_9) > 0);
        assertTrue(v2_10.isAtLeast(v2_9));
        assertFalse(v2_9.isAtLeast(v2_10));
        assertTrue(v2_9.isAtMost(v2_10));
        assertTrue(v2_9.isAtLeast(v2_9) && v2_9.isAtMost(v2_9));
        assertTrue(Microversion.parse("3.0").compareTo(Microversion.parse("2.100")) > 0);

        List<Microversion> sorted =
                new ArrayList<>(List.of(Microversion.parse("2.100"), v2_10, Microversion.parse("2.1"), v2_9));
        Collections.sort(sorted);
        assertEquals("[2.1, 2.9, 2.10, 2.100]", sorted.toString());
    }

    @Test
    void parse_leadingZeroOrMissingMinor_isRejected() {
        for (String bad : new String[] {
            "2.01", "02.1", "2", "2.", ".5", "2.37.1", "v2.1", "2,1", "", "-2.1", "2.-1", "2.1a", "0.1", "2.9999999999"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Microversion.parse(bad), bad);
            assertTrue(e.getMessage().contains("MajorNum.MinorNum"), e.getMessage());
        }
    }

    @Test
    void parse_latest_isRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Microversion.parse("latest"));

        assertTrue(e.getMessage().contains("'latest' is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("negotiate"), e.getMessage());
    }

    @Test
    void parse_null_isRejectedNamingTheArgument() {
        assertEquals(
                "microversion",
                assertThrows(NullPointerException.class, () -> Microversion.parse(null))
                        .getMessage());
    }

    @Test
    void of_negativeOrZeroMajor_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Microversion.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Microversion.of(2, -1));
        assertNotEquals(Microversion.of(2, 1), Microversion.of(2, 10));
    }
}
