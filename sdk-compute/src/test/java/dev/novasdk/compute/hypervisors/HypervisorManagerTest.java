package dev.novasdk.compute.hypervisors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.OperatorStubs.fault;
import static dev.novasdk.compute.OperatorStubs.policyForbids;
import static dev.novasdk.compute.OperatorStubs.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.WireMockComputeTest;
import dev.novasdk.compute.services.ServiceState;
import dev.novasdk.compute.services.ServiceStatus;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HypervisorManager} against a WireMock nova serving 2.1 to 2.93, replaying the lab's answers. */
class HypervisorManagerTest extends WireMockComputeTest {
    static final String H = "/v2.1/os-hypervisors";
    static final String UUID = "fabe6941-74d7-49a2-be50-e968f173717a";
    static final String LAB_SUMMARY = "{\"id\": \"" + UUID + "\", \"hypervisor_hostname\": \"oslab\", "
            + "\"state\": \"up\", \"status\": \"enabled\"}";

    HypervisorManager hypervisors(String pinnedOrNull) {
        return client(pinnedOrNull).hypervisors();
    }

    @Test
    void list_defaults_getsDetailAtNegotiatedVersion() {
        // The lab's answer at 2.93 (recorded as admin): no capacity fields from 2.88, uptime null.
        wm.stubFor(get(urlEqualTo(H + "/detail"))
                .willReturn(okJson("{\"hypervisors\": [{\"id\": \"" + UUID + "\", \"hypervisor_hostname\": "
                        + "\"oslab\", \"state\": \"up\", \"status\": \"enabled\", \"hypervisor_type\": \"fake\", "
                        + "\"hypervisor_version\": 1000, \"host_ip\": \"127.0.0.1\", \"service\": {\"id\": "
                        + "\"bf6d1168-b0c2-479a-aa78-6d4b529c03a0\", \"host\": \"oslab\", \"disabled_reason\": null}, "
                        + "\"uptime\": null}]}")));
        List<Hypervisor> all = hypervisors(null).list().stream().collect(Collectors.toList());
        assertEquals(1, all.size());
        assertEquals("oslab", all.get(0).hypervisorHostname());
        assertEquals("oslab", all.get(0).service().orElseThrow().host());
        assertEquals(ServiceState.UP, all.get(0).state());
        assertEquals(ServiceStatus.ENABLED, all.get(0).status());
        assertEquals(Optional.empty(), all.get(0).vcpus());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "/detail")), "2.93"));
    }

    @Test
    void list_pages_followsHypervisorsLinks() {
        String second = H + "?limit=1&marker=" + UUID;
        wm.stubFor(get(urlEqualTo(H + "?limit=1"))
                .willReturn(okJson("{\"hypervisors\": [" + LAB_SUMMARY + "], \"hypervisors_links\": [{\"rel\": "
                        + "\"next\", \"href\": \"" + wm.baseUrl() + second + "\"}]}")));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"hypervisors\": []}")));
        List<String> ids =
                hypervisors(null)
                        .list(HypervisorListOptions.builder()
                                .detail(false)
                                .limit(1)
                                .build())
                        .stream()
                        .map(Hypervisor::id)
                        .collect(Collectors.toList());
        assertEquals(List.of(UUID), ids);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.93"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2.33", "v2.53", "v2.88"})
    void list_pagedSamples_followTheirNextLinks(String version) {
        // Source: nova doc/api_samples/os-hypervisors/<version>/hypervisors-list-resp.json, its next link
        // pointed at this server (host and project prefix rewritten).
        String page = sample("compute/os-hypervisors/" + version + "/hypervisors-list-resp.json")
                .replace("http://openstack.example.com/v2.1/6f70656e737461636b20342065766572", wm.baseUrl() + "/v2.1");
        String next = page.replaceAll(
                "(?s).*\"href\": \"" + java.util.regex.Pattern.quote(wm.baseUrl()) + "([^\"]+)\".*", "$1");
        wm.stubFor(get(urlEqualTo(H + "?limit=1")).willReturn(okJson(page)));
        wm.stubFor(get(urlEqualTo(next)).willReturn(okJson("{\"hypervisors\": []}")));
        List<Hypervisor> all =
                hypervisors(null)
                        .list(HypervisorListOptions.builder()
                                .detail(false)
                                .limit(1)
                                .build())
                        .stream()
                        .collect(Collectors.toList());
        assertEquals(1, all.size());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(next)), "2.93"));
    }

    @Test
    void list_limitPinnedBefore233_refusedBeforeSending() {
        HypervisorManager h = hypervisors("2.32");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.list(
                        HypervisorListOptions.builder().limit(1).build())
                .iterator()
                .hasNext());
        assertTrue(e.getMessage().contains("'limit' requires compute microversion 2.33 or later"), e.getMessage());
        wm.verify(0, anyRequestedFor(urlEqualTo(H + "/detail?limit=1")));
    }

    @Test
    void search_from253_usesHostnamePattern() {
        wm.stubFor(get(urlEqualTo(H + "?hypervisor_hostname_pattern=osl"))
                .willReturn(okJson("{\"hypervisors\": [" + LAB_SUMMARY + "]}")));
        List<Hypervisor> found = hypervisors(null).search("osl");
        assertEquals("oslab", found.get(0).hypervisorHostname());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "?hypervisor_hostname_pattern=osl")), "2.93"));
    }

    @Test
    void search_before253_usesSearchPath() {
        // Source: nova doc/api_samples/os-hypervisors/v2.28/hypervisors-search-resp.json
        wm.stubFor(get(urlEqualTo(H + "/fake/search"))
                .willReturn(okJson(sample("compute/os-hypervisors/v2.28/hypervisors-search-resp.json"))));
        List<Hypervisor> found = hypervisors("2.52").search("fake");
        assertEquals("1", found.get(0).id());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "/fake/search")), "2.52"));
    }

    @Test
    void search_noMatch_throwsNotFoundWithNovasMessage() {
        wm.stubFor(get(urlEqualTo(H + "?hypervisor_hostname_pattern=nomatch"))
                .willReturn(fault(404, "itemNotFound", "No hypervisor matching 'nomatch' could be found.")));
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> hypervisors(null).search("nomatch"));
        assertEquals(Optional.of("No hypervisor matching 'nomatch' could be found."), e.serviceMessage());
    }

    @Test
    void servers_from253_usesWithServers_before253_usesServersPath() {
        // Source: nova doc/api_samples/os-hypervisors/v2.53/hypervisors-with-servers-resp.json
        wm.stubFor(get(urlEqualTo(H + "?hypervisor_hostname_pattern=fake&with_servers=true"))
                .willReturn(okJson(sample("compute/os-hypervisors/v2.53/hypervisors-with-servers-resp.json"))));
        assertEquals(2, hypervisors(null).servers("fake").get(0).servers().size());
        // Source: nova doc/api_samples/os-hypervisors/v2.28/hypervisors-with-servers-resp.json
        wm.stubFor(get(urlEqualTo(H + "/fake/servers"))
                .willReturn(okJson(sample("compute/os-hypervisors/v2.28/hypervisors-with-servers-resp.json"))));
        HypervisorServer first =
                hypervisors("2.28").servers("fake").get(0).servers().get(0);
        assertEquals("test_server1", first.name());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "/fake/servers")), "2.28"));
    }

    @Test
    void statistics_negotiating_goesAt287() {
        wm.stubFor(get(urlEqualTo(H + "/statistics"))
                .willReturn(okJson("{\"hypervisor_statistics\": {\"count\": 1, \"vcpus\": 1000, \"memory_mb\": "
                        + "800000, \"local_gb\": 600000, \"vcpus_used\": 3, \"memory_mb_used\": 3584, "
                        + "\"local_gb_used\": 22, \"free_ram_mb\": 796416, \"free_disk_gb\": 599978, "
                        + "\"current_workload\": 0, \"running_vms\": 2, \"disk_available_least\": 0}}")));
        HypervisorStatistics s = hypervisors(null).statistics();
        assertEquals(1000, s.vcpus());
        assertEquals(800000, s.memoryMb());
        assertEquals(2, s.runningVms());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "/statistics")), "2.87"));
    }

    @Test
    void statistics_pinnedAt288_refusedBeforeSending() {
        HypervisorManager h = hypervisors("2.88");
        IllegalStateException e = assertThrows(IllegalStateException.class, h::statistics);
        assertTrue(
                e.getMessage().contains("hypervisors.statistics is served in compute microversions 2.87 or earlier"),
                e.getMessage());
        wm.verify(0, getRequestedFor(urlEqualTo(H + "/statistics")));
    }

    @Test
    void uptime_fakeDriver_throws501AsTheLabAnswers() {
        wm.stubFor(get(urlEqualTo(H + "/" + UUID + "/uptime"))
                .willReturn(fault(501, "notImplemented", "The requested functionality is not supported.")));
        ApiException e =
                assertThrows(ApiException.class, () -> hypervisors(null).uptime(UUID));
        assertEquals(501, e.statusCode());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(H + "/" + UUID + "/uptime")), "2.87"));
    }

    @Test
    void uptime_sample_readsUptimeText() {
        // Source: nova doc/api_samples/os-hypervisors/v2.53/hypervisors-uptime-resp.json
        String body = sample("compute/os-hypervisors/v2.53/hypervisors-uptime-resp.json");
        wm.stubFor(get(urlEqualTo(H + "/" + UUID + "/uptime")).willReturn(okJson(body)));
        assertTrue(hypervisors(null).uptime(UUID).uptime().orElseThrow().contains("load average"));
    }

    @Test
    void find_byName_notAUuid400_thenSearchesExactName() {
        wm.stubFor(get(urlEqualTo(H + "/oslab")).willReturn(fault(400, "badRequest", "Invalid uuid oslab")));
        wm.stubFor(get(urlEqualTo(H + "?hypervisor_hostname_pattern=oslab"))
                .willReturn(okJson("{\"hypervisors\": [" + LAB_SUMMARY + "]}")));
        assertEquals(UUID, hypervisors(null).find("oslab").orElseThrow().id());
    }

    @Test
    void find_noSuchName_isEmpty() {
        wm.stubFor(get(urlEqualTo(H + "/nohost")).willReturn(fault(400, "badRequest", "Invalid uuid nohost")));
        wm.stubFor(get(urlEqualTo(H + "?hypervisor_hostname_pattern=nohost"))
                .willReturn(fault(404, "itemNotFound", "No hypervisor matching 'nohost' could be found.")));
        assertEquals(Optional.empty(), hypervisors(null).find("nohost"));
    }

    @Test
    void get_missing_throwsNotFound() {
        String id = "00000000-0000-0000-0000-000000000000";
        wm.stubFor(get(urlEqualTo(H + "/" + id))
                .willReturn(fault(404, "itemNotFound", "Hypervisor with ID '" + id + "' could not be found.")));
        assertThrows(NotFoundException.class, () -> hypervisors(null).get(id));
    }

    @Test
    void list_nonAdmin_throwsForbiddenWithNovasMessage() {
        wm.stubFor(
                get(urlEqualTo(H + "/detail")).willReturn(policyForbids("os_compute_api:os-hypervisors:list-detail")));
        HypervisorManager h = hypervisors(null);
        ForbiddenException e =
                assertThrows(ForbiddenException.class, () -> h.list().iterator().hasNext());
        assertEquals(
                Optional.of("Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed."),
                e.serviceMessage());
    }

    @Test
    void listOptions_patternWithLimit_refused() {
        assertThrows(IllegalArgumentException.class, () -> HypervisorListOptions.builder()
                .hostnamePattern("x")
                .limit(1)
                .build());
    }
}
