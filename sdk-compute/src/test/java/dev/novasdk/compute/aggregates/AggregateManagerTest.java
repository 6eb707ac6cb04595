package dev.novasdk.compute.aggregates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.OperatorStubs.fault;
import static dev.novasdk.compute.OperatorStubs.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.WireMockComputeTest;
import dev.novasdk.core.error.ConflictException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AggregateManager} against a WireMock nova serving 2.1 to 2.93; each request is nova's request sample
 * ({@code doc/api_samples/os-aggregates/v2.81/...}) and each answer its response sample.
 */
class AggregateManagerTest extends WireMockComputeTest {
    static final String A = "/v2.1/os-aggregates";
    static final String V = "compute/os-aggregates/v2.81/";

    AggregateManager aggregates(String pinnedOrNull) {
        return client(pinnedOrNull).aggregates();
    }

    @Test
    void create_sendsNovasSample_readsAggregate() {
        wm.stubFor(post(urlEqualTo(A)).willReturn(okJson(sample(V + "aggregate-post-resp.json"))));
        Aggregate a = aggregates(null)
                .create(AggregateCreate.builder()
                        .name("name")
                        .availabilityZone("london")
                        .build());
        assertEquals("1", a.id());
        assertEquals(Optional.of("london"), a.availabilityZone());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(A)), "2.93")
                        .withRequestBody(equalToJson(sample(V + "aggregate-post-req.json"))));
    }

    @Test
    void update_addHost_removeHost_setMetadata_sendNovasSamples() {
        wm.stubFor(put(urlEqualTo(A + "/1")).willReturn(okJson(sample(V + "aggregate-update-post-resp.json"))));
        wm.stubFor(
                post(urlEqualTo(A + "/1/action")).willReturn(okJson(sample(V + "aggregates-add-host-post-resp.json"))));
        AggregateManager m = aggregates(null);
        assertEquals(
                "newname",
                m.update(
                                "1",
                                AggregateUpdate.builder()
                                        .name("newname")
                                        .availabilityZone("nova2")
                                        .build())
                        .name());
        assertEquals(List.of("compute"), m.addHost("1", "compute").hosts());
        m.removeHost("1", "compute");
        m.setMetadata("1", Map.of("key", "value"));
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(A + "/1"))
                        .withRequestBody(equalToJson(sample(V + "aggregate-update-post-req.json"))));
        for (String req : List.of(
                "aggregate-add-host-post-req", "aggregate-remove-host-post-req", "aggregate-metadata-post-req")) {
            wm.verify(
                    1,
                    compute(postRequestedFor(urlEqualTo(A + "/1/action")), "2.93")
                            .withRequestBody(equalToJson(sample(V + req + ".json"))));
        }
    }

    @Test
    void setMetadata_nullValue_removesKeyOnTheWire() {
        wm.stubFor(
                post(urlEqualTo(A + "/1/action")).willReturn(okJson(sample(V + "aggregates-metadata-post-resp.json"))));
        Map<String, String> m = new HashMap<>();
        m.put("gone", null);
        aggregates(null).setMetadata("1", m);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(A + "/1/action"))
                        .withRequestBody(equalToJson("{\"set_metadata\": {\"metadata\": {\"gone\": null}}}")));
    }

    @Test
    void cacheImages_from281_sendsNovasSample() {
        wm.stubFor(post(urlEqualTo(A + "/1/images")).willReturn(aResponse().withStatus(202)));
        aggregates(null).cacheImages("1", List.of("70a599e0-31e7-49b7-b260-868f441e862b"));
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(A + "/1/images")), "2.93")
                        .withRequestBody(equalToJson(sample(V + "aggregate-images-post-req.json"))));
    }

    @Test
    void cacheImages_pinnedBefore281_refusedBeforeSending() {
        AggregateManager m = aggregates("2.80");
        assertThrows(IllegalStateException.class, () -> m.cacheImages("1", List.of("x")));
        wm.verify(0, anyRequestedFor(urlPathMatching(A + ".*")));
    }

    @Test
    void list_get_find_readSamples() {
        wm.stubFor(get(urlEqualTo(A)).willReturn(okJson(sample(V + "aggregates-list-get-resp.json"))));
        wm.stubFor(get(urlEqualTo(A + "/name"))
                .willReturn(fault(404, "itemNotFound", "Aggregate name could not be found.")));
        AggregateManager m = aggregates(null);
        assertEquals(1, m.list().stream().count());
        assertEquals("1", m.find("name").orElseThrow().id());
        assertEquals(Optional.empty(), m.find("other"));
    }

    @Test
    void create_taken_throwsConflictWithNovasMessage() {
        wm.stubFor(post(urlEqualTo(A))
                .willReturn(fault(409, "conflictingRequest", "Aggregate opsrec-agg already exists.")));
        ConflictException e = assertThrows(ConflictException.class, () -> aggregates(null)
                .create(AggregateCreate.builder().name("opsrec-agg").build()));
        assertEquals(Optional.of("Aggregate opsrec-agg already exists."), e.serviceMessage());
    }

    @Test
    void delete_sendsDelete() {
        wm.stubFor(delete(urlEqualTo(A + "/1")).willReturn(aResponse().withStatus(200)));
        aggregates(null).delete("1");
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(A + "/1")), "2.93"));
    }

    @Test
    void requests_breakingNovasSchema_refusedNamingTheField() {
        IllegalArgumentException blank = assertThrows(
                IllegalArgumentException.class,
                () -> AggregateCreate.builder().name("").build());
        assertTrue(blank.getMessage().startsWith("name "), blank.getMessage());
        IllegalArgumentException colon = assertThrows(IllegalArgumentException.class, () -> AggregateCreate.builder()
                .name("a")
                .availabilityZone("az:1")
                .build());
        assertTrue(colon.getMessage().startsWith("availabilityZone "), colon.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> AggregateUpdate.builder().build());
        assertThrows(IllegalArgumentException.class, () -> aggregates(null).setMetadata("1", Map.of()));
    }
}
