package dev.novasdk.compute.quotas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.ToBuilderChecks;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link QuotaManager} against a WireMock nova negotiating 2.93; bodies from nova's api-samples
 * ({@code doc/api_samples/os-quota-sets/v2.57/...}) and, for errors, what the lab's nova answered.
 */
class QuotaManagerTest {
    static final String SETS = "/v2.1/os-quota-sets/p1";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;
    QuotaManager quotas;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
        quotas = client.quotas();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String sample(String resource) {
        return new String(Samples.bytes("compute/" + resource), StandardCharsets.UTF_8);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault(int status, String name, String m) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"" + name + "\": {\"code\": " + status + ", \"message\": \"" + m + "\"}}");
    }

    @Test
    void get_projectAndUser_readQuotaSet() {
        wm.stubFor(get(urlEqualTo(SETS)).willReturn(okJson(sample("os-quota-sets/v2.57/quotas-show-get-resp.json"))));
        wm.stubFor(get(urlEqualTo(SETS + "?user_id=u1"))
                .willReturn(okJson(sample("os-quota-sets/v2.57/user-quotas-show-get-resp.json"))));
        assertEquals(Optional.of(10), quotas.get("p1").instances());
        assertEquals(Optional.of("fake_tenant"), quotas.get("p1", "u1").id());
        assertEquals(Optional.empty(), quotas.get("p1").floatingIps());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SETS + "?user_id=u1")), "2.93"));
    }

    @Test
    void detailAndDefaults_readTheirDocuments() {
        wm.stubFor(get(urlEqualTo(SETS + "/detail"))
                .willReturn(okJson(sample("os-quota-sets/v2.57/quotas-show-detail-get-resp.json"))));
        wm.stubFor(get(urlEqualTo(SETS + "/defaults"))
                .willReturn(okJson(sample("os-quota-sets/v2.57/quotas-show-defaults-get-resp.json"))));
        QuotaUsage cores = quotas.detail("p1").cores().orElseThrow();
        assertEquals(20, cores.limit());
        assertEquals(0, cores.inUse());
        assertEquals(Optional.of(51200), quotas.defaults("p1").ramMb());
    }

    @Test
    void update_user_putsOnlyFieldsSetAndReadsResult() {
        wm.stubFor(put(urlEqualTo(SETS + "?user_id=u1"))
                .willReturn(okJson(sample("os-quota-sets/v2.57/user-quotas-update-post-resp.json"))));
        QuotaSet after =
                quotas.update("p1", "u1", QuotaUpdate.builder().instances(9).build());
        assertEquals(Optional.of(9), after.instances());
        assertEquals(Optional.empty(), after.id());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(SETS + "?user_id=u1")), "2.93")
                        .withRequestBody(equalToJson(sample("os-quota-sets/v2.57/user-quotas-update-post-req.json"))));
    }

    @Test
    void update_networkFieldNegotiating_goesAt235() {
        wm.stubFor(put(urlEqualTo(SETS)).willReturn(okJson(sample("os-quota-sets/quotas-update-post-resp.json"))));
        quotas.update("p1", QuotaUpdate.builder().floatingIps(5).build());
        wm.verify(1, compute(putRequestedFor(urlEqualTo(SETS)), "2.35"));
    }

    @Test
    void update_injectedFilesPinned257_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.57").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.quotas()
                    .update("p1", QuotaUpdate.builder().injectedFiles(3).build()));
            assertTrue(
                    e.getMessage().contains("injected_files") && e.getMessage().contains("2.56"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void update_belowMinusOne_refusedNamingField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> QuotaUpdate.builder().instances(-2).build());
        assertTrue(e.getMessage().startsWith("instances must be -1"), e.getMessage());
    }

    @Test
    void update_userAboveProject_badRequestWithNovaMessage() {
        wm.stubFor(put(urlEqualTo(SETS + "?user_id=u1"))
                .willReturn(
                        fault(400, "badRequest", "Quota limit 11 for instances must be less than or equal to 10.")));
        BadRequestException e = assertThrows(
                BadRequestException.class,
                () -> quotas.update(
                        "p1", "u1", QuotaUpdate.builder().instances(11).build()));
        assertEquals(Optional.of("Quota limit 11 for instances must be less than or equal to 10."), e.serviceMessage());
    }

    @Test
    void update_nonAdmin_forbiddenWithNovaMessage() {
        String m = "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.";
        wm.stubFor(put(urlEqualTo(SETS)).willReturn(fault(403, "forbidden", m)));
        ForbiddenException e = assertThrows(
                ForbiddenException.class,
                () -> quotas.update("p1", QuotaUpdate.builder().instances(5).build()));
        assertEquals(Optional.of(m), e.serviceMessage());
    }

    @Test
    void revert_projectAndUser_sendDelete() {
        wm.stubFor(delete(urlEqualTo(SETS)).willReturn(aResponse().withStatus(202)));
        wm.stubFor(
                delete(urlEqualTo(SETS + "?user_id=u1")).willReturn(aResponse().withStatus(202)));
        quotas.revert("p1");
        quotas.revert("p1", "u1");
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SETS)), "2.93"));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SETS + "?user_id=u1")), "2.93"));
    }

    @Test
    void classSet_getAndUpdate_useClassEnvelope() {
        String path = "/v2.1/os-quota-class-sets/default";
        wm.stubFor(get(urlEqualTo(path))
                .willReturn(okJson(sample("os-quota-class-sets/v2.57/quota-classes-show-get-resp.json"))));
        wm.stubFor(put(urlEqualTo(path))
                .willReturn(okJson(sample("os-quota-class-sets/v2.57/quota-classes-update-post-resp.json"))));
        assertEquals(Optional.of("default"), quotas.classSet("default").id());
        QuotaSet after = quotas.updateClassSet(
                "default",
                QuotaUpdate.builder()
                        .instances(50)
                        .cores(50)
                        .ramMb(51200)
                        .metadataItems(128)
                        .keyPairs(100)
                        .serverGroups(10)
                        .serverGroupMembers(10)
                        .build());
        assertEquals(Optional.of(50), after.cores());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(path)), "2.93")
                        .withRequestBody(
                                equalToJson(sample("os-quota-class-sets/v2.57/quota-classes-update-post-req.json"))));
    }

    @Test
    void classSet_serverGroupsPinnedBelow250OrForce_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.49").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.quotas()
                    .updateClassSet(
                            "default", QuotaUpdate.builder().serverGroups(5).build()));
            assertTrue(
                    e.getMessage().contains("server_groups") && e.getMessage().contains("2.50"), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> quotas.updateClassSet(
                        "default",
                        QuotaUpdate.builder().instances(5).force(true).build()));
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void toBuilder_copiesEveryField() {
        ToBuilderChecks.assertToBuilder(
                QuotaUpdate.builder().instances(1).cores(2).force(true).build(),
                QuotaUpdate::toBuilder,
                QuotaUpdate.Builder::build,
                b -> b.instances(3));
    }
}
