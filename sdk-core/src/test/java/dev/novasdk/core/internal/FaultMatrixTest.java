package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.LogCapture;
import dev.novasdk.core.filter.RetryFilter;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.FaultCase;
import dev.novasdk.core.http.FaultMatrixReport;
import dev.novasdk.core.http.FaultServer;
import dev.novasdk.core.http.FaultTransport;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix for service calls: every {@link FaultCase} on both transports, for a create (POST) and a
 * read (GET), through the whole pipeline (authentication, retries, logging, error mapping and decoding). For
 * each run it checks the exception type and kind, that the exception names the method and URL, how many
 * requests reached the server (a create exactly once unless the server explicitly refused it), that the call
 * ended within its time budget, and that neither the token nor the password in the request appears in the
 * exception or the captured DEBUG log. The table of all runs is written to {@code target/fault-matrix.md}.
 */
class FaultMatrixTest {
    private static final String TOKEN = "gAAAAABfault-matrix-token-7dKq2Lw9";
    private static final String PASSWORD = "fault-matrix-adminPass-Zx81";

    // The slow cases run with tight budgets, set per request; the others with the client's looser ones, so a
    // load spike on the build machine cannot turn a fast failure into a deadline.
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1200);
    private static final Duration CLIENT_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofSeconds(6);
    /** For a loaded two-core machine; only upper bounds on time are asserted. */
    private static final long SLACK_MILLIS = 2_000;

    private static final RetryPolicy RETRIES = RetryPolicy.builder()
            .maxAttempts(FaultCase.MAX_ATTEMPTS)
            .baseDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50))
            .build();

    private static final FaultCase.Answer NOVA = new FaultCase.Answer(
            200,
            List.of("Content-Type: application/json", "X-Openstack-Request-Id: req-fault-matrix"),
            "{\"server\": {\"id\": \"4f1c\", \"status\": \"ACTIVE\", \"name\": \"fault-vm\","
                    + " \"created\": \"2024-05-01T12:00:00Z\", \"metadata\": {}}}",
            "{\"server\": {\"id\": [\"4f1c\"], \"status\": 7, \"name\": {\"n\": 1},"
                    + " \"created\": true, \"metadata\": \"none\"}}");

    private static final FaultMatrixReport REPORT =
            new FaultMatrixReport("sdk-core: a create (POST) and a read (GET) through HttpPipeline");

    static Stream<Arguments> runs() {
        return Stream.of(FaultCase.values()).flatMap(c -> Stream.of(FaultTransport.values())
                .flatMap(t -> Stream.of(HttpMethod.POST, HttpMethod.GET).map(m -> Arguments.of(c, t, m))));
    }

    @ParameterizedTest(name = "{0} on {1}, {2}")
    @MethodSource("runs")
    void call_adversarialServer_typedFailureWithinDeadlineSentOnceWithoutLeakingSecrets(
            FaultCase c, FaultTransport t, HttpMethod method) {
        try (FaultServer server = FaultServer.start(c.script(NOVA));
                HttpTransport transport = t.create();
                HttpPipeline pipeline = HttpPipeline.builder()
                        .transport(transport)
                        .tokenProvider(TokenProvider.of(AuthToken.of(TOKEN, null)))
                        .retryPolicy(RETRIES)
                        .attemptTimeout(CLIENT_ATTEMPT_TIMEOUT)
                        .callTimeout(CLIENT_CALL_TIMEOUT)
                        .build();
                LogCapture logs = LogCapture.of("dev.novasdk", Level.DEBUG)) {
            HttpRequest request = request(method, server);
            Duration budget = CLIENT_CALL_TIMEOUT;
            if (c.needsDeadline()) {
                request = request.withAttribute(RetryFilter.ATTEMPT_TIMEOUT, ATTEMPT_TIMEOUT)
                        .withAttribute(RetryFilter.CALL_TIMEOUT, CALL_TIMEOUT);
                budget = CALL_TIMEOUT;
            }
            long start = System.nanoTime();
            RuntimeException thrown = call(pipeline, request);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int requests = server.requests();
            REPORT.add(c, t.label(), method.name(), thrown, requests, elapsed);

            String what = c.label() + " on " + t.label() + ", " + method;
            if (c.exception() == null) {
                assertNull(thrown, () -> what + ": " + FaultMatrixReport.fullText(thrown));
            } else {
                assertInstanceOf(c.exception(), thrown, () -> what + ": " + FaultMatrixReport.fullText(thrown));
                assertTrue(
                        thrown.getMessage().startsWith(method + " " + server.uri("/v2.1/servers")),
                        () -> what + ": the message must name the method and URL: " + thrown.getMessage());
            }
            if (c.kind() != null) {
                assertEquals(c.kind(), ((TransportException) thrown).kind(), () -> what + ": " + thrown.getMessage());
            }
            int[] range = c.requestRange(method.isIdempotent(), t.resendsGetBrokenBeforeFirstByte());
            assertTrue(
                    requests >= range[0] && requests <= range[1],
                    () -> what + ": the server received " + requests + " requests, expected " + range[0] + ".."
                            + range[1]);
            long limit = budget.toMillis();
            assertTrue(
                    elapsed < limit + SLACK_MILLIS,
                    () -> what + ": took " + elapsed + " ms, the call timeout is " + limit + " ms");

            // The secrets were on the wire, so their absence below means something.
            FaultServer.Received first = server.received().get(0);
            assertEquals(TOKEN, first.header("X-Auth-Token"));
            if (method == HttpMethod.POST) {
                assertTrue(first.bodyText().contains(PASSWORD));
            }
            String exposed = (thrown == null ? "" : FaultMatrixReport.fullText(thrown)) + logs.everything();
            assertTrue(logs.events().size() >= 2, () -> what + ": the DEBUG log captured nothing");
            assertFalse(exposed.contains(TOKEN), () -> what + ": the token leaked:\n" + exposed);
            assertFalse(exposed.contains(PASSWORD), () -> what + ": the password leaked:\n" + exposed);
        }
    }

    @BeforeAll
    static void warmUp() {
        // Loads the classes of both transports and the pipeline once, so the first case does not pay for it.
        try (FaultServer server = FaultServer.start(FaultCase.WELL_FORMED.script(NOVA))) {
            for (FaultTransport t : FaultTransport.values()) {
                try (HttpTransport transport = t.create();
                        HttpPipeline pipeline =
                                HttpPipeline.builder().transport(transport).build()) {
                    assertNull(call(pipeline, request(HttpMethod.POST, server)));
                }
            }
        }
    }

    @AfterAll
    static void writeTable() {
        REPORT.write(Path.of("target", "fault-matrix.md"));
    }

    // What the call threw, or null: the send and the decoding of the answer, as a service manager does them.
    private static RuntimeException call(HttpPipeline pipeline, HttpRequest request) {
        try {
            HttpResponse response = pipeline.send(request);
            JsonCodec.create().decode(request, response, "server", SampleServer.class);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static HttpRequest request(HttpMethod method, FaultServer server) {
        if (method == HttpMethod.GET) {
            return HttpRequest.get(server.uri("/v2.1/servers/4f1c"));
        }
        return HttpRequest.builder(HttpMethod.POST, server.uri("/v2.1/servers"))
                .body(RequestBody.json("{\"server\": {\"name\": \"fault-vm\", \"imageRef\": \"70a599e0\","
                        + " \"flavorRef\": \"1\", \"adminPass\": \"" + PASSWORD + "\"}}"))
                .build();
    }
}
