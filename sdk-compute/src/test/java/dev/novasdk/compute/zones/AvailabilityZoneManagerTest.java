package dev.novasdk.compute.zones;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AvailabilityZoneManager} against WireMock, and both samples of nova's {@code os-availability-zone/}
 * read into {@link AvailabilityZone} and written back without losing a value.
 */
class AvailabilityZoneManagerTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<String> samples() {
        return Samples.list("compute/os-availability-zone", 2).stream();
    }

    static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_sample_writesEveryValueBack(String resource) {
        AvailabilityZone[] zones = JsonCodec.of(MAPPER)
                .readEnveloped(Samples.bytes(resource), "availabilityZoneInfo", AvailabilityZone[].class);
        JsonNode sample = Samples.tree(MAPPER, resource).get("availabilityZoneInfo");
        assertEquals(sample.size(), zones.length);
        for (int i = 0; i < zones.length; i++) {
            JsonNode written = MAPPER.valueToTree(zones[i]);
            Samples.assertHoldsEverything(MAPPER, sample.get(i), written, resource + "[" + i + "]");
            assertEquals(zones[i], MAPPER.convertValue(written, AvailabilityZone.class));
        }
    }

    @Test
    void list_readsZonesWithoutHosts() {
        wm.stubFor(get(urlEqualTo("/v2.1/os-availability-zone"))
                .willReturn(okJson(sample("compute/os-availability-zone/availability-zone-list-resp.json"))));
        List<AvailabilityZone> zones = client.availabilityZones().list();
        assertEquals("nova", zones.get(0).zoneName());
        assertTrue(zones.get(0).zoneState().available());
        assertTrue(zones.get(0).hosts().isEmpty());
        assertEquals(
                Optional.of("nova"), client.availabilityZones().find("nova").map(AvailabilityZone::zoneName));
        assertEquals(Optional.empty(), client.availabilityZones().find("az9"));
        wm.verify(3, compute(getRequestedFor(urlEqualTo("/v2.1/os-availability-zone")), "2.93"));
    }

    @Test
    void listDetailed_readsHostsAndServices() {
        // As the lab answers: the host's services with their last report.
        wm.stubFor(get(urlEqualTo("/v2.1/os-availability-zone/detail"))
                .willReturn(okJson("{\"availabilityZoneInfo\": [{\"zoneName\": \"nova\", \"zoneState\": "
                        + "{\"available\": true}, \"hosts\": {\"oslab\": {\"nova-compute\": {\"available\": true, "
                        + "\"active\": true, \"updated_at\": \"2026-12-03T08:54:11.000000\"}}}}]}")));
        ZoneService compute = client.availabilityZones()
                .listDetailed()
                .get(0)
                .hosts()
                .get("oslab")
                .get("nova-compute");
        assertTrue(compute.active() && compute.available());
        assertEquals("2026-12-03T08:54:11Z", compute.updatedAt().orElseThrow().toString());
    }

    @Test
    void listDetailed_nonAdmin_forbiddenWithNovaMessage() {
        String message = "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.";
        wm.stubFor(get(urlEqualTo("/v2.1/os-availability-zone/detail"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"forbidden\": {\"code\": 403, \"message\": \"" + message + "\"}}")));
        ForbiddenException e = assertThrows(
                ForbiddenException.class, () -> client.availabilityZones().listDetailed());
        assertEquals(Optional.of(message), e.serviceMessage());
    }
}
