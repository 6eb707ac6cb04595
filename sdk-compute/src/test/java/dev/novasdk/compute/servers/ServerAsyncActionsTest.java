package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The actions, instance actions and sub-resources of {@link ServerAsyncManager} against WireMock: each sends
 * the request its blocking twin sends (bodies compared with nova's api-samples under
 * {@code src/test/resources/compute/doc/api_samples}, see SOURCES.md), completes with what the blocking method
 * returns, and fails its future (never throws) on a bad argument or a field the microversion refuses, with
 * nothing sent. Until the SDK's own async transport lands, requests go through a test-only adapter that runs
 * the blocking Apache transport on a small executor.
 */
class ServerAsyncActionsTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String SERVER = "/v2.1/servers/" + ID;
    static final String ACTION = SERVER + "/action";
    static final String SAMPLES = "compute/doc/api_samples/";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    final List<ComputeAsyncClient> clients = new ArrayList<>();
    ExecutorService io;
    ApacheHttpTransport blocking;
    ServerAsyncManager servers;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        io = Executors.newFixedThreadPool(2);
        blocking = ApacheHttpTransport.create();
        servers = client(null).servers();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(ComputeAsyncClient::close);
        blocking.close();
        io.shutdownNow();
    }

    /** The blocking transport, run on {@code executor}: a stand-in for the async transport. */
    static AsyncHttpTransport onExecutor(HttpTransport transport, ExecutorService executor) {
        return request -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return transport.execute(request);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    /** An async client for WireMock, negotiating when {@code version} is null, else pinned to it. */
    ComputeAsyncClient client(String version) {
        ComputeAsyncClient.Builder b = ComputeAsyncClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpointResolver(ComputeStubs.catalog(wm))
                .transport(onExecutor(blocking, io))
                .nanoTime(time.nanoTime());
        if (version != null) {
            b.microversion(version);
        }
        ComputeAsyncClient c = b.build();
        clients.add(c);
        return c;
    }

    static String sample(String path) {
        return new String(Samples.bytes(path), StandardCharsets.UTF_8);
    }

    /** What {@code future} failed with, checking that it failed rather than completed. */
    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(type, e.getCause());
    }

    void assertBodySent(String path, String version, String expectedJson) throws IOException {
        wm.verify(1, compute(postRequestedFor(urlEqualTo(path)), version).withRequestBody(equalToJson(expectedJson)));
        String sent = wm.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString();
        assertEquals(JSON.readTree(expectedJson), JSON.readTree(sent));
    }

    // ------------------------------------------------------------------ actions with a body or a result

    @Test
    void rebuild_sample_sentAndCompletesWithTheAnsweredServer() throws Exception {
        JsonNode sample = Samples.tree(JSON, SAMPLES + "servers/server-action-rebuild.json");
        ServerRebuild rebuild = ServerRebuildSamples.fromSample(sample.get("rebuild"));
        JsonNode expected = Samples.tree(JSON, "compute/servers/server-action-rebuild-resp.json")
                .get("server");
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(sample("compute/servers/server-action-rebuild-resp.json"))));

        Server answered = client("2.1").servers().rebuild(ID, rebuild).join();

        assertBodySent(ACTION, "2.1", sample(SAMPLES + "servers/server-action-rebuild.json"));
        assertEquals(expected.get("id").asText(), answered.id());
        assertEquals(Optional.of(expected.get("adminPass").asText()), answered.adminPass());
    }

    @Test
    void resize_withDiskConfig_sendsTheSample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(202)));
        client("2.1").servers().resize(ID, "2", DiskConfig.AUTO).join();
        assertBodySent(ACTION, "2.1", sample(SAMPLES + "servers/server-action-resize.json"));
    }

    @Test
    void createImage_before245_completesWithTheIdFromTheLocationHeader() throws Exception {
        // As the lab answers at 2.44: an empty text/html body and Glance's URL, with its double slash.
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withHeader("Location", "http://127.0.0.1:9292//images/406074db-a588-45de-8d45-5a218cac655e")));
        String id = client("2.44")
                .servers()
                .createImage(
                        ID,
                        ServerImageCreate.builder()
                                .name("foo-image")
                                .putMetadata("meta_var", "meta_val")
                                .build())
                .join();
        assertEquals("406074db-a588-45de-8d45-5a218cac655e", id);
        assertBodySent(ACTION, "2.44", sample(SAMPLES + "servers/server-action-create-image.json"));
    }

    @Test
    void rescue_completesWithTheGeneratedPasswordHiddenFromToString() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(okJson(sample(SAMPLES + "os-rescue/v2.87/server-rescue.json"))));
        ServerRescueResult r = servers.rescue(ID).join();
        assertEquals(Optional.of("MySecretPass"), r.adminPassword());
        assertFalse(r.toString().contains("MySecretPass"), r.toString());
        assertBodySent(ACTION, "2.93", "{\"rescue\": null}");
    }

    @Test
    void consoleOutput_completesWithTheLog() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(okJson("{\"output\": \"login: \\nboot ok\\n\"}")));
        assertEquals("login: \nboot ok\n", servers.consoleOutput(ID, 50).join());
        assertBodySent(ACTION, "2.93", "{\"os-getConsoleOutput\": {\"length\": 50}}");
    }

    @Test
    void lockWithReason_sendsTheSample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(202)));
        servers.lock(ID, "I don't want to work").join();
        assertBodySent(ACTION, "2.93", sample(SAMPLES + "os-lock-server/v2.73/lock-server-with-reason.json"));
    }

    @Test
    void remoteConsole_unavailableType_failsWithConsoleUnavailable() {
        wm.stubFor(
                post(urlEqualTo(SERVER + "/remote-consoles"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"badRequest\": {\"code\": 400, \"message\": \"Unavailable console type novnc.\"}}")));
        ConsoleUnavailableException e =
                failure(servers.remoteConsole(ID, ConsoleType.NOVNC), ConsoleUnavailableException.class);
        assertEquals(ConsoleType.NOVNC, e.type());
        assertEquals(Optional.of("Unavailable console type novnc."), e.serviceMessage());
    }

    @Test
    void conflict_failsTheFutureWithNovasMessage() {
        String message = "Cannot 'pause' instance " + ID + " while it is in vm_state stopped";
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"" + message + "\"}}")));
        dev.novasdk.core.error.ConflictException e =
                failure(servers.pause(ID), dev.novasdk.core.error.ConflictException.class);
        assertEquals(Optional.of(message), e.serviceMessage());
    }

    // ------------------------------------------------------------------ sub-resources and instance actions

    @Test
    void metadata_updateGetAndSet_sendTheBlockingRequests() {
        wm.stubFor(post(urlEqualTo(SERVER + "/metadata"))
                .willReturn(okJson("{\"metadata\": {\"a\": \"1\", \"c\": \"3\"}}")));
        wm.stubFor(get(urlEqualTo(SERVER + "/metadata/foo"))
                .willReturn(okJson(sample(SAMPLES + "server-metadata/server-metadata-resp.json"))));
        wm.stubFor(put(urlEqualTo(SERVER + "/metadata/a%20b")).willReturn(okJson("{\"meta\": {\"a b\": \"x\"}}")));

        Map<String, String> after =
                servers.metadata().update(ID, Map.of("c", "3")).join();
        assertEquals(Map.of("a", "1", "c", "3"), after);
        assertThrows(UnsupportedOperationException.class, () -> after.put("d", "4"));
        assertEquals("Foo Value", servers.metadata().get(ID, "foo").join());
        servers.metadata().set(ID, "a b", "x").join();

        wm.verify(compute(postRequestedFor(urlEqualTo(SERVER + "/metadata")), "2.93")
                .withRequestBody(equalToJson("{\"metadata\": {\"c\": \"3\"}}")));
        wm.verify(putRequestedFor(urlEqualTo(SERVER + "/metadata/a%20b"))
                .withRequestBody(equalToJson("{\"meta\": {\"a b\": \"x\"}}")));
    }

    @Test
    void tags_replaceAndContains_missingTagIsFalse_missingServerFails() {
        wm.stubFor(put(urlEqualTo(SERVER + "/tags"))
                .willReturn(okJson(sample(SAMPLES + "os-server-tags/v2.26/server-tags-put-all-resp.json"))));
        wm.stubFor(get(urlEqualTo(SERVER + "/tags/t9"))
                .willReturn(itemNotFound("Server " + ID + " has no tag 't9'", "req-2")));
        wm.stubFor(get(urlEqualTo("/v2.1/servers/nope/tags/t9"))
                .willReturn(itemNotFound("Instance nope could not be found.", "req-3")));

        assertEquals(
                List.of("tag1", "tag2"),
                servers.tags().replace(ID, List.of("tag1", "tag2")).join());
        assertFalse(servers.tags().contains(ID, "t9").join());
        NotFoundException e = failure(servers.tags().contains("nope", "t9"), NotFoundException.class);
        assertEquals(Optional.of("req-3"), e.requestId());
        wm.verify(compute(putRequestedFor(urlEqualTo(SERVER + "/tags")), "2.93")
                .withRequestBody(equalToJson("{\"tags\": [\"tag1\", \"tag2\"]}")));
    }

    @Test
    void instanceActions_listAndGet_readTheSamples() {
        wm.stubFor(get(urlPathEqualTo(SERVER + "/os-instance-actions"))
                .willReturn(okJson(sample(SAMPLES + "os-instance-actions/v2.58/instance-actions-list-resp.json"))));
        List<InstanceAction> actions =
                servers.instanceActions().list(ID).toList().join();
        assertEquals(2, actions.size());
        wm.verify(compute(getRequestedFor(urlPathEqualTo(SERVER + "/os-instance-actions")), "2.93"));

        String requestId = actions.get(0).requestId();
        wm.stubFor(get(urlEqualTo(SERVER + "/os-instance-actions/" + requestId))
                .willReturn(okJson(sample(SAMPLES + "os-instance-actions/v2.84/instance-action-get-resp.json"))));
        InstanceAction one = servers.instanceActions().get(ID, requestId).join();
        assertFalse(one.events().isEmpty());
    }

    // ------------------------------------------------------------------ refusals fail the future, nothing sent

    @Test
    void badArguments_failTheFutureWithoutThrowingOrSending() {
        assertEquals(
                "lines must be at least 1, got 0",
                failure(servers.consoleOutput(ID, 0), IllegalArgumentException.class)
                        .getMessage());
        failure(servers.resize(ID, " "), IllegalArgumentException.class);
        failure(servers.resize(ID, "2", DiskConfig.UNKNOWN), IllegalArgumentException.class);
        failure(servers.rebuild(ID, null), NullPointerException.class);
        failure(servers.createImage(ID, " snap"), IllegalArgumentException.class);
        failure(servers.remoteConsole(ID, ConsoleType.UNKNOWN), IllegalArgumentException.class);
        failure(servers.migrate(ID, ""), IllegalArgumentException.class);
        failure(servers.tags().add(ID, "a,b"), IllegalArgumentException.class);
        failure(servers.metadata().set(ID, "bad/key", "x"), IllegalArgumentException.class);
        failure(servers.metadata().update(ID, Map.of()), IllegalArgumentException.class);
        failure(servers.instanceActions().get(ID, " "), IllegalArgumentException.class);
        // A listing reports a bad argument to its subscriber.
        failure(servers.instanceActions().list(ID, null).toList(), NullPointerException.class);
        failure(servers.volumeAttachments().list(null).toList(), NullPointerException.class);
        wm.verify(0, anyRequestedFor(urlPathEqualTo(ACTION)));
        assertEquals(
                0,
                wm.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().startsWith(SERVER))
                        .count(),
                "no request about the server");
    }

    @Test
    void fieldsThePinnedVersionRefuses_failTheFutureBeforeSending() {
        ServerAsyncManager old = client("2.16").servers();
        Function<CompletableFuture<?>, String> message =
                f -> failure(f, RuntimeException.class).getMessage();

        String lock = message.apply(old.lock(ID, "maintenance"));
        assertTrue(lock.contains("locked_reason") && lock.contains("2.73"), lock);
        String dump = message.apply(old.triggerCrashDump(ID));
        assertTrue(dump.contains("2.17"), dump);
        String tags = message.apply(old.tags().list(ID));
        assertTrue(tags.contains("servers.tags.list") && tags.contains("2.26"), tags);
        String webmks = message.apply(client("2.5").servers().remoteConsole(ID, ConsoleType.WEBMKS));
        assertTrue(webmks.contains("webmks") && webmks.contains("2.8"), webmks);
        // Pinned: not even the version document is read.
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
