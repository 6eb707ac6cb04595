package dev.novasdk.compute.flavors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.core.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FlavorManager} against a WireMock nova negotiating 2.93: the requests it sends and what it reads
 * back. Response bodies are nova's api-samples ({@code doc/api_samples/flavors/...}) where one fits.
 */
class FlavorManagerTest {
    static final String FLAVORS = "/v2.1/flavors";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;
    FlavorManager flavors;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
        flavors = client.flavors();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    static String flavor(String id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"ram\": 512, \"disk\": 1, \"swap\": 0, "
                + "\"OS-FLV-EXT-DATA:ephemeral\": 0, \"vcpus\": 1, \"os-flavor-access:is_public\": true, "
                + "\"links\": [], \"description\": null, \"extra_specs\": {}}";
    }

    @Test
    void list_defaults_getsDetailAtNegotiatedVersion() {
        // Source: nova doc/api_samples/flavors/flavors-detail-resp.json
        wm.stubFor(get(urlEqualTo(FLAVORS + "/detail"))
                .willReturn(okJson(sample("compute/flavors/flavors-detail-resp.json"))));
        List<String> names = flavors.list().stream().map(Flavor::name).collect(Collectors.toList());
        assertEquals(List.of("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge", "m1.tiny.specs"), names);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/detail")), "2.93"));
    }

