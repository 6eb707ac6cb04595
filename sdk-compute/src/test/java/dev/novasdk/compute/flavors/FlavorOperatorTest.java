package dev.novasdk.compute.flavors;

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
import dev.novasdk.core.error.NotFoundException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admin side of {@link FlavorManager}: extra specs, access to private flavors and the description update,
 * against a WireMock nova serving 2.1 to 2.93, sending nova's request samples ({@code flavor-extra-specs/},
 * {@code flavor-access/}, {@code flavor-manage/v2.55/}).
 */
class FlavorOperatorTest extends WireMockComputeTest {
    static final String F = "/v2.1/flavors/1";

    FlavorManager flavors(String pinnedOrNull) {
        return client(pinnedOrNull).flavors();
    }

    @Test
    void setExtraSpecs_sendsNovasSample_returnsSpecs() {
        wm.stubFor(post(urlEqualTo(F + "/os-extra_specs"))
                .willReturn(okJson(sample("compute/flavor-extra-specs/flavor-extra-specs-create-resp.json"))));
        Map<String, String> specs = new java.util.LinkedHashMap<>();
        specs.put("hw:cpu_policy", "shared");
        specs.put("hw:numa_nodes", "1");
        assertEquals(specs, flavors(null).setExtraSpecs("1", specs));
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(F + "/os-extra_specs")), "2.93")
                        .withRequestBody(
                                equalToJson(sample("compute/flavor-extra-specs/flavor-extra-specs-create-req.json"))));
    }

    @Test
    void updateGetDeleteOneKey() {
        String key = F + "/os-extra_specs/hw:numa_nodes";
        wm.stubFor(put(urlEqualTo(key))
                .willReturn(okJson(sample("compute/flavor-extra-specs/flavor-extra-specs-update-resp.json"))));
        wm.stubFor(get(urlEqualTo(F + "/os-extra_specs/hw:numa_nodes"))
                .willReturn(okJson(sample("compute/flavor-extra-specs/flavor-extra-specs-get-resp.json"))));
        wm.stubFor(delete(urlEqualTo(key)).willReturn(aResponse().withStatus(200)));
        FlavorManager m = flavors(null);
        assertEquals("2", m.updateExtraSpec("1", "hw:numa_nodes", "2"));
        assertEquals("1", m.extraSpec("1", "hw:numa_nodes"));
        m.deleteExtraSpec("1", "hw:numa_nodes");
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(key))
                        .withRequestBody(
                                equalToJson(sample("compute/flavor-extra-specs/flavor-extra-specs-update-req.json"))));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(key)), "2.93"));
    }

    @Test
    void extraSpec_missingKey_throwsNotFoundWithNovasMessage() {
        wm.stubFor(get(urlEqualTo(F + "/os-extra_specs/nokey"))
                .willReturn(fault(404, "itemNotFound", "Flavor 1 has no extra specs with key nokey.")));
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> flavors(null).extraSpec("1", "nokey"));
        assertEquals(Optional.of("Flavor 1 has no extra specs with key nokey."), e.serviceMessage());
    }

    @Test
    void extraSpecs_badKeyOrLongValue_refusedBeforeSending() {
        FlavorManager m = flavors(null);
        IllegalArgumentException key =
                assertThrows(IllegalArgumentException.class, () -> m.setExtraSpecs("1", Map.of("bad key!", "v")));
        assertTrue(key.getMessage().contains("'bad key!'"), key.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.updateExtraSpec("1", "k", "x".repeat(256)));
        wm.verify(0, anyRequestedFor(urlPathMatching(F + "/.*")));
    }

    @Test
    void access_listAddRemove_sendNovasSamples() {
        String access = sample("compute/flavor-access/flavor-access-add-tenant-resp.json");
        wm.stubFor(get(urlEqualTo(F + "/os-flavor-access")).willReturn(okJson(access)));
        wm.stubFor(post(urlEqualTo(F + "/action")).willReturn(okJson(access)));
        FlavorManager m = flavors(null);
        assertEquals("6f70656e737461636b20342065766572", m.access("1").get(0).tenantId());
        assertEquals(1, m.addTenantAccess("1", "fake_tenant").size());
        m.removeTenantAccess("1", "fake_tenant");
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(F + "/action")), "2.93")
                        .withRequestBody(
                                equalToJson(sample("compute/flavor-access/flavor-access-add-tenant-req.json"))));
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(F + "/action"))
                        .withRequestBody(
                                equalToJson(sample("compute/flavor-access/flavor-access-remove-tenant-req.json"))));
    }

    @Test
    void addTenantAccess_publicFlavor_throwsTheLabsConflict() {
        wm.stubFor(post(urlEqualTo(F + "/action"))
                .willReturn(fault(409, "conflictingRequest", "Can not add access to a public flavor.")));
        ConflictException e =
                assertThrows(ConflictException.class, () -> flavors(null).addTenantAccess("1", "p"));
        assertEquals(Optional.of("Can not add access to a public flavor."), e.serviceMessage());
    }

    @Test
    void access_publicFlavor_throwsTheLabsNotFound() {
        wm.stubFor(get(urlEqualTo(F + "/os-flavor-access"))
                .willReturn(fault(404, "itemNotFound", "Access list not available for public flavors.")));
        assertThrows(NotFoundException.class, () -> flavors(null).access("1"));
    }

    @Test
    void update_from255_sendsNovasSample() {
        wm.stubFor(
                put(urlEqualTo(F)).willReturn(okJson(sample("compute/flavor-manage/v2.55/flavor-update-resp.json"))));
        Flavor f = flavors(null)
                .update(
                        "1",
                        FlavorUpdate.builder()
                                .description("updated description")
                                .build());
        assertEquals(Optional.of("updated description"), f.description());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(F)), "2.93")
                        .withRequestBody(
                                equalToJson(sample("compute/requests/flavor-manage/v2.55/flavor-update-req.json"))));
    }

    @Test
    void update_withoutDescription_clearsIt() {
        wm.stubFor(
                put(urlEqualTo(F)).willReturn(okJson(sample("compute/flavor-manage/v2.55/flavor-update-resp.json"))));
        flavors(null).update("1", FlavorUpdate.builder().build());
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(F)).withRequestBody(equalToJson("{\"flavor\": {\"description\": null}}")));
    }

    @Test
    void update_pinnedBefore255_refusedBeforeSending() {
        FlavorManager m = flavors("2.54");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> m.update("1", FlavorUpdate.builder().description("d").build()));
        assertTrue(e.getMessage().contains("2.55 or later"), e.getMessage());
        wm.verify(0, putRequestedFor(urlEqualTo(F)));
    }

    @Test
    void create_privateFlavor_producesFlavorAccessSample() {
        FlavorCreate c = FlavorCreate.builder()
                .name("test_flavor")
                .ram(1024)
                .vcpus(2)
                .disk(10)
                .id("10")
                .isPublic(false)
                .build();
        assertEquals(
                dev.novasdk.compute.Samples.tree(
                        dev.novasdk.compute.Samples.bytes("compute/flavor-access/flavor-create-req.json")),
                dev.novasdk.compute.Samples.tree(
                        dev.novasdk.core.internal.JsonCodec.create().writeEnveloped("flavor", c)));
    }
}
