package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static dev.novasdk.compute.ComputeStubs.versionDocument;
import static dev.novasdk.compute.ComputeStubs.versionDocumentRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.http.Microversion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the client picks its microversion: reading nova's version document once ({@code GET /v2.1}, shape as
 * the lab's nova serves it) and using the highest version both sides support, or a pinned version without
 * reading anything.
 */
class MicroversionNegotiationTest {
    private static final String SERVER = "0e44cc9c-e052-415d-afbf-469b0d384170";
    private static final String SERVER_JSON =
            "{\"server\": {\"id\": \"" + SERVER + "\", \"name\": \"vm1\", \"status\": \"ACTIVE\"}}";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    private final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();

    private void stubServer(String path) {
        wm.stubFor(get(urlEqualTo(path)).willReturn(okJson(SERVER_JSON)));
    }

    @Test
    void firstCall_cloudMax293_readsVersionDocumentOnceAndSends293() {
        stubVersionDocument(wm, "2.93");
        stubServer("/v2.1/servers/" + SERVER);
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            client.servers().get(SERVER);
            client.servers().get(SERVER);
            assertEquals(Microversion.of(2, 93), client.microversion());
            assertEquals(Microversion.of(2, 93), client.cloudMaxMicroversion());
            assertEquals(Microversion.of(2, 1), client.cloudMinMicroversion());
        }
        wm.verify(1, versionDocumentRead());
        wm.verify(2, compute(getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), "2.93"));
    }

    @Test
    void firstCall_cloudMaxAboveSdk_usesSdkMax() {
        stubVersionDocument(wm, "2.100");
        stubServer("/v2.1/servers/" + SERVER);
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            client.servers().get(SERVER);
            assertEquals(ComputeClient.SDK_MAX_MICROVERSION, client.microversion());
            assertEquals(Microversion.of(2, 100), client.cloudMaxMicroversion());
        }
        wm.verify(compute(
                getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), ComputeClient.SDK_MAX_MICROVERSION.toString()));
    }

    @Test
    void versionDocumentRequest_always_carriesNoMicroversionHeader() {
        stubVersionDocument(wm, "2.93");
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            client.microversion();
        }
        wm.verify(
                1,
                versionDocumentRead()
                        .withHeader(
                                "X-Auth-Token",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(ComputeStubs.TOKEN))
                        .withHeader("OpenStack-API-Version", absent())
                        .withHeader("X-OpenStack-Nova-API-Version", absent()));
    }

    @Test
    void firstCalls_fromManyThreadsAtOnce_readVersionDocumentOnce() throws Exception {
        // The delay keeps the first read in flight while the other threads arrive.
        wm.stubFor(get(urlEqualTo("/v2.1"))
                .willReturn(okJson(versionDocument("2.1", "2.93")).withFixedDelay(150)));
        stubServer("/v2.1/servers/" + SERVER);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Server>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.servers().get(SERVER);
                }));
            }
            for (Future<Server> f : results) {
                assertEquals(SERVER, f.get(30, TimeUnit.SECONDS).id());
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, versionDocumentRead());
        wm.verify(threads, compute(getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), "2.93"));
    }

    @Test
    void pinned_237_sendsPinnedWithoutReadingVersionDocument() {
        stubVersionDocument(wm, "2.93");
        stubServer("/v2.1/servers/" + SERVER);
        try (ComputeClient client =
                ComputeStubs.client(wm, time).microversion("2.37").build()) {
            client.servers().get(SERVER);
            assertEquals(Microversion.of(2, 37), client.microversion());
        }
        wm.verify(0, versionDocumentRead());
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), "2.37"));
    }

    @Test
    void pinned_bareMajor_means21() {
        stubServer("/v2.1/servers/" + SERVER);
        try (ComputeClient client =
                ComputeStubs.client(wm, time).microversion("2").build()) {
            client.servers().get(SERVER);
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), "2.1"));
    }

    @Test
    void pinned_latest_negotiates() {
        stubVersionDocument(wm, "2.93");
        stubServer("/v2.1/servers/" + SERVER);
        try (ComputeClient client = ComputeStubs.client(wm, time)
                .microversion("2.37")
                .microversion("latest")
                .build()) {
            client.servers().get(SERVER);
        }
        wm.verify(1, versionDocumentRead());
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/servers/" + SERVER)), "2.93"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2.x", "2.", "v2.37", "2.037", "3.1", "1.5", "2.0", "2.97", "2.37.1", ""})
    void builderMicroversion_invalidText_rejectedNamingIt(String text) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ComputeClient.builder().microversion(text));
        assertTrue(
                e.getMessage().contains("'" + text + "'") || e.getMessage().contains(text.trim()),
                "message names the input: " + e.getMessage());
    }

    @Test
    void builderMicroversion_aboveSdkMax_messageNamesSdkMax() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ComputeClient.builder().microversion("2.97"));
        assertTrue(e.getMessage().contains(ComputeClient.SDK_MAX_MICROVERSION.toString()), e.getMessage());
    }

    @Test
    void projectEndpoint_404_readsVersionDocumentFromParent() {
        String project = "086135f33d8c4c099da10fbc7715d075";
        // As the lab's nova answers GET /v2.1/<project>: an HTML 404.
        wm.stubFor(get(urlEqualTo("/v2.1/" + project))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody("<html><h1>404 Not Found</h1></html>")));
        wm.stubFor(get(urlEqualTo("/v2.1/")).willReturn(okJson(versionDocument("2.1", "2.93"))));
        stubServer("/v2.1/" + project + "/servers/" + SERVER);
        try (ComputeClient client = ComputeStubs.client(wm, time)
                .endpoint(URI.create(wm.baseUrl() + "/v2.1/" + project))
                .build()) {
            client.servers().get(SERVER);
            client.servers().get(SERVER);
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/v2.1/" + project)));
        wm.verify(1, getRequestedFor(urlEqualTo("/v2.1/")));
        wm.verify(2, compute(getRequestedFor(urlEqualTo("/v2.1/" + project + "/servers/" + SERVER)), "2.93"));
    }

    @Test
    void projectEndpoint_200NotAVersionDocument_readsVersionDocumentFromParent() {
        String project = "6f70656e737461636b20342065766572";
        wm.stubFor(get(urlEqualTo("/v2.1/" + project))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>compute</html>")));
        wm.stubFor(get(urlEqualTo("/v2.1/")).willReturn(okJson(versionDocument("2.1", "2.60"))));
        try (ComputeClient client = ComputeStubs.client(wm, time)
                .endpoint(URI.create(wm.baseUrl() + "/v2.1/" + project))
                .build()) {
            assertEquals(Microversion.of(2, 60), client.microversion());
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/v2.1/")));
    }

    @Test
    void versionDocument_forbidden_throwsForbiddenWithoutTryingParent() {
        String project = "086135f33d8c4c099da10fbc7715d075";
        wm.stubFor(get(urlEqualTo("/v2.1/" + project))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow it.\"}}")));
        try (ComputeClient client = ComputeStubs.client(wm, time)
                .endpoint(URI.create(wm.baseUrl() + "/v2.1/" + project))
                .build()) {
            ForbiddenException e = assertThrows(ForbiddenException.class, client::microversion);
            assertEquals("Policy doesn't allow it.", e.serviceMessage().orElseThrow());
        }
        wm.verify(0, getRequestedFor(urlEqualTo("/v2.1/")));
    }

    @Test
    void versionDocument_failedRead_isReadAgainOnNextCall() {
        wm.stubFor(get(urlEqualTo("/v2.1"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"computeFault\": {\"code\": 500, \"message\": \"oops\"}}"))
                .willSetStateTo("up"));
        wm.stubFor(get(urlEqualTo("/v2.1"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(okJson(versionDocument("2.1", "2.93"))));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            assertThrows(ServerErrorException.class, client::microversion);
            assertEquals(Microversion.of(2, 93), client.microversion());
            assertEquals(Microversion.of(2, 93), client.microversion());
        }
        wm.verify(2, versionDocumentRead());
    }

    @Test
    void cloudMinAboveSdkMax_throwsIllegalStateBeforeSending() {
        wm.stubFor(get(urlEqualTo("/v2.1")).willReturn(okJson(versionDocument("2.97", "2.110"))));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> client.servers().get(SERVER));
            assertTrue(
                    e.getMessage().contains("2.97")
                            && e.getMessage().contains(ComputeClient.SDK_MAX_MICROVERSION.toString()),
                    e.getMessage());
        }
        wm.verify(0, getRequestedFor(urlPathMatching("/v2\\.1/servers.*")));
    }
}
