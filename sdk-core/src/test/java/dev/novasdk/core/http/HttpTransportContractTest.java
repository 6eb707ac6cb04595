package dev.novasdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.novasdk.core.error.TransportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link HttpTransport} must show, checked against a WireMock server on a dynamic port.
 * A transport's test extends this class and implements {@link #newTransport}; it may add tests of its own
 * configuration. Shipped in the sdk-core test-jar so transports in other modules run the same suite.
 */
public abstract class HttpTransportContractTest {
    /** Timeouts for tests that do not test timeouts: long enough never to fire on a slow CI machine. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One server per concrete test class; stubs and the request journal are reset before each test. */
    @RegisterExtension
    protected static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(64).jettyStopTimeout(0L))
            .build();

    private HttpTransport transport;

    /** A new transport with these timeouts and otherwise default settings; closed by the suite. */
    protected abstract HttpTransport newTransport(Duration connectTimeout, Duration responseTimeout);

    /** A new transport reading response bodies of at most {@code bytes}; closed by the test. */
    protected abstract HttpTransport newTransportWithMaxResponseSize(int bytes);

    /** A new transport accepting at most {@code count} response header fields of {@code bytes} in all. */
    protected abstract HttpTransport newTransportWithHeaderLimits(int count, int bytes);

    @BeforeEach
    void openTransport() {
        transport = newTransport(TIMEOUT, TIMEOUT);
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    /**
     * Whether the transport's underlying client sends a GET once more, on its own, when the connection breaks
     * before the first response byte. The contract says no; override only to document a client that cannot
     * be told otherwise (java.net.http). Requests with other methods must never be repeated.
     */
    protected boolean resendsGetBrokenBeforeFirstByte() {
        return false;
    }

    /** The transport of the current test. */
    protected final HttpTransport transport() {
        return transport;
    }

    /** An absolute URI on the WireMock server. */
    protected static URI uri(String pathAndQuery) {
        return URI.create(SERVER.baseUrl() + pathAndQuery);
    }

    /** Deterministic pseudo-random bytes. */
    protected static byte[] randomBytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(
            value = HttpMethod.class,
            names = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
    void execute_eachMethod_sendsMethodPathAndQueryExactly(HttpMethod method) throws IOException {
        String pathAndQuery = "/v2.1/servers/a%20b/detail?name=web%2F1&status=ACTIVE&status=ERROR";
        SERVER.stubFor(request(method.name(), urlEqualTo(pathAndQuery))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Method", method.name())
                        .withBody("ok")));
        HttpRequest.Builder request = HttpRequest.builder(method, uri(pathAndQuery));
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request.body(RequestBody.json("{\"a\":1}"));
        }

        HttpResponse response = transport.execute(request.build());

        assertEquals(200, response.statusCode());
        assertEquals(method.name(), response.headers().firstValue("X-Method").orElseThrow());
        assertEquals(method == HttpMethod.HEAD ? "" : "ok", response.bodyAsString());
        SERVER.verify(1, requestedFor(method.name(), urlEqualTo(pathAndQuery)));
    }

    @Test
    void release_neverLetsAResponseReadAnotherResponsesBytes() throws IOException {
        String a = "{\"a\": \"" + "a".repeat(3000) + "\"}";
        String b = "{\"b\": \"" + "b".repeat(3000) + "\"}";
        String length = Integer.toString(a.length());
        SERVER.stubFor(get("/a")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Length", length)
                        .withBody(a)));
        SERVER.stubFor(get("/b")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Length", length)
                        .withBody(b)));

        HttpResponse kept = transport.execute(HttpRequest.get(uri("/a")));
        HttpResponse released = transport.execute(HttpRequest.get(uri("/b")));
        released.release();
        HttpResponse afterRelease = transport.execute(HttpRequest.get(uri("/a")));
        HttpResponse last = transport.execute(HttpRequest.get(uri("/b")));

        // Whether a transport lends buffers or not, a body is its own response's bytes until released.
        assertEquals(a, kept.bodyAsString());
        assertEquals(a, afterRelease.bodyAsString());
        assertEquals(b, last.bodyAsString());
        try {
            assertEquals(b, released.bodyAsString());
        } catch (IllegalStateException lentAndEnded) {
            // A transport that lent the buffer: the body ends with release.
        }
    }

    @Test
    void execute_bodylessPost_sendsZeroContentLength() throws IOException {
        SERVER.stubFor(post("/servers/1/action").willReturn(aResponse().withStatus(202)));

        HttpResponse response = transport.execute(
                HttpRequest.builder(HttpMethod.POST, uri("/servers/1/action")).build());

        assertEquals(202, response.statusCode());
        SERVER.verify(postRequestedFor(urlEqualTo("/servers/1/action"))
                .withHeader("Content-Length", equalTo("0"))
                .withoutHeader("Transfer-Encoding"));
    }

    @Test
    void execute_multiValuedResponseHeader_returnsAllValuesCaseInsensitively() throws IOException {
        SERVER.stubFor(get("/h")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Multi", "one", "two")
                        .withHeader("X-OpenStack-Request-ID", "req-4f1c")));

        HttpResponse response = transport.execute(HttpRequest.get(uri("/h")));

        assertEquals(List.of("one", "two"), response.headers().values("x-multi"));
        assertEquals(List.of("one", "two"), response.headers().values("X-MULTI"));
        assertEquals("req-4f1c", response.requestId().orElseThrow());
    }

    @Test
    void execute_requestHeaders_reachServerWithEveryValue() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, uri("/h"))
                .header("X-Auth-Token", "gAAAAAB-token")
                .header("OpenStack-API-Version", "compute 2.79")
                .header("Accept", "application/json")
                .addHeader("X-Multi", "one")
                .addHeader("X-Multi", "two")
                .build();

        transport.execute(request);

        List<LoggedRequest> seen = SERVER.findAll(getRequestedFor(urlEqualTo("/h"))
                .withHeader("X-Auth-Token", equalTo("gAAAAAB-token"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.79"))
                .withHeader("Accept", equalTo("application/json")));
        assertEquals(1, seen.size());
        assertEquals(
                List.of("one", "two"),
                seen.get(0).getHeaders().getHeader("X-Multi").values());
    }

    @Test
    void execute_jsonBody_sentWithContentLengthAndNotChunked() throws IOException {
        String json = "{\"server\": {\"name\": \"web-1\", \"imageRef\": \"70a599e0\", \"flavorRef\": \"1\"}}";
        SERVER.stubFor(post("/servers").willReturn(aResponse().withStatus(202).withBody("{}")));

        HttpResponse response = transport.execute(HttpRequest.builder(HttpMethod.POST, uri("/servers"))
                .body(RequestBody.json(json))
                .build());

        assertEquals(202, response.statusCode());
        SERVER.verify(
                1,
                postRequestedFor(urlEqualTo("/servers"))
                        .withHeader(
                                "Content-Length", equalTo(String.valueOf(json.getBytes(StandardCharsets.UTF_8).length)))
                        .withoutHeader("Transfer-Encoding")
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(json)));
    }

    @Test
    void execute_streamBody_sentWithContentLengthAndNotChunked() throws IOException {
        byte[] data = randomBytes(100_000, 7);
        SERVER.stubFor(put("/images/1/file").willReturn(aResponse().withStatus(204)));

        transport.execute(HttpRequest.builder(HttpMethod.PUT, uri("/images/1/file"))
                .body(RequestBody.ofStream(new ByteArrayInputStream(data), data.length, "application/octet-stream"))
                .build());

        SERVER.verify(
                1,
                putRequestedFor(urlEqualTo("/images/1/file"))
                        .withHeader("Content-Length", equalTo(String.valueOf(data.length)))
                        .withoutHeader("Transfer-Encoding")
                        .withHeader("Content-Type", equalTo("application/octet-stream"))
                        .withRequestBody(binaryEqualTo(data)));
    }

    @Test
    void execute_streamBody_isClosedAfterSending() throws IOException {
        SERVER.stubFor(put("/images/1/file").willReturn(aResponse().withStatus(204)));
        boolean[] closed = {false};
        ByteArrayInputStream stream = new ByteArrayInputStream(new byte[] {1, 2, 3}) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };

        transport.execute(HttpRequest.builder(HttpMethod.PUT, uri("/images/1/file"))
                .body(RequestBody.ofStream(stream, 3, "application/octet-stream"))
                .build());

        assertTrue(closed[0], "the transport owns a stream body and must close it");
    }

    @Test
    void execute_binaryBodies_roundTripUnchanged() throws IOException {
        byte[] sent = new byte[256 * 64];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) i; // every byte value, including CR, LF and NUL
        }
        byte[] returned = randomBytes(50_000, 11);
        SERVER.stubFor(post("/bin")
                .withRequestBody(binaryEqualTo(sent))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(returned)));

        HttpResponse response = transport.execute(HttpRequest.builder(HttpMethod.POST, uri("/bin"))
                .body(RequestBody.of(sent, "application/octet-stream"))
                .build());

        assertEquals(200, response.statusCode());
        assertArrayEquals(returned, response.body());
    }

    @Test
    void execute_noContent_returnsEmptyBody() throws IOException {
        SERVER.stubFor(delete("/servers/1").willReturn(aResponse().withStatus(204)));

        HttpResponse response = transport.execute(
                HttpRequest.builder(HttpMethod.DELETE, uri("/servers/1")).build());

        assertEquals(204, response.statusCode());
        assertEquals(0, response.bodyLength());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 429, 500, 502, 503, 504})
    void execute_errorStatus_returnedAsResponse(int status) throws IOException {
        String body = "{\"itemNotFound\": {\"code\": " + status + ", \"message\": \"nope\"}}";
        SERVER.stubFor(get("/e")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "1")
                        .withBody(body)));

        HttpResponse response = transport.execute(HttpRequest.get(uri("/e")));

        assertEquals(status, response.statusCode());
        assertEquals(body, response.bodyAsString());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/e"))); // HttpClient retries 429/503 unless told not to
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void execute_redirect_returnedWithoutFollowing(int status) throws IOException {
        String location = uri("/elsewhere").toString();
        SERVER.stubFor(get("/moved").willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        SERVER.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(200)));

        HttpResponse response = transport.execute(HttpRequest.get(uri("/moved")));

        assertEquals(status, response.statusCode());
        assertEquals(location, response.headers().firstValue("Location").orElseThrow());
        SERVER.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK"
            })
    void execute_brokenResponse_throwsConnectionFailedAfterOneAttempt(Fault fault) {
        // A GET is the method HTTP clients most like to retry on their own.
        SERVER.stubFor(get("/fault").willReturn(aResponse().withFault(fault)));

        IOException e = assertThrows(IOException.class, () -> transport.execute(HttpRequest.get(uri("/fault"))));

        assertEquals(TransportException.Kind.CONNECTION_FAILED, TransportException.classify(e), () -> describe(e));
        int attempts = SERVER.findAll(getRequestedFor(urlEqualTo("/fault"))).size();
        int allowed = resendsGetBrokenBeforeFirstByte() ? 2 : 1;
        assertTrue(attempts >= 1 && attempts <= allowed, "server saw " + attempts + " attempts, allowed " + allowed);
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void execute_brokenResponseToPost_isSentExactlyOnce(Fault fault) {
        // A repeated POST can boot a second server; only the SDK's RetryFilter may decide to resend.
        SERVER.stubFor(post("/servers").willReturn(aResponse().withFault(fault)));

        IOException e = assertThrows(
                IOException.class,
                () -> transport.execute(HttpRequest.builder(HttpMethod.POST, uri("/servers"))
                        .body(RequestBody.json("{}"))
                        .build()));

        assertEquals(TransportException.Kind.CONNECTION_FAILED, TransportException.classify(e), () -> describe(e));
        SERVER.verify(1, postRequestedFor(urlEqualTo("/servers")));
    }

    @Test
    void execute_brokenResponse_leavesTransportUsable() throws IOException {
        SERVER.stubFor(get("/fault").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SERVER.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("fine")));

        assertThrows(IOException.class, () -> transport.execute(HttpRequest.get(uri("/fault"))));

        assertEquals("fine", transport.execute(HttpRequest.get(uri("/ok"))).bodyAsString());
    }

    @Test
    void execute_nonAsciiUtf8_roundTripsExactly() throws IOException {
        String text = "{\"name\": \"Grüße-世界-🚀\"}";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        SERVER.stubFor(post("/utf8")
                .withRequestBody(binaryEqualTo(utf8))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(utf8)));

        HttpResponse response = transport.execute(HttpRequest.builder(HttpMethod.POST, uri("/utf8"))
                .body(RequestBody.json(text))
                .build());

        assertEquals(200, response.statusCode());
        assertEquals(text, response.bodyAsString());
        SERVER.verify(postRequestedFor(urlEqualTo("/utf8"))
                .withHeader("Content-Length", equalTo(String.valueOf(utf8.length))));
    }

    @Test
    void execute_largeBodies_roundTripUnchanged() throws IOException {
        byte[] sent = randomBytes(5 * 1024 * 1024, 1);
        byte[] returned = randomBytes(5 * 1024 * 1024, 2);
        SERVER.stubFor(put("/large").willReturn(aResponse().withStatus(200).withBody(returned)));

        HttpResponse response = transport.execute(HttpRequest.builder(HttpMethod.PUT, uri("/large"))
                .body(RequestBody.of(sent, "application/octet-stream"))
                .build());

        assertArrayEquals(returned, response.body());
        SERVER.verify(
                1,
                putRequestedFor(urlEqualTo("/large"))
                        .withHeader("Content-Length", equalTo(String.valueOf(sent.length)))
                        .withRequestBody(binaryEqualTo(sent)));
    }

    @Test
    void execute_afterConnectionCloseResponses_nextRequestsSucceed() throws IOException {
        // uwsgi answers every request with "Connection: close"; glance keeps connections alive.
        SERVER.stubFor(get("/close")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Connection", "close")
                        .withBody("closing")));
        SERVER.stubFor(get("/keep").willReturn(aResponse().withStatus(200).withBody("kept")));

        for (int i = 0; i < 5; i++) {
            assertEquals(
                    "closing", transport.execute(HttpRequest.get(uri("/close"))).bodyAsString());
            assertEquals(
                    "kept", transport.execute(HttpRequest.get(uri("/keep"))).bodyAsString());
            assertEquals(
                    "kept", transport.execute(HttpRequest.get(uri("/keep"))).bodyAsString());
        }
        SERVER.verify(5, getRequestedFor(urlEqualTo("/close")));
        SERVER.verify(10, getRequestedFor(urlEqualTo("/keep")));
    }

    @Test
    void execute_responseSlowerThanResponseTimeout_throwsResponseTimeout() {
        SERVER.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        try (HttpTransport quick = newTransport(TIMEOUT, Duration.ofMillis(300))) {
            long start = System.nanoTime();

            IOException e = assertThrows(IOException.class, () -> quick.execute(HttpRequest.get(uri("/slow"))));

            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TransportException.Kind.RESPONSE_TIMEOUT, TransportException.classify(e), () -> describe(e));
            assertTrue(elapsedMillis < 1_800, "gave up after " + elapsedMillis + " ms, not at the 300 ms timeout");
        }
    }

    @Test
    void execute_closedPort_throwsConnectFailed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        IOException e = assertThrows(
                IOException.class,
                () -> transport.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/v3"))));

        assertEquals(TransportException.Kind.CONNECT_FAILED, TransportException.classify(e), () -> describe(e));
    }

    @Test
    void execute_serverNotAccepting_throwsConnectFailedAfterConnectTimeout() throws IOException {
        // A listening socket whose accept queue is full: the kernel drops further SYNs, so connecting hangs
        // until the client's connect timeout, which is what a firewalled or overloaded API endpoint looks like.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
            boolean saturated = false;
            for (int i = 0; i < 16 && !saturated; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (SocketTimeoutException queueFull) {
                    saturated = true;
                }
            }
            assumeTrue(saturated, "this OS accepts connections beyond the backlog");
            try (HttpTransport quick = newTransport(Duration.ofMillis(300), TIMEOUT)) {
                IOException e = assertThrows(
                        IOException.class,
                        () -> quick.execute(
                                HttpRequest.get(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v3"))));

                assertEquals(TransportException.Kind.CONNECT_FAILED, TransportException.classify(e), () -> describe(e));
            }
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void execute_unknownHost_throwsFailureThatNeverReachedServer() {
        IOException e = assertThrows(
                IOException.class,
                () -> transport.execute(HttpRequest.get(URI.create("http://no-such-host.invalid/v3"))));

        TransportException.Kind kind = TransportException.classify(e);
        assertTrue(
                kind == TransportException.Kind.UNKNOWN_HOST || kind == TransportException.Kind.CONNECT_FAILED,
                () -> kind + " for " + describe(e));
        assertFalse(kind.mayHaveReachedServer());
    }

    @Test
    void execute_plainRequest_addsNoCompressionUpgradeOrCookieHeaders() throws IOException {
        SERVER.stubFor(
                get("/login").willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", "session=abc; Path=/")));
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport.execute(HttpRequest.get(uri("/login")));
        transport.execute(HttpRequest.get(uri("/h")));

        SERVER.verify(
                1,
                getRequestedFor(urlEqualTo("/h"))
                        .withoutHeader("Cookie")
                        .withoutHeader("Accept-Encoding")
                        .withoutHeader("Upgrade")
                        .withoutHeader("Expect"));
    }

    @Test
    void execute_gzipEncodedResponse_returnedUndecoded() throws IOException {
        byte[] gzipped = gzip("{\"servers\": []}".getBytes(StandardCharsets.UTF_8));
        SERVER.stubFor(get("/gz")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(gzipped)));

        HttpResponse response = transport.execute(HttpRequest.get(uri("/gz")));

        assertArrayEquals(gzipped, response.body());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
    }

    @Test
    void execute_manyThreadsSharingOneTransport_allGetTheirOwnResponse() throws Exception {
        int threads = 32;
        int requestsPerThread = 20;
        for (int t = 0; t < threads; t++) {
            SERVER.stubFor(get("/c/" + t).willReturn(aResponse().withStatus(200).withBody("thread-" + t)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < requestsPerThread; i++) {
                        HttpResponse r = transport.execute(HttpRequest.get(uri("/c/" + id)));
                        assertEquals("thread-" + id, r.bodyAsString());
                        ok++;
                    }
                    return ok;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(requestsPerThread, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        SERVER.verify(threads * requestsPerThread, getRequestedFor(urlPathMatching("/c/.*")));
    }

    /** The exception with its cause chain, for assertion messages. */
    protected static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(b.length() == 0 ? "" : " <- ").append(t);
        }
        return b.toString();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void execute_bodyLargerThanMaxResponseSize_throwsAndTransportStaysUsable() throws IOException {
        SERVER.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(randomBytes(4096, 3))));
        SERVER.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody(randomBytes(1024, 4))));
        try (HttpTransport capped = newTransportWithMaxResponseSize(1024)) {
            IOException e = assertThrows(IOException.class, () -> capped.execute(HttpRequest.get(uri("/big"))));

            assertTrue(e.getMessage().contains("1024"), e::getMessage);
            assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(e), () -> describe(e));
            assertArrayEquals(
                    randomBytes(1024, 4),
                    capped.execute(HttpRequest.get(uri("/small"))).body());
        }
    }

    @Test
    void execute_chunkedBodyLargerThanMaxResponseSize_throws() {
        // A dribbled body is sent chunked, without Content-Length, so only counting the bytes can catch it.
        SERVER.stubFor(get("/chunked")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(randomBytes(4096, 5))
                        .withChunkedDribbleDelay(4, 20)));
        try (HttpTransport capped = newTransportWithMaxResponseSize(1024)) {
            IOException e = assertThrows(IOException.class, () -> capped.execute(HttpRequest.get(uri("/chunked"))));

            assertTrue(e.getMessage().contains("maximum of 1024 bytes"), e::getMessage);
            assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(e), () -> describe(e));
        }
    }

    @Test
    void execute_headDeclaringLengthAboveMaxResponseSize_succeeds() throws IOException {
        // Glance answers HEAD on an image with the image's size as Content-Length.
        SERVER.stubFor(head(urlEqualTo("/images/1"))
                .willReturn(aResponse().withStatus(200).withBody(randomBytes(4096, 6))));
        try (HttpTransport capped = newTransportWithMaxResponseSize(1024)) {
            HttpResponse response = capped.execute(
                    HttpRequest.builder(HttpMethod.HEAD, uri("/images/1")).build());

            assertEquals(200, response.statusCode());
            assertEquals(0, response.bodyLength());
        }
    }

    // ---- Adversarial servers: what a broken or hostile peer does on the raw socket ----

    /** Slack for elapsed-time checks on a loaded two-core machine; only upper bounds are asserted. */
    private static final long SLACK_MILLIS = 2_000;

    @Test
    void execute_nonNumericContentLength_throwsIOException() {
        // java.net.http once let a NumberFormatException out for this.
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: abc\r\nConnection: close\r\n\r\nhello");
    }

    @Test
    void execute_conflictingContentLengths_throwsIOException() {
        // RFC 9112 section 6.3: the end of the body is ambiguous; a client that picks one may read the next
        // response's bytes as this one's body.
        assertMalformed(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\n" + "helloXY");
    }

    @Test
    void execute_bodyStalledLongerThanResponseTimeout_throwsResponseTimeout() {
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello");
                    x.stall();
                });
                HttpTransport quick = newTransport(TIMEOUT, Duration.ofMillis(300))) {
            long start = System.nanoTime();

            IOException e = assertThrows(IOException.class, () -> quick.execute(HttpRequest.get(server.uri("/x"))));

            long elapsed = millisSince(start);
            assertEquals(TransportException.Kind.RESPONSE_TIMEOUT, TransportException.classify(e), () -> describe(e));
            assertTrue(elapsed < 300 + SLACK_MILLIS, "gave up after " + elapsed + " ms, not at the 300 ms timeout");
        }
    }

    @Test
    void execute_bodySlowerThanResponseTimeoutButNeverSilent_succeeds() throws IOException {
        // The response timeout bounds the server's silence, not the whole body: 30 bytes, one every 50 ms, take
        // three times the 500 ms timeout without any silence reaching it.
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 30\r\nConnection: close\r\n\r\n");
                    x.trickle("x".repeat(30), 1, Duration.ofMillis(50));
                });
                HttpTransport quick = newTransport(TIMEOUT, Duration.ofMillis(500))) {
            assertEquals(
                    "x".repeat(30),
                    quick.execute(HttpRequest.get(server.uri("/x"))).bodyAsString());
        }
    }

    @Test
    void execute_bodyTrickledPastDeadline_throwsDeadlineExceededAtTheDeadline() {
        // A byte every 50 ms never trips the response timeout, which only bounds silence.
        try (FaultServer server = FaultServer.start(x -> {
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            x.trickle(new byte[1000], 1, Duration.ofMillis(50));
        })) {
            assertDeadlineExceeded(server, Duration.ofMillis(400));
        }
    }

    @Test
    void execute_headersTrickledPastDeadline_throwsDeadlineExceededAtTheDeadline() {
        try (FaultServer server = FaultServer.start(x -> x.trickle(
                "HTTP/1.1 200 OK\r\nX-Slow: " + "s".repeat(200) + "\r\nContent-Length: 0\r\n\r\n",
                1,
                Duration.ofMillis(50)))) {
            assertDeadlineExceeded(server, Duration.ofMillis(400));
        }
    }

    @Test
    void execute_silentServerPastDeadline_throwsDeadlineExceededBeforeTheResponseTimeout() {
        try (FaultServer server = FaultServer.start(FaultServer.Exchange::stall)) {
            assertDeadlineExceeded(server, Duration.ofMillis(400));
        }
    }

    @Test
    void execute_deadlineAlreadyPassed_sendsNothing() {
        try (FaultServer server = FaultServer.start(x -> x.respond(200, "late"))) {
            HttpRequest request =
                    HttpRequest.get(server.uri("/x")).withAttribute(Deadline.ATTRIBUTE, Deadline.after(Duration.ZERO));

            IOException e = assertThrows(IOException.class, () -> transport.execute(request));

            assertEquals(TransportException.Kind.DEADLINE_EXCEEDED, TransportException.classify(e), () -> describe(e));
            assertEquals(0, server.requests());
        }
    }

    @Test
    void execute_deadlineLaterThanResponse_returnsResponse() throws IOException {
        try (FaultServer server = FaultServer.start(x -> x.respond(200, "in time"))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse response = transport.execute(
                        HttpRequest.get(server.uri("/x")).withAttribute(Deadline.ATTRIBUTE, Deadline.after(TIMEOUT)));

                assertEquals("in time", response.bodyAsString());
            }
        }
    }

    @Test
    void execute_defaultSettings_refuse64MiBOfHeaders() {
        // The default transport once read all of them into memory before returning the response.
        try (FaultServer server = headerFlood(640 * 1024, 100)) {
            long start = System.nanoTime();

            IOException e = assertThrows(IOException.class, () -> transport.execute(HttpRequest.get(server.uri("/x"))));

            assertTrue(e.getMessage().contains("header"), e::getMessage);
            assertTrue(millisSince(start) < SLACK_MILLIS * 2, "took " + millisSince(start) + " ms");
        }
    }

    @Test
    void execute_moreHeaderFieldsThanAllowed_throwsResponseTooLarge() {
        try (FaultServer server = headerFlood(40, 20);
                HttpTransport limited = newTransportWithHeaderLimits(32, 64 * 1024)) {
            IOException e = assertThrows(IOException.class, () -> limited.execute(HttpRequest.get(server.uri("/x"))));

            assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(e), () -> describe(e));
        }
    }

    @Test
    void execute_headersLargerThanAllowed_throwsResponseTooLargeWithoutReadingThemAll() {
        // 64 MiB of header lines: the transport must stop near its limit, not buffer them all first.
        try (FaultServer server = headerFlood(640 * 1024, 100);
                HttpTransport limited = newTransportWithHeaderLimits(1_000_000, 16 * 1024)) {
            long start = System.nanoTime();

            IOException e = assertThrows(IOException.class, () -> limited.execute(HttpRequest.get(server.uri("/x"))));

            assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(e), () -> describe(e));
            assertTrue(millisSince(start) < SLACK_MILLIS * 2, "took " + millisSince(start) + " ms");
        }
    }

    @Test
    void execute_headersWithinLimits_returnResponse() throws IOException {
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n");
                    x.floodHeaderLines(20, 100);
                    x.write("\r\nok");
                });
                HttpTransport limited = newTransportWithHeaderLimits(32, 64 * 1024)) {
            HttpResponse response = limited.execute(HttpRequest.get(server.uri("/x")));

            assertEquals("ok", response.bodyAsString());
            assertEquals(20, response.headers().values("X-Flood").size());
        }
    }

    @Test
    void execute_streamedBodyOverMaxResponseSize_stopsReadingAtTheLimit() {
        // 256 MiB would take seconds to read on loopback; the transport must hang up at its 1 KiB limit.
        byte[] piece = new byte[64 * 1024];
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                    for (int i = 0; i < 4096; i++) {
                        x.write(Integer.toHexString(piece.length) + "\r\n");
                        x.write(piece);
                        x.write("\r\n");
                    }
                    x.write("0\r\n\r\n");
                });
                HttpTransport capped = newTransportWithMaxResponseSize(1024)) {
            long start = System.nanoTime();

            IOException e = assertThrows(IOException.class, () -> capped.execute(HttpRequest.get(server.uri("/x"))));

            assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(e), () -> describe(e));
            assertTrue(millisSince(start) < SLACK_MILLIS, "took " + millisSince(start) + " ms");
        }
    }

    private void assertMalformed(String response) {
        try (FaultServer server = FaultServer.start(x -> x.write(response))) {
            IOException e = assertThrows(IOException.class, () -> transport.execute(HttpRequest.get(server.uri("/x"))));

            assertEquals(TransportException.Kind.CONNECTION_FAILED, TransportException.classify(e), () -> describe(e));
        }
    }

    // A status line, then header lines as fast as the client reads them until it hangs up.
    private static FaultServer headerFlood(int lines, int lineLength) {
        return FaultServer.start(x -> {
            x.write("HTTP/1.1 200 OK\r\n");
            x.floodHeaderLines(lines, lineLength);
            x.write("Content-Length: 0\r\n\r\n");
        });
    }

    private void assertDeadlineExceeded(FaultServer server, Duration budget) {
        HttpRequest request =
                HttpRequest.get(server.uri("/x")).withAttribute(Deadline.ATTRIBUTE, Deadline.after(budget));
        long start = System.nanoTime();

        IOException e = assertThrows(IOException.class, () -> transport.execute(request));

        long elapsed = millisSince(start);
        assertEquals(TransportException.Kind.DEADLINE_EXCEEDED, TransportException.classify(e), () -> describe(e));
        assertTrue(
                elapsed < budget.toMillis() + SLACK_MILLIS,
                "gave up after " + elapsed + " ms, not at the " + budget.toMillis() + " ms deadline");
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
