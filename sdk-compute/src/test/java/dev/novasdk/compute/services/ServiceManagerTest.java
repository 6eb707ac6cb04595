package dev.novasdk.compute.services;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import dev.novasdk.core.error.BadRequestException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ServiceManager} against a WireMock nova serving 2.1 to 2.93: the UUID form from 2.53, the host and
 * binary form before, each sending nova's request sample ({@code doc/api_samples/os-services/...}).
 */
class ServiceManagerTest extends WireMockComputeTest {
    static final String S = "/v2.1/os-services";
    static final String UUID = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339";

    ServiceManager services(String pinnedOrNull) {
        return client(pinnedOrNull).services();
    }

    static Service host1(String idOrNull) {
        Service.Builder b =
                Service.builder().binary("nova-compute").host("host1").statusRaw("enabled");
        return idOrNull == null ? b.build() : b.id(idOrNull).build();
    }

    @Test
    void list_filters_becomeQuery() {
        // Source: nova doc/api_samples/os-services/v2.53/services-list-get-resp.json
        wm.stubFor(get(urlEqualTo(S + "?binary=nova-compute&host=host1"))
                .willReturn(okJson(sample("compute/os-services/v2.53/services-list-get-resp.json"))));
        List<Service> found =
                services(null)
                        .list(ServiceListOptions.builder()
                                .binary("nova-compute")
                                .host("host1")
                                .build())
                        .stream()
                        .collect(Collectors.toList());
        assertEquals(4, found.size());
        assertEquals(ServiceStatus.DISABLED, found.get(0).status());
        assertEquals(ServiceState.UP, found.get(0).state());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(S + "?binary=nova-compute&host=host1")), "2.93"));
    }

    @Test
    void disableWithReason_from253_putsStatusAndReasonById() {
        wm.stubFor(put(urlEqualTo(S + "/" + UUID))
                .willReturn(okJson(sample("compute/os-services/v2.53/service-disable-log-put-resp.json"))));
        Service s = services(null).disable(host1(UUID), "maintenance");
        assertEquals(ServiceStatus.DISABLED, s.status());
        assertEquals(Optional.of("maintenance"), s.disabledReason());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(S + "/" + UUID)), "2.93")
                        .withRequestBody(
                                equalToJson(sample("compute/os-services/v2.53/service-disable-log-put-req.json"))));
    }

    @Test
    void enableDisableForceDown_from253_sendNovasSamples() {
        wm.stubFor(put(urlEqualTo(S + "/" + UUID))
                .willReturn(okJson(sample("compute/os-services/v2.53/service-enable-put-resp.json"))));
        ServiceManager m = services(null);
        m.enable(host1(UUID));
        m.disable(host1(UUID));
        m.forceDown(host1(UUID), true);
        for (String req : List.of("service-enable-put-req", "service-disable-put-req", "service-force-down-put-req")) {
            wm.verify(
                    1,
                    putRequestedFor(urlEqualTo(S + "/" + UUID))
                            .withRequestBody(equalToJson(sample("compute/os-services/v2.53/" + req + ".json"))));
        }
    }

    @Test
    void disableWithReason_before253_putsHostAndBinaryAndMergesAnswer() {
        wm.stubFor(put(urlEqualTo(S + "/disable-log-reason"))
                .willReturn(okJson(sample("compute/os-services/v2.11/service-disable-log-put-resp.json"))));
        Service s = services("2.11").disable(host1("3"), "test2");
        assertEquals(Optional.of("3"), s.id(), "the caller's service, with nova's answer applied");
        assertEquals(ServiceStatus.DISABLED, s.status());
        assertEquals(Optional.of("test2"), s.disabledReason());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(S + "/disable-log-reason")), "2.11")
                        .withRequestBody(
                                equalToJson(sample("compute/os-services/v2.11/service-disable-log-put-req.json"))));
    }

    @Test
    void enableDisableForceDown_before253_sendNovasSamples() {
        wm.stubFor(put(urlPathMatching(S + "/(enable|disable|force-down)"))
                .willReturn(okJson(sample("compute/os-services/v2.11/service-force-down-put-resp.json"))));
        ServiceManager m = services("2.11");
        m.enable(host1(null));
        m.disable(host1(null));
        Service down = m.forceDown(host1(null), true);
        assertEquals(Optional.of(true), down.forcedDown());
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(S + "/enable"))
                        .withRequestBody(equalToJson(sample("compute/os-services/v2.11/service-enable-put-req.json"))));
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(S + "/disable"))
                        .withRequestBody(
                                equalToJson(sample("compute/os-services/v2.11/service-disable-put-req.json"))));
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(S + "/force-down"))
                        .withRequestBody(
                                equalToJson(sample("compute/os-services/v2.11/service-force-down-put-req.json"))));
    }

    @Test
    void forceDown_before211_refusedBeforeSending() {
        ServiceManager m = services("2.10");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.forceDown(host1(null), true));
        assertTrue(e.getMessage().contains("2.11 to 2.52"), e.getMessage());
        wm.verify(0, anyRequestedFor(urlPathMatching(S + ".*")));
    }

    @Test
    void update_conductor_throwsNovasBadRequest() {
        String message =
                "Updating a nova-conductor service is not supported. Only nova-compute services can be updated.";
        wm.stubFor(put(urlEqualTo(S + "/" + UUID)).willReturn(fault(400, "badRequest", message)));
        BadRequestException e = assertThrows(BadRequestException.class, () -> services(null)
                .update(
                        UUID,
                        ServiceUpdate.builder().status(ServiceStatus.DISABLED).build()));
        assertEquals(Optional.of(message), e.serviceMessage());
    }

    @Test
    void update_nothingOrReasonWithoutDisabled_refusedByBuilder() {
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> ServiceUpdate.builder().build());
        assertTrue(none.getMessage().contains("status or forcedDown"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceUpdate.builder()
                .status(ServiceStatus.ENABLED)
                .disabledReason("x")
                .build());
    }

    @Test
    void delete_sendsDeleteById() {
        wm.stubFor(delete(urlEqualTo(S + "/" + UUID))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(204)));
        services(null).delete(UUID);
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(S + "/" + UUID)), "2.93"));
    }
}
