package dev.novasdk.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.CachingTokenProvider;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.RateLimitException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.filter.Position;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole chain over a real socket: Apache transport, retries, re-authentication and error mapping
 * together, with WireMock counting what reached the server.
 */
class HttpPipelineTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String UNAUTHORIZED = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
            + "\"message\": \"The request you have made requires authentication.\"}}";

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private ApacheHttpTransport transport;
    private ApacheHttpTransport quickTransport;

    @BeforeEach
    void setUp() {
        // Long enough for a cold first request on a loaded machine; the read-timeout tests use quickTransport.
        transport = ApacheHttpTransport.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        quickTransport = ApacheHttpTransport.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofMillis(500))
                .build();
    }

    @AfterEach
    void tearDown() {
        quickTransport.close();
        transport.close();
    }

    private URI url(String path) {
        return URI.create(wm.baseUrl() + path);
    }

    private HttpPipeline.Builder pipeline() {
        return HttpPipeline.builder().transport(transport).sleeper(sleeps::add);
    }

    private static final class Token implements AuthToken {
        private final AuthToken delegate;

        Token(String id) {
            this.delegate = AuthToken.of(id, null);
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public Optional<Instant> expiresAt() {
            return delegate.expiresAt();
        }
    }

    /** Authenticates against the stub's keystone, the way the identity module does: no AuthFilter below. */
    private CachingTokenProvider<Token> keystone() {
        HttpPipeline auth = pipeline().retryPolicy(RetryPolicy.none()).build();
        return CachingTokenProvider.of(() -> {
            HttpResponse r = auth.send(HttpRequest.builder(HttpMethod.POST, url("/v3/auth/tokens"))
                    .body(RequestBody.json("{\"auth\": {}}"))
                    .build());
            return new Token(r.headers().firstValue("X-Subject-Token").orElseThrow());
        });
    }

    private static void stubKeystoneIssuing(String first, String second) {
        wm.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("X-Subject-Token", first)
                        .withBody("{}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("X-Subject-Token", second)
                        .withBody("{}")));
    }

    @Test
    void send_64ThreadsGet401ForStaleToken_exactlyOneReauthenticationAndAllReplay() throws Exception {
        stubKeystoneIssuing("stale-token", "fresh-token");
        wm.stubFor(get(urlEqualTo("/v2.1/servers"))
                .withHeader("X-Auth-Token", equalTo("stale-token"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UNAUTHORIZED)));
        wm.stubFor(get(urlEqualTo("/v2.1/servers"))
                .withHeader("X-Auth-Token", equalTo("fresh-token"))
                .willReturn(aResponse().withStatus(200).withBody("{\"servers\": []}")));
        CachingTokenProvider<Token> tokens = keystone();
        tokens.token(); // the stale token is now cached, as after hours of use
        HttpPipeline api = pipeline().tokenProvider(tokens).build();

        int threads = 64;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return api.send(HttpRequest.get(url("/v2.1/servers"))).statusCode();
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
        wm.verify(
                threads,
                getRequestedFor(urlEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("fresh-token")));
    }

    @Test
    void send_401AfterReplay_authenticationExceptionWithoutLoop() {
        stubKeystoneIssuing("t1", "t2");
        wm.stubFor(get(urlEqualTo("/v2.1/servers"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-openstack-request-id", "req-401")
                        .withBody(UNAUTHORIZED)));
        HttpPipeline api = pipeline().tokenProvider(keystone()).build();

        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> api.send(HttpRequest.get(url("/v2.1/servers"))));

        assertEquals(401, e.statusCode());
        assertEquals(Optional.of("req-401"), e.requestId());
        wm.verify(2, getRequestedFor(urlEqualTo("/v2.1/servers")));
        wm.verify(2, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
        assertFalse(e.getMessage().contains("t1") || e.getMessage().contains("t2"), e.getMessage());
    }

    @Test
    void send_novaBadRequest_typedExceptionWithMessageAndRequestId() {
        wm.stubFor(
                post(urlEqualTo("/v2.1/servers"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                                        .withHeader("x-openstack-request-id", "req-9b4a")
                                        .withHeader("x-compute-request-id", "req-9b4a")
                                        .withBody(
                                                "{\"badRequest\": {\"message\": \"Swap drive requested is larger than instance type allows.\", \"code\": 400}}")));
        HttpPipeline api = pipeline().build();

        BadRequestException e = assertThrows(
                BadRequestException.class,
                () -> api.send(HttpRequest.builder(HttpMethod.POST, url("/v2.1/servers"))
                        .body(RequestBody.json("{}"))
                        .build()));

        assertEquals(
                "POST " + wm.baseUrl() + "/v2.1/servers -> 400 Bad Request [req-9b4a]: "
                        + "Swap drive requested is larger than instance type allows.",
                e.getMessage());
        assertEquals(Optional.of("badRequest"), e.faultName());
        wm.verify(1, postRequestedFor(urlEqualTo("/v2.1/servers")));
    }

    @Test
    void send_getHitsConnectionReset_retriedThenSucceeds() {
        wm.stubFor(get(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        HttpResponse r = pipeline().build().send(HttpRequest.get(url("/flaky")));

        assertEquals(200, r.statusCode());
        wm.verify(2, getRequestedFor(urlEqualTo("/flaky")));
        assertEquals(1, sleeps.size());
    }

    @Test
    void send_postHitsConnectionReset_notReplayed() {
        wm.stubFor(post(urlEqualTo("/v2.1/servers")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TransportException e = assertThrows(TransportException.class, () -> pipeline()
                .build()
                .send(HttpRequest.builder(HttpMethod.POST, url("/v2.1/servers"))
                        .body(RequestBody.json("{}"))
                        .build()));

        assertTrue(e.kind().mayHaveReachedServer());
        wm.verify(1, postRequestedFor(urlEqualTo("/v2.1/servers")));
    }

    @Test
    void send_postReadTimeout_notReplayed() {
        wm.stubFor(
                post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(202).withFixedDelay(2000)));

        TransportException e = assertThrows(TransportException.class, () -> pipeline()
                .transport(quickTransport)
                .build()
                .send(HttpRequest.builder(HttpMethod.POST, url("/slow"))
                        .body(RequestBody.json("{}"))
                        .build()));

        assertEquals(TransportException.Kind.RESPONSE_TIMEOUT, e.kind());
        wm.verify(1, postRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void send_getReadTimeout_retriedUpToAttempts() {
        wm.stubFor(
                get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));

        TransportException e = assertThrows(
                TransportException.class,
                () -> pipeline().transport(quickTransport).build().send(HttpRequest.get(url("/slow"))));

        assertEquals(TransportException.Kind.RESPONSE_TIMEOUT, e.kind());
        wm.verify(3, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void send_faultsOnGet_mappedToConnectionFailedAfterRetries() {
        for (Fault fault :
                List.of(Fault.EMPTY_RESPONSE, Fault.RANDOM_DATA_THEN_CLOSE, Fault.MALFORMED_RESPONSE_CHUNK)) {
            wm.resetAll();
            wm.stubFor(get(urlEqualTo("/broken")).willReturn(aResponse().withFault(fault)));

            TransportException e = assertThrows(
                    TransportException.class,
                    () -> pipeline().build().send(HttpRequest.get(url("/broken"))),
                    fault.name());

            assertEquals(TransportException.Kind.CONNECTION_FAILED, e.kind(), fault.name());
            wm.verify(3, getRequestedFor(urlEqualTo("/broken")));
        }
    }

    @Test
    void send_connectionRefused_postRetriedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AtomicInteger attempts = new AtomicInteger();
        HttpPipeline api = pipeline()
                .addFilter(Position.PER_ATTEMPT, (req, next) -> {
                    attempts.incrementAndGet();
                    return next.proceed(req);
                })
                .build();

        TransportException e = assertThrows(
                TransportException.class,
                () -> api.send(HttpRequest.builder(
                                HttpMethod.POST, URI.create("http://127.0.0.1:" + closedPort + "/v2.1/servers"))
                        .body(RequestBody.json("{}"))
                        .build()));

        assertEquals(TransportException.Kind.CONNECT_FAILED, e.kind());
        assertEquals(3, attempts.get());
        assertTrue(
                e.getMessage().startsWith("POST http://127.0.0.1:" + closedPort + "/v2.1/servers -> "), e.getMessage());
    }

    @Test
    void send_503OnGet_retriedAnd503OnPost_not() {
        wm.stubFor(
                get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503).withBody("busy")));
        wm.stubFor(
                post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503).withBody("busy")));
        HttpPipeline api = pipeline().build();

        assertThrows(ServerErrorException.class, () -> api.send(HttpRequest.get(url("/busy"))));
        assertThrows(
                ServerErrorException.class,
                () -> api.send(HttpRequest.builder(HttpMethod.POST, url("/busy"))
                        .body(RequestBody.json("{}"))
                        .build()));

        wm.verify(3, getRequestedFor(urlEqualTo("/busy")));
        wm.verify(1, postRequestedFor(urlEqualTo("/busy")));
    }

    @Test
    void send_429WithRetryAfterOnPost_retriedAfterTheAskedDelay() {
        wm.stubFor(post(urlEqualTo("/limited"))
                .inScenario("rl")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody(
                                "{\"overLimit\": {\"code\": 429, \"message\": \"slow down\", \"retryAfter\": \"7\"}}"))
                .willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/limited"))
                .inScenario("rl")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202).withBody("{}")));

        HttpResponse r = pipeline()
                .build()
                .send(HttpRequest.builder(HttpMethod.POST, url("/limited"))
                        .body(RequestBody.json("{}"))
                        .build());

        assertEquals(202, r.statusCode());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    }

    @Test
    void send_429Persisting_rateLimitExceptionCarriesRetryAfter() {
        wm.stubFor(
                get(urlEqualTo("/limited"))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "2")
                                        .withBody(
                                                "{\"overLimit\": {\"code\": 429, \"message\": \"slow down\", \"retryAfter\": \"2\"}}")));

        RateLimitException e =
                assertThrows(RateLimitException.class, () -> pipeline().build().send(HttpRequest.get(url("/limited"))));

        assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
        wm.verify(3, getRequestedFor(urlEqualTo("/limited")));
    }

    @Test
    void send_404_notRetriedAndTyped() {
        wm.stubFor(
                get(urlEqualTo("/v2.1/servers/x"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance x could not be found.\"}}")));

        NotFoundException e = assertThrows(
                NotFoundException.class, () -> pipeline().build().send(HttpRequest.get(url("/v2.1/servers/x"))));

        assertEquals(Optional.of("Instance x could not be found."), e.serviceMessage());
        wm.verify(1, getRequestedFor(urlEqualTo("/v2.1/servers/x")));
    }

    @Test
    void send_filtersInFixedOrder_userAgentMicroversionAndTokenOnTheWire() {
        wm.stubFor(get(urlEqualTo("/v2.1/servers"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        CachingTokenProvider<Token> tokens = CachingTokenProvider.of(() -> new Token("tok"));
        HttpPipeline api = pipeline()
                .tokenProvider(tokens)
                .microversion(MicroversionFilter.compute(() -> Optional.of(Microversion.parse("2.37"))))
                .globalRequestId("req-2f1e3a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
                .userAgentSuffix("myapp/1.0")
                .build();

        api.send(HttpRequest.get(url("/v2.1/servers")));

        wm.verify(getRequestedFor(urlEqualTo("/v2.1/servers"))
                .withHeader("X-Auth-Token", equalTo("tok"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.37"))
                .withHeader("X-OpenStack-Nova-API-Version", equalTo("2.37"))
                .withHeader("X-OpenStack-Request-ID", equalTo("req-2f1e3a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader(
                        "User-Agent",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("nova-java-sdk/.* myapp/1.0")));
    }

    @Test
    void close_ownedTransportClosedButPassedTransportLeftOpen() {
        wm.stubFor(get(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        pipeline().build().close();

        assertEquals(200, pipeline().build().send(HttpRequest.get(url("/ok"))).statusCode());
    }

    @Test
    void send_transportThrowsUncheckedException_transportExceptionNamingTheRequest() {
        // java.net.http lets a NumberFormatException out for "Content-Length: abc"; the caller must still get
        // an SDK exception with the method, the URL and the cause.
        IllegalArgumentException bug = new IllegalArgumentException("For input string: \"abc\"");
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(request -> {
                    throw bug;
                })
                .retryPolicy(RetryPolicy.none())
                .build()) {
            TransportException e = assertThrows(
                    TransportException.class, () -> p.send(HttpRequest.get(url("/servers?password=hunter2"))));

            assertEquals(TransportException.Kind.CONNECTION_FAILED, e.kind());
            assertEquals(HttpMethod.GET, e.method());
            assertTrue(e.getMessage().startsWith("GET " + wm.baseUrl() + "/servers?password=***"), e.getMessage());
            assertTrue(e.getMessage().contains("IllegalArgumentException"), e.getMessage());
            assertEquals(bug, e.getCause().getCause());
        }
    }

    @Test
    void send_callAndAttemptTimeouts_reachTheTransportAsTheAttemptDeadline() {
        List<Duration> seen = new ArrayList<>();
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(request -> {
                    seen.add(request.attribute(dev.novasdk.core.http.Deadline.ATTRIBUTE)
                            .orElseThrow()
                            .timeout());
                    return HttpResponse.of(200, dev.novasdk.core.http.Headers.of(), "");
                })
                .callTimeout(Duration.ofSeconds(7))
                .attemptTimeout(Duration.ofSeconds(3))
                .build()) {
            p.send(HttpRequest.get(url("/a")));
            p.send(HttpRequest.get(url("/b"))
                    .withAttribute(dev.novasdk.core.filter.RetryFilter.ATTEMPT_TIMEOUT, Duration.ofSeconds(9)));
        }

        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(7)), seen);
    }

    @Test
    void send_slowBodyPastCallTimeout_deadlineExceededWithoutRetryPastTheBudget() {
        // A GET is retried after an attempt timeout, but never past the call's budget.
        wm.stubFor(get(urlEqualTo("/slow"))
                .willReturn(
                        aResponse().withStatus(200).withBody("x".repeat(200)).withChunkedDribbleDelay(100, 5_000)));
        long start = System.nanoTime();

        TransportException e = assertThrows(TransportException.class, () -> pipeline()
                .sleeper(d -> {})
                .callTimeout(Duration.ofMillis(900))
                .attemptTimeout(Duration.ofMillis(400))
                .build()
                .send(HttpRequest.get(url("/slow"))));

        long elapsed = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(TransportException.Kind.DEADLINE_EXCEEDED, e.kind());
        assertTrue(elapsed < 900 + 2_000, "took " + elapsed + " ms");
        int attempts = wm.findAll(getRequestedFor(urlEqualTo("/slow"))).size();
        assertTrue(attempts >= 2 && attempts <= 3, attempts + " attempts");
    }

    @Test
    void send_getOverTheSizeCap_sentOnceAndReportedAsTooLarge() {
        // Reported as a broken connection, such a GET was retried, downloading the whole body each time.
        wm.stubFor(
                get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody("x".repeat(4096))));
        try (ApacheHttpTransport capped =
                ApacheHttpTransport.builder().maxResponseSize(1024).build()) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> pipeline().transport(capped).build().send(HttpRequest.get(url("/big"))));

            assertTrue(e.getMessage().contains("exceeds the maximum of 1024 bytes"), e.getMessage());
            wm.verify(1, getRequestedFor(urlEqualTo("/big")));
        }
    }
}