    @Test
    void list_summary_getsFlavorsWithoutSizes() {
        // Source: nova doc/api_samples/flavors/flavors-list-resp.json
        wm.stubFor(get(urlEqualTo(FLAVORS)).willReturn(okJson(sample("compute/flavors/flavors-list-resp.json"))));
        Flavor first = flavors.list(FlavorListOptions.builder().detail(false).build())
                .iterator()
                .next();
        assertEquals("1", first.id());
        assertEquals(Optional.empty(), first.ram());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS)), "2.93"));
    }

    @ParameterizedTest
    @CsvSource({"PUBLIC, ?is_public=true", "PRIVATE, ?is_public=false", "ALL, ?is_public=None", "DEFAULT, ''"})
    void list_visibility_sendsIsPublic(FlavorListOptions.Visibility visibility, String query) {
        wm.stubFor(get(urlPathEqualTo(FLAVORS + "/detail")).willReturn(okJson("{\"flavors\": []}")));
        assertEquals(
                0,
                flavors.list(FlavorListOptions.builder().visibility(visibility).build()).stream()
                        .count());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/detail" + query)), "2.93"));
    }

    @Test
    void list_minDiskMinRamSortLimit_becomeQuery() {
        String url = FLAVORS + "/detail?minDisk=20&minRam=2048&sort_key=memory_mb&sort_dir=desc&limit=10";
        wm.stubFor(get(urlEqualTo(url)).willReturn(okJson("{\"flavors\": [" + flavor("3", "m1.medium") + "]}")));
        List<Flavor> found = flavors
                .list(FlavorListOptions.builder()
                        .minDisk(20)
                        .minRam(2048)
                        .sortKey("memory_mb")
                        .sortDir(SortDirection.DESC)
                        .limit(10)
                        .build())
                .stream()
                .collect(Collectors.toList());
        assertEquals(List.of("3"), found.stream().map(Flavor::id).collect(Collectors.toList()));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(url)), "2.93"));
    }

    @Test
    void list_pages_followsFlavorsLinksNextHref() {
        String first = FLAVORS + "/detail?limit=1";
        String second = FLAVORS + "/detail?limit=1&marker=1";
        // As the lab's nova pages: an absolute next href carrying the limit and the last id as marker.
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson("{\"flavors\": [" + flavor("1", "m1.tiny") + "], "
                        + "\"flavors_links\": [{\"rel\": \"next\", \"href\": \"" + wm.baseUrl() + second + "\"}]}")));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"flavors\": [" + flavor("2", "m1.small") + "]}")));
        List<String> ids = flavors.list(FlavorListOptions.builder().limit(1).build()).stream()
                .map(Flavor::id)
                .collect(Collectors.toList());
        assertEquals(List.of("1", "2"), ids);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), "2.93"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.93"));
    }

    @Test
    void get_existing_readsFlavorEnvelope() {
        // Source: nova doc/api_samples/flavors/v2.75/flavor-get-resp.json
        wm.stubFor(get(urlEqualTo(FLAVORS + "/7"))
                .willReturn(okJson(sample("compute/flavors/v2.75/flavor-get-resp.json"))));
        Flavor f = flavors.get("7");
        assertEquals("m1.small.description", f.name());
        assertEquals(Optional.of(2048), f.ram());
        assertEquals(Optional.of("test description"), f.description());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/7")), "2.93"));
    }

    @Test
    void get_missing_throwsNotFound() {
        wm.stubFor(get(urlEqualTo(FLAVORS + "/99")).willReturn(itemNotFound("Flavor 99 could not be found.", "req-7")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> flavors.get("99"));
        assertEquals(Optional.of("Flavor 99 could not be found."), e.serviceMessage());
    }

    @Test
    void find_byName_fallsBackToListingAndMatchesExactly() {
        wm.stubFor(get(urlEqualTo(FLAVORS + "/m1.tiny"))
                .willReturn(itemNotFound("Flavor m1.tiny could not be found.", "req-8")));
        // Holds both m1.tiny and m1.tiny.specs: only the exact name counts.
        wm.stubFor(get(urlEqualTo(FLAVORS + "/detail?is_public=None"))
                .willReturn(okJson(sample("compute/flavors/flavors-detail-resp.json"))));
        Flavor f = flavors.find("m1.tiny").orElseThrow();
        assertEquals("1", f.id());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/m1.tiny")), "2.93"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/detail?is_public=None")), "2.93"));
    }

    @Test
    void find_byId_returnsWithoutListing() {
        wm.stubFor(get(urlEqualTo(FLAVORS + "/1")).willReturn(okJson(sample("compute/flavors/flavor-get-resp.json"))));
        assertEquals("m1.tiny", flavors.find("1").orElseThrow().name());
        wm.verify(0, getRequestedFor(urlPathEqualTo(FLAVORS + "/detail")));
    }

    @Test
    void find_unknownName_returnsEmpty() {
        wm.stubFor(get(urlEqualTo(FLAVORS + "/m9.huge"))
                .willReturn(itemNotFound("Flavor m9.huge could not be found.", "req-9")));
        wm.stubFor(get(urlEqualTo(FLAVORS + "/detail?is_public=None"))
                .willReturn(okJson(sample("compute/flavors/flavors-detail-resp.json"))));
        assertEquals(Optional.empty(), flavors.find("m9.huge"));
    }

    @Test
    void extraSpecs_existing_readsExtraSpecsEnvelope() {
        wm.stubFor(get(urlEqualTo(FLAVORS + "/7/os-extra_specs"))
                .willReturn(okJson("{\"extra_specs\": {\"hw:cpu_policy\": \"shared\", \"hw:numa_nodes\": \"1\"}}")));
        Map<String, String> specs = flavors.extraSpecs("7");
        assertEquals(Map.of("hw:cpu_policy", "shared", "hw:numa_nodes", "1"), specs);
        assertThrows(UnsupportedOperationException.class, () -> specs.put("x", "y"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/7/os-extra_specs")), "2.93"));
    }

    @Test
    void create_allFields_postsAdminBody() {
        // Source: nova doc/api_samples/flavor-manage/v2.55/flavor-create-post-resp.json
        wm.stubFor(post(urlEqualTo(FLAVORS))
                .willReturn(okJson(sample("compute/flavor-manage/v2.55/flavor-create-post-resp.json"))));
        Flavor created = flavors.create(FlavorCreate.builder()
                .name("test_flavor")
                .ram(1024)
                .vcpus(2)
                .disk(10)
                .id("10")
                .ephemeralGb(5)
                .swapMb(512)
                .rxtxFactor(2.0)
                .isPublic(false)
                .description("test description")
                .build());
        assertEquals("10", created.id());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(FLAVORS)), "2.93")
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(
                                equalToJson("{\"flavor\": {\"name\": \"test_flavor\", \"ram\": 1024, \"vcpus\": 2, "
                                        + "\"disk\": 10, \"id\": \"10\", \"OS-FLV-EXT-DATA:ephemeral\": 5, \"swap\": 512, "
                                        + "\"rxtx_factor\": 2.0, \"os-flavor-access:is_public\": false, "
                                        + "\"description\": \"test description\"}}")));
    }

    @Test
    void create_requiredOnly_sendsNothingElse() {
        wm.stubFor(post(urlEqualTo(FLAVORS))
                .willReturn(okJson(sample("compute/flavor-manage/flavor-create-post-resp.json"))));
        flavors.create(
                FlavorCreate.builder().name("small").ram(512).vcpus(1).disk(0).build());
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(FLAVORS))
                        .withRequestBody(equalToJson(
                                "{\"flavor\": {\"name\": \"small\", \"ram\": 512, \"vcpus\": 1, \"disk\": 0}}")));
    }

    @Test
    void create_descriptionPinnedBelow255_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.54").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.flavors()
                    .create(FlavorCreate.builder()
                            .name("f")
                            .ram(512)
                            .vcpus(1)
                            .disk(1)
                            .description("d")
                            .build()));
            assertTrue(
                    e.getMessage().contains("description")
                            && e.getMessage().contains("2.55")
                            && e.getMessage().contains("2.54"),
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void delete_existing_sendsDelete() {
        wm.stubFor(delete(urlEqualTo(FLAVORS + "/10")).willReturn(aResponse().withStatus(202)));
        flavors.delete("10");
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(FLAVORS + "/10")), "2.93"));
    }

    @Test
    void delete_missing_throwsNotFound() {
        wm.stubFor(delete(urlEqualTo(FLAVORS + "/10"))
                .willReturn(itemNotFound("Flavor 10 could not be found.", "req-10")));
        assertThrows(NotFoundException.class, () -> flavors.delete("10"));
    }

    @Test
    void get_swapEmptyStringAt21_readsZero() {
        // Source: nova doc/api_samples/flavors/flavor-get-resp.json ("swap": "")
        wm.stubFor(get(urlEqualTo(FLAVORS + "/1")).willReturn(okJson(sample("compute/flavors/flavor-get-resp.json"))));
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.1").build()) {
            assertEquals(Optional.of(0), pinned.flavors().get("1").swapMb());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/1")), "2.1"));
    }

    @Test
    void get_swapZeroAt275_readsZero() {
        // Source: nova doc/api_samples/flavors/v2.75/flavor-get-resp.json ("swap": 0)
        wm.stubFor(get(urlEqualTo(FLAVORS + "/7"))
                .willReturn(okJson(sample("compute/flavors/v2.75/flavor-get-resp.json"))));
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.75").build()) {
            assertEquals(Optional.of(0), pinned.flavors().get("7").swapMb());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/7")), "2.75"));
    }
}
