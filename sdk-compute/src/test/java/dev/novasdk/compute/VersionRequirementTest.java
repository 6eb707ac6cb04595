package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.internal.VersionRequirements;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requirements accept exactly their ranges, and describe themselves with the field and the versions. */
class VersionRequirementTest {
    private static Microversion v(String text) {
        return Microversion.parse(text);
    }

    private static final VersionRequirement BDM_TAG = VersionRequirement.anyOf(
            "block_device_mapping_v2[0].tag",
            MicroversionRange.between(v("2.32"), v("2.32")),
            MicroversionRange.atLeast(v("2.42")));

    @Test
    void range_contains_includesBothBounds() {
        MicroversionRange r = MicroversionRange.between(v("2.32"), v("2.36"));
        assertTrue(r.contains(v("2.32")));
        assertTrue(r.contains(v("2.36")));
        assertFalse(r.contains(v("2.31")));
        assertFalse(r.contains(v("2.37")));
        assertEquals("2.32 to 2.36", r.toString());
        assertEquals("2.9 or later", MicroversionRange.atLeast(v("2.9")).toString());
        assertEquals("2.56 or earlier", MicroversionRange.atMost(v("2.56")).toString());
        assertEquals(Optional.empty(), MicroversionRange.atLeast(v("2.9")).max());
        assertTrue(MicroversionRange.atLeast(v("2.9")).contains(v("2.10")));
    }

