package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static dev.novasdk.compute.ComputeStubs.versionDocumentRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.core.error.NoUniqueMatchException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ServerManager} against a WireMock nova negotiating 2.93 like the lab: the requests it sends
 * (method, path, query, token, microversion headers, JSON body) and what it makes of nova's answers.
 */
class ServerManagerTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String SERVERS = "/v2.1/servers";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;
    ServerManager servers;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
        servers = client.servers();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** A server document as nova 2.93 sends it in a show (trimmed to what the tests read). */
    static String server(String id, String name, String status, String taskState) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"status\": \"" + status + "\", "
                + "\"OS-EXT-STS:task_state\": " + (taskState == null ? "null" : "\"" + taskState + "\"") + ", "
                + "\"OS-EXT-STS:vm_state\": \"" + status.toLowerCase(java.util.Locale.ROOT) + "\", "
                + "\"tenant_id\": \"6f70656e737461636b20342065766572\", \"addresses\": {}, \"metadata\": {}, "
                + "\"links\": [{\"rel\": \"self\", \"href\": \"http://127.0.0.1:8774/v2.1/servers/" + id + "\"}]}";
    }

    static String envelope(String server) {
        return "{\"server\": " + server + "}";
    }

    static String page(List<String> servers, String nextHrefOrNull) {
        return "{\"servers\": [" + String.join(", ", servers) + "]"
                + (nextHrefOrNull == null
                        ? ""
                        : ", \"servers_links\": [{\"rel\": \"next\", \"href\": \"" + nextHrefOrNull + "\"}]")
                + "}";
    }

    @Test
    void get_existing_sendsGetAtNegotiatedVersionAndParsesSample() {
        // Source: nova doc/api_samples/servers/v2.90/server-get-resp.json
        wm.stubFor(get(urlEqualTo(SERVERS + "/" + ID))
                .willReturn(okJson(new String(
                        Samples.bytes("compute/servers/v2.90/server-get-resp.json"),
                        java.nio.charset.StandardCharsets.UTF_8))));
        Server s = servers.get(ID);
        assertEquals(ID, s.id());
        assertEquals(ServerStatus.ACTIVE, s.status());
        assertEquals(Optional.of("new-server-test"), s.name());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.93"));
    }

    @Test
    void get_missing_throwsNotFoundWithNovaMessageAndRequestId() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/nope"))
                .willReturn(
                        itemNotFound("Instance nope could not be found.", "req-f7dd90c4-b8e5-4890-83cd-afdeaae63b96")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> servers.get("nope"));
        assertEquals(404, e.statusCode());
        assertEquals(Optional.of("Instance nope could not be found."), e.serviceMessage());
        assertEquals(Optional.of("req-f7dd90c4-b8e5-4890-83cd-afdeaae63b96"), e.requestId());
        assertTrue(e.getMessage().contains("Instance nope could not be found."), e.getMessage());
        assertTrue(e.getMessage().contains("req-f7dd90c4-b8e5-4890-83cd-afdeaae63b96"), e.getMessage());
    }

    @Test
    void get_idWithSlash_isEscapedAsOneSegment() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/a%2Fb"))
                .willReturn(itemNotFound("Instance a/b could not be found.", "req-1")));
        assertThrows(NotFoundException.class, () -> servers.get("a/b"));
        wm.verify(1, getRequestedFor(urlEqualTo(SERVERS + "/a%2Fb")));
    }

    @Test
    void get_blankId_rejectedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> servers.get(" "));
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void find_existingId_returnsItWithoutListing() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/" + ID)).willReturn(okJson(envelope(server(ID, "web", "ACTIVE", null)))));
        assertEquals(ID, servers.find(ID).orElseThrow().id());
        wm.verify(0, getRequestedFor(urlPathEqualTo(SERVERS + "/detail")));
    }

    @Test
    void find_exactName_sendsEscapedAnchoredRegexAndReturnsMatch() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/web.1"))
                .willReturn(itemNotFound("Instance web.1 could not be found.", "req-2")));
        wm.stubFor(get(urlPathEqualTo(SERVERS + "/detail"))
                .willReturn(okJson(page(List.of(server(ID, "web.1", "ACTIVE", null)), null))));
        Server found = servers.find("web.1").orElseThrow();
        assertEquals(ID, found.id());
        wm.verify(
                1,
                compute(getRequestedFor(urlEqualTo(SERVERS + "/detail?name=%5Eweb%5C.1%24")), "2.93")
                        .withQueryParam("name", equalTo("^web\\.1$")));
    }

    @Test
    void find_nameOfSeveral_throwsNoUniqueMatchListingIds() {
        String other = "9168b536-cd40-4630-b43f-b259807c6e87";
        wm.stubFor(get(urlEqualTo(SERVERS + "/web"))
                .willReturn(itemNotFound("Instance web could not be found.", "req-3")));
        // Nova's regex match is case-insensitive on MySQL: "WEB" comes back but is not an exact match.
        wm.stubFor(get(urlPathEqualTo(SERVERS + "/detail"))
                .withQueryParam("name", equalTo("^web$"))
                .willReturn(okJson(page(
                        List.of(
                                server(ID, "web", "ACTIVE", null),
                                server(other, "web", "BUILD", "spawning"),
                                server("c1", "WEB", "ACTIVE", null)),
                        null))));
        NoUniqueMatchException e = assertThrows(NoUniqueMatchException.class, () -> servers.find("web"));
        assertEquals(List.of(ID, other), e.matchingIds());
        assertTrue(e.getMessage().contains(ID) && e.getMessage().contains(other), e.getMessage());
    }

    @Test
    void find_noMatch_returnsEmpty() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/ghost"))
                .willReturn(itemNotFound("Instance ghost could not be found.", "req-4")));
        wm.stubFor(get(urlPathEqualTo(SERVERS + "/detail")).willReturn(okJson(page(List.of(), null))));
        assertEquals(Optional.empty(), servers.find("ghost"));
        wm.verify(1, getRequestedFor(urlEqualTo(SERVERS + "/detail?name=%5Eghost%24")));
    }

    @Test
    void list_defaults_getsDetail() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/detail"))
                .willReturn(okJson(page(List.of(server(ID, "a", "ACTIVE", null)), null))));
        List<Server> all = servers.list().stream().collect(Collectors.toList());
        assertEquals(List.of(ID), all.stream().map(Server::id).collect(Collectors.toList()));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVERS + "/detail")), "2.93"));
    }

    @Test
    void list_summary_getsServersWithoutDetail() {
        wm.stubFor(get(urlEqualTo(SERVERS))
                .willReturn(okJson("{\"servers\": [{\"id\": \"" + ID + "\", \"name\": \"a\", \"links\": []}]}")));
        List<Server> all = servers
                .list(ServerListOptions.builder().detail(false).build())
                .stream()
                .collect(Collectors.toList());
        assertEquals(Optional.of("a"), all.get(0).name());
        assertEquals(ServerStatus.UNKNOWN, all.get(0).status());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVERS)), "2.93"));
    }

    @Test
    void list_filters_becomeQueryInOrder() {
        String url = SERVERS + "/detail?status=ACTIVE&changes-since=2024-01-02T03%3A04%3A05Z&tags=db%2Cprod"
                + "&all_tenants=1&sort_key=created_at&sort_key=display_name&sort_dir=desc&sort_dir=asc&limit=50";
        wm.stubFor(get(urlEqualTo(url)).willReturn(okJson(page(List.of(), null))));
        ServerListOptions options = ServerListOptions.builder()
                .status(ServerStatus.ACTIVE)
                .changesSince(Instant.parse("2024-01-02T03:04:05Z"))
                .addTags("db", "prod")
                .allTenants(true)
                .addSort("created_at", SortDirection.DESC)
                .addSort("display_name", SortDirection.ASC)
                .limit(50)
                .build();
        assertEquals(0, servers.list(options).stream().count());
        wm.verify(
                1,
                compute(getRequestedFor(urlEqualTo(url)), "2.93")
                        .withQueryParam("changes-since", equalTo("2024-01-02T03:04:05Z"))
                        .withQueryParam("tags", equalTo("db,prod")));
    }

    @Test
    void list_threePages_followsServersLinksNextHrefs() {
        String first = SERVERS + "/detail?limit=2";
        String second = SERVERS + "/detail?limit=2&marker=s2";
        String third = SERVERS + "/detail?limit=2&marker=s4";
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson(page(
                        List.of(server("s1", "a", "ACTIVE", null), server("s2", "b", "ACTIVE", null)),
                        wm.baseUrl() + second))));
        wm.stubFor(get(urlEqualTo(second))
                .willReturn(okJson(page(
                        List.of(server("s3", "c", "ACTIVE", null), server("s4", "d", "ACTIVE", null)),
                        wm.baseUrl() + third))));
        wm.stubFor(get(urlEqualTo(third)).willReturn(okJson(page(List.of(server("s5", "e", "ACTIVE", null)), null))));
        List<String> ids = servers.list(ServerListOptions.builder().limit(2).build()).stream()
                .map(Server::id)
                .collect(Collectors.toList());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), ids);
        for (String url : List.of(first, second, third)) {
            wm.verify(1, compute(getRequestedFor(urlEqualTo(url)), "2.93"));
        }
    }

    @Test
    void list_nextLinkNamesAnInternalHost_followedOnTheEndpointsHostWithTheToken() {
        String first = SERVERS + "/detail?limit=1";
        String second = SERVERS + "/detail?limit=1&marker=s1";
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson(page(
                        List.of(server("s1", "a", "ACTIVE", null)),
                        "http://nova-internal.cluster.local:8774" + second))));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson(page(List.of(server("s2", "b", "ACTIVE", null)), null))));

        List<String> ids = servers.list(ServerListOptions.builder().limit(1).build()).stream()
                .map(Server::id)
                .collect(Collectors.toList());

        assertEquals(List.of("s1", "s2"), ids);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.93"));
    }

    @Test
    void list_beforeIteration_sendsNothing() {
        // Not even the version document: negotiation waits for the first page too.
        PagedIterable<Server> listing =
                servers.list(ServerListOptions.builder().limit(1).build());
        wm.verify(0, anyRequestedFor(anyUrl()));
        wm.stubFor(get(urlEqualTo(SERVERS + "/detail?limit=1")).willReturn(okJson(page(List.of(), null))));
        assertEquals(0, listing.stream().count());
        wm.verify(1, versionDocumentRead());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVERS + "/detail?limit=1")), "2.93"));
    }

    @Test
    void list_streamLimit1_fetchesFirstPageOnly() {
        String first = SERVERS + "/detail?limit=1";
        String second = SERVERS + "/detail?limit=1&marker=s1";
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson(page(List.of(server("s1", "a", "ACTIVE", null)), wm.baseUrl() + second))));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson(page(List.of(server("s2", "b", "ACTIVE", null)), null))));
        List<String> ids = servers.list(ServerListOptions.builder().limit(1).build()).stream()
                .limit(1)
                .map(Server::id)
                .collect(Collectors.toList());
        assertEquals(List.of("s1"), ids);
        wm.verify(1, getRequestedFor(urlEqualTo(first)));
        wm.verify(0, getRequestedFor(urlEqualTo(second)));
    }

    @Test
    void update_nameAndDescription_putsServerBody() {
        wm.stubFor(put(urlEqualTo(SERVERS + "/" + ID))
                .willReturn(okJson(envelope(server(ID, "renamed", "ACTIVE", null)))));
        Server s = servers.update(
                ID,
                ServerUpdate.builder().name("renamed").description("web tier").build());
        assertEquals(Optional.of("renamed"), s.name());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.93")
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(
                                equalToJson("{\"server\": {\"name\": \"renamed\", \"description\": \"web tier\"}}")));
    }

    @Test
    void update_accessAddresses_sendsNovaFieldNames() {
        wm.stubFor(put(urlEqualTo(SERVERS + "/" + ID)).willReturn(okJson(envelope(server(ID, "a", "ACTIVE", null)))));
        servers.update(
                ID,
                ServerUpdate.builder()
                        .accessIpv4("4.3.2.1")
                        .accessIpv6("80fe::")
                        .build());
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(SERVERS + "/" + ID))
                        .withRequestBody(equalToJson(
                                "{\"server\": {\"accessIPv4\": \"4.3.2.1\", \"accessIPv6\": \"80fe::\"}}")));
    }

    @Test
    void update_descriptionPinnedBelow219_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.18").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .update(ID, ServerUpdate.builder().description("x").build()));
            assertTrue(
                    e.getMessage().contains("description")
                            && e.getMessage().contains("2.19")
                            && e.getMessage().contains("2.18"),
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void update_nameOnlyPinned218_sentAt218() {
        wm.stubFor(put(urlEqualTo(SERVERS + "/" + ID)).willReturn(okJson(envelope(server(ID, "n", "ACTIVE", null)))));
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.18").build()) {
            pinned.servers().update(ID, ServerUpdate.builder().name("n").build());
        }
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.18")
                        .withRequestBody(equalToJson("{\"server\": {\"name\": \"n\"}}")));
    }

    @Test
    void delete_existing_sendsDeleteAnd204IsSuccess() {
        wm.stubFor(delete(urlEqualTo(SERVERS + "/" + ID)).willReturn(aResponse().withStatus(204)));
        servers.delete(ID);
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.93"));
    }

    @Test
    void delete_missing_throwsNotFound() {
        wm.stubFor(delete(urlEqualTo(SERVERS + "/" + ID))
                .willReturn(itemNotFound("Instance " + ID + " could not be found.", "req-5")));
        assertThrows(NotFoundException.class, () -> servers.delete(ID));
    }

    private void assertAction(Runnable action, String exactBody) throws Exception {
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .willReturn(aResponse().withStatus(202)));
        action.run();
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action")), "2.93")
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson(exactBody)));
        // Also compared as trees: nova needs the null member itself, {} is not the same action.
        String sent = wm.findAll(postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action")))
                .get(0)
                .getBodyAsString();
        assertEquals(JSON.readTree(exactBody), JSON.readTree(sent));
    }

    @Test
    void forceDelete_sendsForceDeleteNull() throws Exception {
        assertAction(() -> servers.forceDelete(ID), "{\"forceDelete\":null}");
    }

    @Test
    void start_sendsOsStartNull() throws Exception {
        assertAction(() -> servers.start(ID), "{\"os-start\":null}");
    }

    @Test
    void stop_sendsOsStopNull() throws Exception {
        assertAction(() -> servers.stop(ID), "{\"os-stop\":null}");
    }

    @Test
    void reboot_hard_sendsRebootTypeHard() throws Exception {
        assertAction(() -> servers.reboot(ID, RebootType.HARD), "{\"reboot\":{\"type\":\"HARD\"}}");
    }

    @Test
    void reboot_soft_sendsRebootTypeSoft() throws Exception {
        assertAction(() -> servers.reboot(ID, RebootType.SOFT), "{\"reboot\":{\"type\":\"SOFT\"}}");
    }

    static final String SCENARIO = "boot";

    private void stubStates(String... documents) {
        String state = Scenario.STARTED;
        for (int i = 0; i < documents.length; i++) {
            String next = i == documents.length - 1 ? state : "poll-" + (i + 1);
            wm.stubFor(get(urlEqualTo(SERVERS + "/" + ID))
                    .inScenario(SCENARIO)
                    .whenScenarioStateIs(state)
                    .willReturn(
                            documents[i].startsWith("404")
                                    ? itemNotFound("Instance " + ID + " could not be found.", "req-6")
                                    : okJson(envelope(documents[i])))
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void waitForStatus_buildBuildActive_returnsActiveAndReportsProgress() {
        stubStates(
                server(ID, "vm", "BUILD", "scheduling"),
                server(ID, "vm", "BUILD", "spawning"),
                server(ID, "vm", "ACTIVE", null));
        List<String> seen = new ArrayList<>();
        Server active = servers.waitForStatus(
                ID,
                ServerStatus.ACTIVE,
                WaitOptions.defaults(),
                s -> seen.add(s.status() + "/" + s.taskStateRaw().orElse("-")));
        assertEquals(ServerStatus.ACTIVE, active.status());
        assertEquals(List.of("BUILD/scheduling", "BUILD/spawning", "ACTIVE/-"), seen);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), time.sleeps());
        wm.verify(3, compute(getRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.93"));
    }

    @Test
    void waitForStatus_error_throwsResourceErrorWithFault() {
        String errored = server(ID, "vm", "ERROR", null)
                .replaceFirst(
                        "\\}$",
                        ", \"fault\": {\"code\": 500, \"created\": \"2024-01-02T03:04:05Z\", "
                                + "\"message\": \"No valid host was found. \", \"details\": \"Traceback (most recent call last): ...\"}}");
        stubStates(server(ID, "vm", "BUILD", "scheduling"), errored);
        ResourceErrorException e = assertThrows(
                ResourceErrorException.class,
                () -> servers.waitForStatus(ID, ServerStatus.ACTIVE, WaitOptions.defaults()));
        assertEquals(Optional.of(500), e.faultCode());
        assertEquals(Optional.of("No valid host was found. "), e.faultMessage());
        assertEquals(Optional.of("Traceback (most recent call last): ..."), e.faultDetails());
        assertEquals(ServerStatus.ERROR, e.resource(Server.class).orElseThrow().status());
        assertTrue(e.getMessage().contains(ID) && e.getMessage().contains("No valid host"), e.getMessage());
    }

    @Test
    void waitForStatus_neverActive_timesOutWithLastServer() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/" + ID))
                .willReturn(okJson(envelope(server(ID, "vm", "BUILD", "spawning")))));
        WaitOptions options = WaitOptions.of(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(4));
        WaitTimeoutException e =
                assertThrows(WaitTimeoutException.class, () -> servers.waitForStatus(ID, ServerStatus.ACTIVE, options));
        Server last = e.lastValue(Server.class).orElseThrow();
        assertEquals(ServerStatus.BUILD, last.status());
        assertEquals(Optional.of(TaskState.SPAWNING), last.taskState());
        assertEquals(Duration.ofSeconds(10), e.waited());
        // Sleeps 1, 1.5, 2.25, 3.375, then the 1.875 s left: six polls in ten fake seconds.
        wm.verify(6, getRequestedFor(urlEqualTo(SERVERS + "/" + ID)));
    }

    @Test
    void waitForDelete_goneAfterDeleting_returns() {
        stubStates(server(ID, "vm", "ACTIVE", "deleting"), "404");
        servers.waitForDelete(ID, WaitOptions.defaults());
        wm.verify(2, compute(getRequestedFor(urlEqualTo(SERVERS + "/" + ID)), "2.93"));
    }

    @Test
    void waitForDelete_readsDeletedForAWhile_waitsForThe404() {
        // Real Nova keeps a deleted server readable as DELETED (and in the quota) for seconds.
        stubStates(
                server(ID, "vm", "ACTIVE", "deleting"),
                server(ID, "vm", "DELETED", null),
                server(ID, "vm", "DELETED", null),
                "404");
        servers.waitForDelete(ID, WaitOptions.defaults());
        wm.verify(4, getRequestedFor(urlEqualTo(SERVERS + "/" + ID)));
    }

    @Test
    void consoleOutput_lines_postsTheActionAndReturnsTheOutput() {
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .willReturn(okJson("{\"output\": \"login: \\nboot ok\\n\"}")));
        assertEquals("login: \nboot ok\n", servers.consoleOutput(ID, 50));
        wm.verify(compute(postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action")), "2.93")
                .withRequestBody(equalToJson("{\"os-getConsoleOutput\": {\"length\": 50}}")));
    }

    @Test
    void consoleOutput_whole_sendsNoLength() {
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action")).willReturn(okJson("{\"output\": \"\"}")));
        assertEquals("", servers.consoleOutput(ID));
        wm.verify(postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .withRequestBody(equalToJson("{\"os-getConsoleOutput\": {}}")));
    }

    @Test
    void consoleOutput_badArguments_refusedBeforeSending() {
        assertEquals(
                "lines must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> servers.consoleOutput(ID, 0))
                        .getMessage());
        assertEquals(
                "id must not be blank",
                assertThrows(IllegalArgumentException.class, () -> servers.consoleOutput(" ", 10))
                        .getMessage());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void consoleOutput_503_retriedThoughPost() {
        // Reading the console changes nothing, so the descriptor marks the POST idempotent.
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .inScenario("console")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .inScenario("console")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{\"output\": \"ok\"}")));
        assertEquals("ok", servers.consoleOutput(ID, 1));
        wm.verify(2, postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action")));
    }

    @Test
    void start_503_notRetried() {
        wm.stubFor(post(urlEqualTo(SERVERS + "/" + ID + "/action"))
                .willReturn(aResponse().withStatus(503)));
        assertThrows(dev.novasdk.core.error.ServerErrorException.class, () -> servers.start(ID));
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(SERVERS + "/" + ID + "/action"))
                        .withRequestBody(equalToJson("{\"os-start\": null}")));
    }

    @Test
    void waitForDelete_failedDelete_throwsResourceError() {
        String errored = server(ID, "vm", "ERROR", null)
                .replaceFirst("\\}$", ", \"fault\": {\"code\": 500, \"message\": \"delete failed\"}}");
        stubStates(server(ID, "vm", "ACTIVE", "deleting"), errored);
        ResourceErrorException e =
                assertThrows(ResourceErrorException.class, () -> servers.waitForDelete(ID, WaitOptions.defaults()));
        assertEquals(Optional.of("delete failed"), e.faultMessage());
        assertEquals(Optional.of(500), e.faultCode());
    }

    @Test
    void managerCalls_negotiateOnceForTheClient() {
        wm.stubFor(get(urlEqualTo(SERVERS + "/" + ID)).willReturn(okJson(envelope(server(ID, "vm", "ACTIVE", null)))));
        servers.get(ID);
        servers.find(ID);
        wm.verify(1, versionDocumentRead());
    }
}
