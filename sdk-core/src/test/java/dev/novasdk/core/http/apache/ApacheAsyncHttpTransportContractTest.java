package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.AsyncHttpTransportContractTest;
import dev.novasdk.core.http.FaultServer;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ApacheAsyncHttpTransport} against the async transport contract, plus its own header behaviour. */
class ApacheAsyncHttpTransportContractTest extends AsyncHttpTransportContractTest {
    // HttpClient 5 async sometimes keeps the connection of an exchange whose future was cancelled mid-body
    // (about 3 runs in 10 of these tests, with 5.4.1 and 5.6.5 alike): the caller's future still fails at once
    // and the transport stays usable, but the connection waits for the response timeout. A known gap.
    @Override
    protected boolean abortAlwaysClosesConnection() {
        return false;
    }

    @Override
    protected AsyncHttpTransport newAsyncTransport(Duration connectTimeout, Duration responseTimeout) {
        return ApacheAsyncHttpTransport.builder()
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithMaxResponseSize(int bytes) {
        // A pool of one: the refused body must not leave the only connection unusable.
        return ApacheAsyncHttpTransport.builder()
                .maxResponseSize(bytes)
                .maxConnectionsTotal(1)
                .maxConnectionsPerRoute(1)
                .poolTimeout(Duration.ofSeconds(1))
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithHeaderLimits(int count, int bytes) {
        return ApacheAsyncHttpTransport.builder()
                .maxResponseHeaderCount(count)
                .maxResponseHeaderSize(bytes)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithIoThreads(int ioThreads, int connections) {
        return ApacheAsyncHttpTransport.builder()
                .ioThreads(ioThreads)
                .maxConnectionsTotal(connections)
                .maxConnectionsPerRoute(connections)
                .build();
    }

    @Override
    protected String threadNamePrefix() {
        return "nova-apache-async";
    }

    @Test
    void execute_requestWithoutUserAgent_sendsNone() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport().execute(HttpRequest.get(uri("/h")));

        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withoutHeader("User-Agent"));
    }

    @Test
    void execute_requestWithUserAgent_sendsItUnchanged() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport()
                .execute(HttpRequest.builder(HttpMethod.GET, uri("/h"))
                        .header("User-Agent", "nova-sdk/1.0")
                        .build());

        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withHeader("User-Agent", equalTo("nova-sdk/1.0")));
    }

    @Test
    void execute_plainHttpToServerOfferingH2c_staysOnHttp11() throws IOException {
        // WireMock accepts h2c; uwsgi-hosted OpenStack APIs do not, so plain http must never try it.
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport().execute(HttpRequest.get(uri("/h")));

        List<LoggedRequest> seen = SERVER.findAll(getRequestedFor(urlEqualTo("/h")));
        assertEquals("HTTP/1.1", seen.get(0).getProtocol());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withoutHeader("Upgrade"));
    }

    @Test
    void execute_customReasonPhrase_isKept() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(409).withStatusMessage("Instance Locked")));

        HttpResponse response = transport().execute(HttpRequest.get(uri("/h")));

        assertEquals("Instance Locked", response.reasonPhrase());
    }

    @Test
    void executeAsync_poolOfOne_reusesOneConnectionForSequentialRequests() throws Exception {
        SERVER.stubFor(get("/servers").willReturn(aResponse().withStatus(200).withBody("{\"servers\": []}")));
        SERVER.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"itemNotFound\": {}}")));
        SERVER.stubFor(head(urlEqualTo("/images/1"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Image-Meta-Size", "9")));
        SERVER.stubFor(delete("/servers/1").willReturn(aResponse().withStatus(204)));
        // One connection and a short pool timeout: a response whose connection was not handed back to the pool
        // would make the next request fail with a pool timeout.
        try (CountingTcpRelay relay = new CountingTcpRelay(SERVER.getPort());
                ApacheAsyncHttpTransport pooled = ApacheAsyncHttpTransport.builder()
                        .maxConnectionsTotal(1)
                        .maxConnectionsPerRoute(1)
                        .poolTimeout(Duration.ofSeconds(1))
                        .build()) {
            String base = "http://127.0.0.1:" + relay.port();
            for (int i = 0; i < 10; i++) {
                assertEquals(200, send(pooled, HttpMethod.GET, base + "/servers"));
                assertEquals(404, send(pooled, HttpMethod.GET, base + "/missing"));
                assertEquals(200, send(pooled, HttpMethod.HEAD, base + "/images/1"));
                assertEquals(204, send(pooled, HttpMethod.DELETE, base + "/servers/1"));
            }

            assertEquals(1, relay.connections());
        }
    }

    @Test
    void executeAsync_poolExhausted_failsWithConnectFailureAfterPoolAndConnectTimeouts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        try (FaultServer server = FaultServer.start(x -> {
                    holding.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    x.respond(200, "held");
                });
                ApacheAsyncHttpTransport single = ApacheAsyncHttpTransport.builder()
                        .maxConnectionsTotal(1)
                        .maxConnectionsPerRoute(1)
                        .poolTimeout(Duration.ofMillis(200))
                        .connectTimeout(Duration.ofSeconds(1))
                        .build()) {
            CompletableFuture<HttpResponse> holder = single.executeAsync(HttpRequest.get(server.uri("/held")));
            // The only connection must be the holder's before the second request asks for one: both wait for
            // the name lookup, and the second's could otherwise lease first (seen once in CI).
            assertTrue(holding.await(10, TimeUnit.SECONDS), "the held request reached the server");

            CompletableFuture<HttpResponse> waiting = single.executeAsync(HttpRequest.get(server.uri("/waiting")));

            // Well before the held response is released: HttpClient alone would let the lease wait for it.
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
            IOException failure = assertInstanceOf(IOException.class, e.getCause());
            assertEquals(
                    TransportException.Kind.CONNECT_FAILED,
                    TransportException.classify(failure),
                    () -> describe(failure));
            release.countDown();
            assertEquals("held", holder.get(30, TimeUnit.SECONDS).bodyAsString());
        }
    }

    private static int send(ApacheAsyncHttpTransport transport, HttpMethod method, String uri) throws Exception {
        return transport
                .executeAsync(HttpRequest.builder(method, URI.create(uri)).build())
                .get(30, TimeUnit.SECONDS)
                .statusCode();
    }
}
