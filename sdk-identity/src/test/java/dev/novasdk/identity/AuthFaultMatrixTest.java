package dev.novasdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.LogCapture;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.FaultCase;
import dev.novasdk.core.http.FaultMatrixReport;
import dev.novasdk.core.http.FaultServer;
import dev.novasdk.core.http.FaultTransport;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.internal.HttpPipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix for authentication: every {@link FaultCase} answering the Keystone v3 token request
 * ({@code POST /v3/auth/tokens}) of a {@link Session}, on both transports. For each run it checks the
 * exception type and kind, that the exception names the token URL, that the password was sent exactly once
 * unless Keystone explicitly refused the request, that the call ended within its time budget, and that
 * neither the password nor the token Keystone issues in {@code X-Subject-Token} (present in most of the
 * broken answers too) appears in the exception or the captured DEBUG log. The table of all runs is written
 * to {@code target/fault-matrix.md}.
 */
class AuthFaultMatrixTest {
    private static final String PASSWORD = "auth-fault-matrix-pw-Q7v2";
    private static final String ISSUED_TOKEN = "gAAAAABauth-fault-matrix-issued-token-K3x9";

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1200);
    private static final Duration SESSION_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SESSION_CALL_TIMEOUT = Duration.ofSeconds(6);
    private static final long SLACK_MILLIS = 2_000;
    private static final int STORM_THREADS = 64;

    // The api-ref sample expires at 2015-11-07T02:58:43Z; the sessions' clock stands an hour before.
    private static final Instant NOW = Instant.parse("2015-11-07T01:58:00Z");

    private static final FaultCase.Answer KEYSTONE = new FaultCase.Answer(
            201,
            List.of(
                    "Content-Type: application/json",
                    "X-Subject-Token: " + ISSUED_TOKEN,
                    "X-Openstack-Request-Id: req-auth-fault"),
            Fixtures.read("v3/responses/project-scoped-password.json"),
            "{\"token\": {\"expires_at\": [2015], \"methods\": \"password\", \"catalog\": {\"compute\": 1},"
                    + " \"user\": \"admin\", \"project\": 7}}");

    private static final FaultMatrixReport REPORT =
            new FaultMatrixReport("sdk-identity: the Keystone v3 token request (POST) of a Session");

    static Stream<Arguments> runs() {
        return Stream.of(FaultCase.values())
                .flatMap(c -> Stream.of(FaultTransport.values()).map(t -> Arguments.of(c, t)));
    }

    @BeforeAll
    static void warmUp() {
        // Loads the classes of both transports and the session once, so the first case does not pay for it.
        try (FaultServer keystone = FaultServer.start(FaultCase.WELL_FORMED.script(KEYSTONE))) {
            for (FaultTransport t : FaultTransport.values()) {
                try (HttpTransport transport = t.create();
                        Session session = session(keystone, transport, false)) {
                    assertEquals(ISSUED_TOKEN, session.token().id());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runs")
    void token_adversarialKeystone_typedFailureWithinDeadlineSentOnceWithoutLeakingSecrets(
            FaultCase c, FaultTransport t) {
        try (FaultServer keystone = FaultServer.start(c.script(KEYSTONE));
                HttpTransport transport = t.create();
                Session session = session(keystone, transport, c.needsDeadline());
                LogCapture logs = LogCapture.of("dev.novasdk", Level.DEBUG)) {
            long start = System.nanoTime();
            RuntimeException thrown = authenticate(session);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int requests = keystone.requests();
            REPORT.add(c, t.label(), "POST token", thrown, requests, elapsed);

            String what = c.label() + " on " + t.label();
            if (c.exception() == null) {
                assertNull(thrown, () -> what + ": " + FaultMatrixReport.fullText(thrown));
            } else {
                assertInstanceOf(c.exception(), thrown, () -> what + ": " + FaultMatrixReport.fullText(thrown));
                assertTrue(
                        thrown.getMessage().startsWith("POST " + keystone.uri("/v3/auth/tokens")),
                        () -> what + ": the message must name the method and URL: " + thrown.getMessage());
            }
            if (c.kind() != null) {
                assertEquals(c.kind(), ((TransportException) thrown).kind(), () -> what + ": " + thrown.getMessage());
            }
            int[] range = c.requestRange(false, false);
            assertTrue(
                    requests >= range[0] && requests <= range[1],
                    () -> what + ": Keystone received " + requests + " token requests, expected " + range[0] + ".."
                            + range[1]);
            long limit = (c.needsDeadline() ? CALL_TIMEOUT : SESSION_CALL_TIMEOUT).toMillis();
            assertTrue(
                    elapsed < limit + SLACK_MILLIS,
                    () -> what + ": took " + elapsed + " ms, the call timeout is " + limit + " ms");

            // The password was on the wire, so its absence below means something.
            assertTrue(keystone.received().get(0).bodyText().contains(PASSWORD));
            String exposed = (thrown == null ? "" : FaultMatrixReport.fullText(thrown)) + logs.everything();
            assertTrue(logs.events().size() >= 2, () -> what + ": the DEBUG log captured nothing");
            assertFalse(exposed.contains(PASSWORD), () -> what + ": the password leaked:\n" + exposed);
            assertFalse(exposed.contains(ISSUED_TOKEN), () -> what + ": the issued token leaked:\n" + exposed);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(FaultTransport.class)
    void reauthentication_64ThreadsRefusedTheSameStaleToken_oneTokenRequest(FaultTransport t) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        String revoked = ISSUED_TOKEN + "-1";
        try (FaultServer cloud = keystoneAndService(issued, token -> !revoked.equals(token));
                HttpTransport transport = t.create();
                Session session = session(cloud, transport, false);
                HttpPipeline nova = service(transport, session);
                LogCapture logs = LogCapture.of("dev.novasdk", Level.DEBUG)) {
            assertEquals(revoked, session.token().id());
            long start = System.nanoTime();

            List<Object> outcomes =
                    fromThreads(STORM_THREADS, 1, () -> nova.send(HttpRequest.get(cloud.uri("/v2.1/servers"))));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            REPORT.add(
                    "64-thread re-authentication storm (the cached token is revoked)",
                    t.label(),
                    "64 × GET; token requests",
                    outcomes.stream().allMatch(o -> o instanceof HttpResponse) ? "none (64 × 200)" : "failures",
                    issued.get(),
                    elapsed);
            for (Object o : outcomes) {
                assertInstanceOf(HttpResponse.class, o, () -> FaultMatrixReport.fullText((Throwable) o));
            }
            assertEquals(2, issued.get(), "the initial token and exactly one re-authentication");
            assertNoSecret(logs.everything(), issued.get());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(FaultTransport.class)
    void reauthentication_everyTokenRefused_oneReauthenticationPerBackoffWindow(FaultTransport t) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (FaultServer cloud = keystoneAndService(issued, token -> false);
                HttpTransport transport = t.create();
                Session session = session(cloud, transport, false);
                HttpPipeline nova = service(transport, session);
                LogCapture logs = LogCapture.of("dev.novasdk", Level.DEBUG)) {
            long start = System.nanoTime();

            List<Object> outcomes =
                    fromThreads(STORM_THREADS, 4, () -> nova.send(HttpRequest.get(cloud.uri("/v2.1/servers"))));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int serviceRequests = cloud.requests() - issued.get();
            REPORT.add(
                    "every token refused (64 threads × 4 calls)",
                    t.label(),
                    "256 × GET; token requests",
                    outcomes.stream().allMatch(o -> o instanceof AuthenticationException)
                            ? "AuthenticationException 401 × 256"
                            : "other outcomes",
                    issued.get(),
                    elapsed);
            StringBuilder exposed = new StringBuilder(logs.everything());
            for (Object o : outcomes) {
                assertInstanceOf(AuthenticationException.class, o, () -> String.valueOf(o));
                exposed.append(FaultMatrixReport.fullText((Throwable) o));
            }
            // The pipeline's clock stands still, so no backoff window ends: one re-authentication in all.
            assertEquals(2, issued.get(), "the initial token and one re-authentication");
            assertTrue(
                    serviceRequests <= outcomes.size() + STORM_THREADS,
                    serviceRequests + " service requests for " + outcomes.size() + " calls");
            assertNoSecret(exposed.toString(), issued.get());
        }
    }

    @AfterAll
    static void writeTable() {
        REPORT.write(Path.of("target", "fault-matrix.md"));
    }

    // The slow cases run with tight budgets; the others with looser ones, so a load spike on the build
    // machine cannot turn a fast failure into a deadline.
    private static Session session(FaultServer keystone, HttpTransport transport, boolean tight) {
        return Session.builder()
                .authUrl(keystone.uri("/v3"))
                .auth(KeystoneAuth.password()
                        .username("admin")
                        .userDomainName("Default")
                        .password(PASSWORD)
                        .projectName("admin")
                        .projectDomainName("Default")
                        .build())
                .transport(transport)
                .clock(new Fixtures.MutableClock(NOW))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(FaultCase.MAX_ATTEMPTS)
                        .baseDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(50))
                        .build())
                .attemptTimeout(tight ? ATTEMPT_TIMEOUT : SESSION_ATTEMPT_TIMEOUT)
                .callTimeout(tight ? CALL_TIMEOUT : SESSION_CALL_TIMEOUT)
                .build();
    }

    // Keystone issues ISSUED_TOKEN-1, -2, ...; the compute API answers 200 to the tokens it accepts, else 401.
    private static FaultServer keystoneAndService(AtomicInteger issued, Predicate<String> accepted) {
        String body = Fixtures.read("v3/responses/project-scoped-password.json");
        return FaultServer.start(x -> {
            if (x.request().target().equals("/v3/auth/tokens")) {
                x.respond(
                        201,
                        body,
                        "Content-Type: application/json",
                        "X-Subject-Token: " + ISSUED_TOKEN + "-" + issued.incrementAndGet());
            } else if (accepted.test(x.request().header("X-Auth-Token"))) {
                x.respond(200, "{\"servers\": []}", "Content-Type: application/json");
            } else {
                x.respond(
                        401,
                        "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request"
                                + " you have made requires authentication.\"}}",
                        "Content-Type: application/json");
            }
        });
    }

    // A compute-like client on the session. Its clock stands still, so re-authentication backoff windows
    // never end during a test, and the token requests can be counted exactly.
    private static HttpPipeline service(HttpTransport transport, Session session) {
        return HttpPipeline.builder()
                .transport(transport)
                .tokenProvider(session)
                .retryPolicy(RetryPolicy.none())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    // Runs calls from threads released together; each result is the response or what the call threw.
    private static List<Object> fromThreads(int threads, int callsPerThread, Callable<Object> call)
            throws InterruptedException {
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    for (int c = 0; c < callsPerThread; c++) {
                        try {
                            outcomes.add(call.call());
                        } catch (Exception e) {
                            outcomes.add(e);
                        }
                    }
                } catch (Exception e) {
                    outcomes.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(w.isAlive(), "a caller is still running after 60 s");
        }
        assertEquals(threads * callsPerThread, outcomes.size());
        return outcomes;
    }

    private static void assertNoSecret(String exposed, int tokensIssued) {
        assertFalse(exposed.contains(PASSWORD), () -> "the password leaked:\n" + exposed);
        for (int n = 1; n <= tokensIssued; n++) {
            String token = ISSUED_TOKEN + "-" + n;
            assertFalse(exposed.contains(token), () -> "the issued token " + token + " leaked:\n" + exposed);
        }
    }

    private static RuntimeException authenticate(Session session) {
        try {
            session.token();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
