package dev.novasdk.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.compute.ApiEnum;
import org.junit.jupiter.api.Test;

/** The lookup matches wire values exactly, then ignoring case and blanks, and falls back to the unknown member. */
class ApiEnumsTest {
    enum Colour implements ApiEnum {
        DARK_RED("dark-red"),
        BLUE("Blue"),
        OTHER("other");

        private final String value;

        Colour(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    enum Clash implements ApiEnum {
        A("x"),
        B("X");

        private final String value;

        Clash(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    private final ApiEnums<Colour> colours = ApiEnums.of(Colour.values(), Colour.OTHER);

    @Test
    void fromValue_exactSpelling_member() {
        assertSame(Colour.DARK_RED, colours.fromValue("dark-red"));
        assertSame(Colour.BLUE, colours.fromValue("Blue"));
    }

    @Test
    void fromValue_otherCaseOrBlanks_member() {
        assertSame(Colour.DARK_RED, colours.fromValue("DARK-RED"));
        assertSame(Colour.BLUE, colours.fromValue(" blue\n"));
    }

    @Test
    void fromValue_theConstantNameInsteadOfTheValue_unknown() {
        // Matching is on the wire value only: DARK_RED is not how the API spells it.
        assertSame(Colour.OTHER, colours.fromValue("DARK_RED"));
    }

    @Test
    void fromValue_unknownOrNull_theUnknownMember() {
        assertSame(Colour.OTHER, colours.fromValue("green"));
        assertSame(Colour.OTHER, colours.fromValue(""));
        assertSame(Colour.OTHER, colours.fromValue(null));
    }

    @Test
    void of_valuesDifferingOnlyInCase_refused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ApiEnums.of(Clash.values(), Clash.A));
        assertEquals("Clash has values that differ only in case: X", e.getMessage());
    }

    @Test
    void of_arrayChangedAfterwards_lookupUnaffected() {
        Colour[] members = Colour.values();
        ApiEnums<Colour> lookup = ApiEnums.of(members, Colour.OTHER);
        members[0] = Colour.BLUE;
        assertSame(Colour.DARK_RED, lookup.fromValue("dark-red"));
    }
}
