package dev.novasdk.compute.servergroups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dev.novasdk.compute.ToBuilderChecks;
import dev.novasdk.core.error.NoUniqueMatchException;
import dev.novasdk.core.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ServerGroupManager} against a WireMock nova: the create body in both of Nova's forms (the request
 * samples of {@code doc/api_samples/os-server-groups/}), offset paging, find and the errors the lab answers.
 */
class ServerGroupManagerTest {
    static final String GROUPS = "/v2.1/os-server-groups";

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

    static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    static String group(String id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"policy\": \"affinity\", \"rules\": {}, "
                + "\"members\": [], \"project_id\": \"p\", \"user_id\": \"u\"}";
    }

    @ParameterizedTest
    @CsvSource({"2.1, ''", "2.13, v2.13/", "2.64, v2.64/", "2.93, v2.64/"})
    void create_atVersion_sendsThatVersionsRequestSample(String version, String dir) {
        String base = "compute/os-server-groups/" + dir;
        wm.stubFor(post(urlEqualTo(GROUPS)).willReturn(okJson(sample(base + "server-groups-post-resp.json"))));
        ServerGroupCreate.Builder b = ServerGroupCreate.builder().name("test").policy(ServerGroupPolicy.ANTI_AFFINITY);
        if (dir.equals("v2.64/")) {
            b.maxServerPerHost(3);
        }
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion(version).build()) {
            ServerGroup g = pinned.serverGroups().create(b.build());
            assertEquals("5bbcc3c4-1da2-4437-a48a-66f15b1b13f9", g.id());
            assertEquals(ServerGroupPolicy.ANTI_AFFINITY, g.policy());
        }
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(GROUPS)), version)
                        .withRequestBody(equalToJson(sample(base + "server-groups-post-req.json"))));
    }

    @Test
    void create_rulesPinnedBelow264_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.63").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.serverGroups()
                    .create(ServerGroupCreate.builder()
                            .name("g")
                            .policy(ServerGroupPolicy.ANTI_AFFINITY)
                            .maxServerPerHost(2)
                            .build()));
            assertTrue(e.getMessage().contains("rules") && e.getMessage().contains("2.64"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void create_softPolicyPinnedBelow215_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.14").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.serverGroups()
                    .create(ServerGroupCreate.builder()
                            .name("g")
                            .policy(ServerGroupPolicy.SOFT_AFFINITY)
                            .build()));
            assertTrue(e.getMessage().contains("policy") && e.getMessage().contains("2.15"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void create_badInput_refusedNamingField() {
        IllegalArgumentException rules = assertThrows(IllegalArgumentException.class, () -> ServerGroupCreate.builder()
                .name("g")
                .policy(ServerGroupPolicy.AFFINITY)
                .maxServerPerHost(2)
                .build());
        assertTrue(rules.getMessage().contains("anti-affinity"), rules.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerGroupCreate.builder()
                .name("")
                .policy(ServerGroupPolicy.AFFINITY)
                .build());
        assertThrows(IllegalArgumentException.class, () -> ServerGroupCreate.builder()
                .name(" g")
                .policy(ServerGroupPolicy.AFFINITY)
                .build());
        assertThrows(IllegalArgumentException.class, () -> ServerGroupCreate.builder()
                .name("g")
                .policy(ServerGroupPolicy.UNKNOWN)
                .build());
        assertThrows(IllegalArgumentException.class, () -> ServerGroupCreate.builder()
                .name("g")
                .policy(ServerGroupPolicy.ANTI_AFFINITY)
                .maxServerPerHost(0)
                .build());
    }

    @Test
    void list_limit_pagesByOffsetUntilShortPage() {
        wm.stubFor(get(urlEqualTo(GROUPS + "?all_projects=True&limit=2"))
                .willReturn(okJson("{\"server_groups\": [" + group("1", "a") + ", " + group("2", "b") + "]}")));
        wm.stubFor(get(urlEqualTo(GROUPS + "?all_projects=True&limit=2&offset=2"))
                .willReturn(okJson("{\"server_groups\": [" + group("3", "c") + "]}")));
        List<String> ids =
                client
                        .serverGroups()
                        .list(ServerGroupListOptions.builder()
                                .allProjects(true)
                                .limit(2)
                                .build())
                        .stream()
                        .map(ServerGroup::id)
                        .collect(Collectors.toList());
        assertEquals(List.of("1", "2", "3"), ids);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(GROUPS + "?all_projects=True&limit=2&offset=2")), "2.93"));
    }

    @Test
    void list_defaults_readsListSampleInOneRequest() {
        // Source: nova doc/api_samples/os-server-groups/v2.64/server-groups-list-resp.json
        wm.stubFor(get(urlEqualTo(GROUPS))
                .willReturn(okJson(sample("compute/os-server-groups/v2.64/server-groups-list-resp.json"))));
        ServerGroup g = client.serverGroups().list().stream().findFirst().orElseThrow();
        assertEquals(Optional.of(3), g.rules().orElseThrow().maxServerPerHost());
        wm.verify(1, getRequestedFor(urlEqualTo(GROUPS)));
    }

    @Test
    void get_missing_notFoundWithNovaMessage() {
        wm.stubFor(get(urlEqualTo(GROUPS + "/x"))
                .willReturn(itemNotFound("Instance group x could not be found.", "req-2")));
        NotFoundException e = assertThrows(
                NotFoundException.class, () -> client.serverGroups().get("x"));
        assertEquals(Optional.of("Instance group x could not be found."), e.serviceMessage());
    }

    @Test
    void find_byName_listsAndMatchesExactly_duplicateNamesThrow() {
        wm.stubFor(get(urlEqualTo(GROUPS + "/web"))
                .willReturn(itemNotFound("Instance group web could not be found.", "r")));
        wm.stubFor(
                get(urlEqualTo(GROUPS + "/db")).willReturn(itemNotFound("Instance group db could not be found.", "r")));
        wm.stubFor(get(urlEqualTo(GROUPS))
                .willReturn(okJson("{\"server_groups\": [" + group("1", "web") + ", " + group("2", "web-2") + ", "
                        + group("3", "db") + ", " + group("4", "db") + "]}")));
        assertEquals("1", client.serverGroups().find("web").orElseThrow().id());
        NoUniqueMatchException e = assertThrows(
                NoUniqueMatchException.class, () -> client.serverGroups().find("db"));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void delete_existing_sendsDelete() {
        wm.stubFor(delete(urlEqualTo(GROUPS + "/g1")).willReturn(aResponse().withStatus(204)));
        client.serverGroups().delete("g1");
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(GROUPS + "/g1")), "2.93"));
    }

    @Test
    void toBuilder_copiesEveryField() {
        ToBuilderChecks.assertToBuilder(
                ServerGroupCreate.builder()
                        .name("g")
                        .policy(ServerGroupPolicy.ANTI_AFFINITY)
                        .maxServerPerHost(2)
                        .build(),
                ServerGroupCreate::toBuilder,
                ServerGroupCreate.Builder::build,
                b -> b.name("h"));
    }
}
