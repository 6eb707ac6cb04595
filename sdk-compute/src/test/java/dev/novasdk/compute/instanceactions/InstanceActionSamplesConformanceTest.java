package dev.novasdk.compute.instanceactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.InstanceActionListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of nova's {@code os-instance-actions} api-samples folder (all microversions; fixtures listed in
 * SOURCES.md) parses into {@link InstanceAction} or its listing and is written back without losing a value.
 */
class InstanceActionSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);
    private static final String DIR = "compute/doc/api_samples/os-instance-actions";

    static Stream<String> samples() {
        return Samples.list(DIR, 33).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample_parsesWithNothingLost(String sample) {
        JsonNode tree = Samples.tree(MAPPER, sample);
        JsonNode written;
        if (tree.has("instanceAction")) {
            InstanceAction a = CODEC.readEnveloped(Samples.bytes(sample), "instanceAction", InstanceAction.class);
            assertFalse(a.action().isEmpty());
            written = MAPPER.valueToTree(java.util.Map.of("instanceAction", a));
        } else {
            InstanceActionListDocument d = CODEC.read(Samples.bytes(sample), InstanceActionListDocument.class);
            assertFalse(d.instanceActions().isEmpty(), sample);
            written = MAPPER.valueToTree(d);
        }
        Samples.assertHoldsEverything(MAPPER, tree, written, sample);
    }

    @Test
    void v284Get_readsEveryEventField() {
        InstanceAction a = CODEC.readEnveloped(
                Samples.bytes(DIR + "/v2.84/instance-action-get-resp.json"), "instanceAction", InstanceAction.class);
        InstanceActionEvent e = a.events().get(0);
        assertEquals("compute_stop_instance", e.event());
        assertEquals(java.util.Optional.of("compute"), e.host());
        assertEquals(java.util.Optional.of("2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6"), e.hostId());
        assertEquals(java.util.Optional.of(EventResult.SUCCESS), e.result());
        assertFalse(e.failed());
        assertTrue(a.updatedAt().isPresent());
        assertTrue(a.failedEvents().isEmpty());
    }

    @Test
    void v258ListWithLimit_hasTheNextLink() {
        InstanceActionListDocument d = CODEC.read(
                Samples.bytes(DIR + "/v2.58/instance-actions-list-with-limit-resp.json"),
                InstanceActionListDocument.class);
        assertTrue(d.nextHref().orElseThrow().contains("marker="), d.nextHref().toString());
    }

    @Test
    void failedEvent_isReportedByResultError() {
        InstanceAction a = InstanceAction.builder()
                .action("pause")
                .requestId("req-1")
                .events(List.of(
                        InstanceActionEvent.builder()
                                .event("compute_pause_instance")
                                .resultRaw("Error")
                                .build(),
                        InstanceActionEvent.builder()
                                .event("other")
                                .resultRaw("Success")
                                .build()))
                .build();
        assertEquals(1, a.failedEvents().size());
        assertEquals("compute_pause_instance", a.failedEvents().get(0).event());
        assertEquals(EventResult.UNKNOWN, EventResult.fromValue("Later"));
    }
}
