package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.HttpTransportContractTest;
import dev.novasdk.core.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link ApacheHttpTransport} against the transport contract, plus its pool, size cap and header behaviour.
 */
class ApacheHttpTransportContractTest extends HttpTransportContractTest {
    @Override
    protected HttpTransport newTransportWithMaxResponseSize(int bytes) {
        // A pool of one: the refused body must not leave the only connection unusable.
        return ApacheHttpTransport.builder()
                .maxResponseSize(bytes)
                .maxConnectionsTotal(1)
                .maxConnectionsPerRoute(1)
                .poolTimeout(Duration.ofSeconds(1))
                .build();
    }

    @Override
    protected HttpTransport newTransportWithHeaderLimits(int count, int bytes) {
        return ApacheHttpTransport.builder()
                .maxResponseHeaderCount(count)
                .maxResponseHeaderSize(bytes)
                .build();
    }

    @Override
    protected HttpTransport newTransport(Duration connectTimeout, Duration responseTimeout) {
        return ApacheHttpTransport.builder()
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Test
    void execute_requestWithoutUserAgent_sendsNone() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport().execute(HttpRequest.get(uri("/h")));

        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withoutHeader("User-Agent"));
    }

    @Test
    void execute_successBody_isLentUntilReleased_anErrorBodyIsOwned() throws IOException {
        // Lent only with a Content-Length, which Nova, Keystone and Glance send with every document.
        SERVER.stubFor(get("/ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Length", "14")
                        .withBody("{\"server\": {}}")));
        SERVER.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"itemNotFound\": {}}")));

        HttpResponse ok = transport().execute(HttpRequest.get(uri("/ok")));
        HttpResponse missing = transport().execute(HttpRequest.get(uri("/missing")));
        ok.release();
        missing.release();

        assertThrows(IllegalStateException.class, ok::bodyAsString);
        assertEquals(14, ok.bodyLength());
        // Error bodies go into exceptions that outlive the call, so they are never lent.
        assertEquals("{\"itemNotFound\": {}}", missing.bodyAsString());
    }

    @Test
    void execute_customReasonPhrase_isKept() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(409).withStatusMessage("Instance Locked")));

        HttpResponse response = transport().execute(HttpRequest.get(uri("/h")));

        assertEquals("Instance Locked", response.reasonPhrase());
    }

    @Test
    void execute_poolOfOne_reusesOneConnectionForSequentialRequests() throws IOException {
        SERVER.stubFor(get("/servers").willReturn(aResponse().withStatus(200).withBody("{\"servers\": []}")));
        SERVER.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"itemNotFound\": {}}")));
        SERVER.stubFor(head(urlEqualTo("/images/1"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Image-Meta-Size", "9")));
        SERVER.stubFor(post("/servers").willReturn(aResponse().withStatus(202).withBody("{\"server\": {}}")));
        SERVER.stubFor(delete("/servers/1").willReturn(aResponse().withStatus(204)));
        // One connection and a short pool timeout: a response whose connection was not handed back to the pool
        // would make the next request fail with a pool timeout.
        try (CountingTcpRelay relay = new CountingTcpRelay(SERVER.getPort());
                ApacheHttpTransport pooled = ApacheHttpTransport.builder()
                        .maxConnectionsTotal(1)
                        .maxConnectionsPerRoute(1)
                        .poolTimeout(Duration.ofSeconds(1))
                        .build()) {
            String base = "http://127.0.0.1:" + relay.port();

            for (int i = 0; i < 10; i++) {
                assertEquals(
                        200,
                        pooled.execute(HttpRequest.get(URI.create(base + "/servers")))
                                .statusCode());
                assertEquals(
                        404,
                        pooled.execute(HttpRequest.get(URI.create(base + "/missing")))
                                .statusCode());
                assertEquals(
                        200,
                        pooled.execute(HttpRequest.builder(HttpMethod.HEAD, URI.create(base + "/images/1"))
                                        .build())
                                .statusCode());
                assertEquals(
                        202,
                        pooled.execute(HttpRequest.builder(HttpMethod.POST, URI.create(base + "/servers"))
                                        .body(RequestBody.json("{\"server\": {}}"))
                                        .build())
                                .statusCode());
                assertEquals(
                        204,
                        pooled.execute(HttpRequest.builder(HttpMethod.DELETE, URI.create(base + "/servers/1"))
                                        .build())
                                .statusCode());
            }

            assertEquals(1, relay.connections());
        }
    }

    @Test
    void execute_connectionCloseResponses_openNewConnectionEachTime() throws IOException {
        SERVER.stubFor(get("/close").willReturn(aResponse().withStatus(200).withHeader("Connection", "close")));
        try (CountingTcpRelay relay = new CountingTcpRelay(SERVER.getPort());
                ApacheHttpTransport pooled = ApacheHttpTransport.builder()
                        .maxConnectionsTotal(1)
                        .maxConnectionsPerRoute(1)
                        .poolTimeout(Duration.ofSeconds(1))
                        .build()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(
                        200,
                        pooled.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + relay.port() + "/close")))
                                .statusCode());
            }

            assertEquals(5, relay.connections());
        }
    }

    @Test
    void execute_poolExhausted_throwsConnectFailedAfterPoolTimeout() throws Exception {
        SERVER.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        try (ApacheHttpTransport single = ApacheHttpTransport.builder()
                .maxConnectionsTotal(1)
                .maxConnectionsPerRoute(1)
                .poolTimeout(Duration.ofMillis(200))
                .build()) {
            Thread holder = new Thread(() -> {
                try {
                    single.execute(HttpRequest.get(uri("/slow")));
                } catch (IOException ignored) {
                    // Only occupies the single connection.
                }
            });
            holder.start();
            awaitRequests("/slow", 1);

            IOException e = assertThrows(IOException.class, () -> single.execute(HttpRequest.get(uri("/slow"))));

            assertEquals(TransportException.Kind.CONNECT_FAILED, TransportException.classify(e), () -> describe(e));
            holder.join(5_000);
        }
    }

    private static void awaitRequests(String path, int count) {
        // Polls the request journal; bounded so a broken server fails the test instead of hanging it.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (SERVER.findAll(getRequestedFor(urlEqualTo(path))).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never saw " + count + " request(s) to " + path);
            }
            Thread.onSpinWait();
        }
    }
}