    @Test
    void range_between_reversedBounds_fails() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MicroversionRange.between(v("2.40"), v("2.3")));
        assertEquals("min 2.40 is after max 2.3", e.getMessage());
    }

    @Test
    void since_acceptsFromItsVersionOn() {
        VersionRequirement tags = VersionRequirement.since("tags", v("2.52"));
        assertFalse(tags.accepts(v("2.51")));
        assertTrue(tags.accepts(v("2.52")));
        assertTrue(tags.accepts(v("2.100")));
        assertEquals("field 'tags' requires compute microversion 2.52 or later", tags.describe());
    }

    @Test
    void until_acceptsUpToItsVersion() {
        VersionRequirement personality = VersionRequirement.until("personality", v("2.56"));
        assertTrue(personality.accepts(v("2.1")));
        assertTrue(personality.accepts(v("2.56")));
        assertFalse(personality.accepts(v("2.57")));
        assertEquals("field 'personality' is not accepted after compute microversion 2.56", personality.describe());
    }

    @Test
    void anyOf_acceptsEachRangeAndNothingBetween() {
        assertFalse(BDM_TAG.accepts(v("2.31")));
        assertTrue(BDM_TAG.accepts(v("2.32")));
        assertFalse(BDM_TAG.accepts(v("2.33")));
        assertFalse(BDM_TAG.accepts(v("2.41")));
        assertTrue(BDM_TAG.accepts(v("2.42")));
        assertEquals(
                "field 'block_device_mapping_v2[0].tag' is accepted only in compute microversions 2.32 and 2.42 "
                        + "or later",
                BDM_TAG.describe());
    }

    @Test
    void anyOf_singleOpenRange_readsLikeSinceOrUntil() {
        assertEquals(
                VersionRequirement.since("f", v("2.3")),
                VersionRequirement.anyOf("f", MicroversionRange.atLeast(v("2.3"))));
        assertEquals(
                VersionRequirement.until("f", v("2.3")),
                VersionRequirement.anyOf("f", MicroversionRange.atMost(v("2.3"))));
        assertEquals(
                "field 'f' is accepted only in compute microversion 2.32",
                VersionRequirement.anyOf("f", MicroversionRange.between(v("2.32"), v("2.32")))
                        .describe());
    }

    @Test
    void requiredSince_acceptsOnlyEarlierVersions() {
        VersionRequirement networks = VersionRequirement.requiredSince("networks", v("2.37"));
        assertTrue(networks.accepts(v("2.36")));
        assertFalse(networks.accepts(v("2.37")));
        assertEquals("field 'networks' is required from compute microversion 2.37 on", networks.describe());
        assertThrows(IllegalArgumentException.class, () -> VersionRequirement.requiredSince("f", v("3.0")));
    }

    @Test
    void withCondition_appearsInTheDescription() {
        VersionRequirement auto =
                VersionRequirement.since("networks", v("2.37")).withCondition("'auto'");
        assertEquals("field 'networks' ('auto') requires compute microversion 2.37 or later", auto.describe());
        assertEquals(Optional.of("'auto'"), auto.condition());
        assertNotEquals(VersionRequirement.since("networks", v("2.37")), auto);
    }

    @Test
    void factories_checkArguments() {
        assertThrows(NullPointerException.class, () -> VersionRequirement.since(null, v("2.1")));
        assertThrows(NullPointerException.class, () -> VersionRequirement.since("f", null));
        assertThrows(IllegalArgumentException.class, () -> VersionRequirement.since("", v("2.1")));
    }

    @Test
    void check_pinnedTooLow_namesFieldAndVersions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(List.of(VersionRequirement.since("tags", v("2.52"))), v("2.37")));
        assertEquals("field 'tags' requires compute microversion 2.52 or later; the client uses 2.37", e.getMessage());
    }

    @Test
    void check_pinnedTooHigh_namesFieldAndVersions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(
                        List.of(VersionRequirement.until("personality", v("2.56"))), v("2.57")));
        assertEquals(
                "field 'personality' is not accepted after compute microversion 2.56; the client uses 2.57",
                e.getMessage());
    }

    @Test
    void check_severalFieldsFail_namesEach() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(
                        List.of(
                                VersionRequirement.since("tags", v("2.52")),
                                VersionRequirement.since("description", v("2.19")),
                                VersionRequirement.since("hostname", v("2.90"))),
                        v("2.60")));
        assertEquals(
                "field 'hostname' requires compute microversion 2.90 or later; the client uses 2.60", e.getMessage());
        IllegalArgumentException both = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(
                        List.of(
                                VersionRequirement.since("tags", v("2.52")),
                                VersionRequirement.since("hostname", v("2.90"))),
                        v("2.19")));
        assertEquals(
                "field 'tags' requires compute microversion 2.52 or later; field 'hostname' requires compute "
                        + "microversion 2.90 or later; the client uses 2.19",
                both.getMessage());
    }

    @Test
    void check_lowestVersionAcceptingEveryField_passesAndTheOneBelowFails() {
        List<VersionRequirement> tagsAndBdmTag = List.of(VersionRequirement.since("tags", v("2.52")), BDM_TAG);
        // 2.52 is the lowest version both accept (the BDM tag also at 2.42 and up): check returns normally.
        VersionRequirements.check(tagsAndBdmTag, v("2.52"));
        IllegalArgumentException below =
                assertThrows(IllegalArgumentException.class, () -> VersionRequirements.check(tagsAndBdmTag, v("2.51")));
        assertEquals(
                "field 'tags' requires compute microversion 2.52 or later; the client uses 2.51", below.getMessage());
        assertEquals(v("2.52"), VersionRequirements.select(tagsAndBdmTag, v("2.1"), v("2.52")));
    }

    @Test
    void check_noRequirements_acceptsEveryVersion() {
        for (String version : List.of("2.1", "2.37", "2.96")) {
            VersionRequirements.check(List.of(), v(version));
            assertEquals(v(version), VersionRequirements.select(List.of(), v("2.1"), v(version)));
        }
    }

    @Test
    void select_noRequirements_isTheMaximum() {
        assertEquals(v("2.93"), VersionRequirements.select(List.of(), v("2.1"), v("2.93")));
    }

    @Test
    void select_personality_isHighestVersionThatStillHasIt() {
        assertEquals(
                v("2.56"),
                VersionRequirements.select(
                        List.of(VersionRequirement.until("personality", v("2.56"))), v("2.1"), v("2.93")));
    }

    @Test
    void select_networksNoneAndPersonality_is256() {
        assertEquals(
                v("2.56"),
                VersionRequirements.select(
                        List.of(
                                VersionRequirement.since("networks", v("2.37")).withCondition("'none'"),
                                VersionRequirement.until("personality", v("2.56"))),
                        v("2.1"),
                        v("2.93")));
    }

    @Test
    void select_tagBetweenItsRanges_fallsBackToTheEarlierRange() {
        assertEquals(v("2.32"), VersionRequirements.select(List.of(BDM_TAG), v("2.1"), v("2.41")));
        assertEquals(v("2.93"), VersionRequirements.select(List.of(BDM_TAG), v("2.1"), v("2.93")));
    }

    @Test
    void select_requirementAboveMaximum_namesFieldAndRange() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(
                        List.of(VersionRequirement.since("tags", v("2.52"))), v("2.1"), v("2.37")));
        assertEquals(
                "field 'tags' requires compute microversion 2.52 or later; the client can use compute "
                        + "microversions 2.1 to 2.37",
                e.getMessage());
    }

    @Test
    void select_requirementBelowCloudMinimum_namesField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(
                        List.of(VersionRequirement.until("personality", v("2.56"))), v("2.60"), v("2.90")));
        assertEquals(
                "field 'personality' is not accepted after compute microversion 2.56; the client can use compute "
                        + "microversions 2.60 to 2.90",
                e.getMessage());
    }

    @Test
    void select_conflictingFields_namesBoth() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(
                        List.of(
                                VersionRequirement.since("hostname", v("2.90")),
                                VersionRequirement.since("tags", v("2.52")),
                                VersionRequirement.until("personality", v("2.56"))),
                        v("2.1"),
                        v("2.93")));
        assertEquals(
                "no compute microversion accepts every field set: field 'hostname' requires compute microversion "
                        + "2.90 or later, but field 'personality' is not accepted after compute microversion 2.56; the client "
                        + "can use compute microversions 2.1 to 2.93",
                e.getMessage());
    }

    @Test
    void select_minimumAfterMaximum_fails() {
        assertThrows(IllegalArgumentException.class, () -> VersionRequirements.select(List.of(), v("2.5"), v("2.4")));
    }

    @Test
    void select_windowOfOneVersion_checksIt() {
        assertEquals(v("2.32"), VersionRequirements.select(List.of(BDM_TAG), v("2.32"), v("2.32")));
        assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(List.of(BDM_TAG), v("2.33"), v("2.33")));
    }
}
