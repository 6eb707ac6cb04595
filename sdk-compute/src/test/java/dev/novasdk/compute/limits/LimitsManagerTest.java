package dev.novasdk.compute.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LimitsManager} against WireMock, and every sample of nova's {@code limits/} (2.1, 2.36, 2.39, 2.57)
 * read into {@link Limits} and written back without losing a value.
 */
class LimitsManagerTest {
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
        return Samples.list("compute/limits", 4).stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_sample_writesEveryValueBack(String resource) {
        Limits limits = JsonCodec.of(MAPPER).readEnveloped(Samples.bytes(resource), "limits", Limits.class);
        JsonNode written = MAPPER.valueToTree(limits);
        Samples.assertHoldsEverything(MAPPER, Samples.tree(MAPPER, resource).get("limits"), written, resource);
        assertEquals(limits, MAPPER.convertValue(written, Limits.class));
        assertEquals(Optional.of(10), limits.absolute().maxTotalInstances());
    }

    @Test
    void get_own_readsAbsoluteWithoutRemovedFields() {
        // Source: nova doc/api_samples/limits/v2.57/limit-get-resp.json
        wm.stubFor(get(urlEqualTo("/v2.1/limits"))
                .willReturn(okJson(new String(
                        Samples.bytes("compute/limits/v2.57/limit-get-resp.json"), StandardCharsets.UTF_8))));
        AbsoluteLimits a = client.limits().get().absolute();
        assertEquals(Optional.of(51200), a.maxTotalRamSize());
        assertEquals(Optional.empty(), a.maxPersonality());
        assertEquals(Optional.empty(), a.maxSecurityGroups());
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/limits")), "2.93"));
    }

    @Test
    void get_otherProjectAsNonAdmin_forbiddenWithNovaMessage() {
        String message = "Policy doesn't allow os_compute_api:limits:other_project to be performed.";
        wm.stubFor(get(urlEqualTo("/v2.1/limits?tenant_id=p2"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"forbidden\": {\"code\": 403, \"message\": \"" + message + "\"}}")));
        ForbiddenException e =
                assertThrows(ForbiddenException.class, () -> client.limits().get("p2"));
        assertEquals(Optional.of(message), e.serviceMessage());
    }
}
