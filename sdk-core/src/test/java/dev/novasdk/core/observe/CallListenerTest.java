package dev.novasdk.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.HttpPipeline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The events the blocking pipeline emits for calls, attempts, retries and re-authentications. */
class CallListenerTest {
    private static final URI SERVER = URI.create("https://nova.example:8774/v2.1/servers/abc");
    private static final OperationInfo GET = new OperationInfo("servers.get", "compute", "/servers/{server_id}");

    private final List<Object> events = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    private final CallListener recorder = call -> {
        events.add(call);
        return new CallObservation() {
            @Override
            public void attemptStarted(AttemptStarted event) {
                events.add(event);
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                events.add(event);
            }

            @Override
            public void callEnded(CallEnded event) {
                events.add(event);
            }
        };
    };

    private HttpPipeline.Builder pipeline(HttpTransport transport) {
        return HttpPipeline.builder()
                .transport(transport)
                .logging(false)
                .sleeper(sleeps::add)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                .addListener(recorder);
    }

    private static HttpRequest get() {
        return HttpRequest.builder(HttpMethod.GET, SERVER)
                .attribute(OperationInfo.ATTRIBUTE, GET)
                .attribute(MicroversionFilter.MICROVERSION, Microversion.of(2, 79))
                .build();
    }

    private static HttpResponse status(int status, String requestId) {
        return HttpResponse.of(status, "", Headers.of("X-Openstack-Request-Id", requestId), new byte[0]);
    }

    @Test
    void send_success_emitsStartAttemptAndEndWithRequestIdAndDescription() {
        try (HttpPipeline p = pipeline(r -> status(200, "req-1"))
                .globalRequestId("req-3fa85f64-5717-4562-b3fc-2c963f66afa6")
                .build()) {
            p.send(get());
        }
        assertEquals(4, events.size(), events.toString());
        CallStarted started = (CallStarted) events.get(0);
        assertEquals("servers.get", started.operation());
        assertEquals("compute", started.serviceType());
        assertEquals(HttpMethod.GET, started.method());
        assertEquals("/servers/{server_id}", started.urlTemplate());
        assertEquals("nova.example", started.serverAddress());
        assertEquals(8774, started.serverPort());
        assertEquals(Optional.of("2.79"), started.microversion());
        assertEquals(Optional.of("req-3fa85f64-5717-4562-b3fc-2c963f66afa6"), started.globalRequestId());
        assertEquals(new AttemptStarted(started, 1), events.get(1));
        AttemptEnded attempt = (AttemptEnded) events.get(2);
        assertEquals(OptionalInt.of(200), attempt.status());
        assertEquals(Optional.of("req-1"), attempt.requestId());
        assertEquals(Optional.empty(), attempt.retryDelay());
        assertEquals(Optional.empty(), attempt.errorType());
        CallEnded ended = (CallEnded) events.get(3);
        assertEquals(OptionalInt.of(200), ended.status());
        assertEquals(Optional.of("req-1"), ended.requestId());
        assertEquals("SUCCESS", ended.outcome());
        assertEquals(1, ended.attempts());
        assertEquals(0, ended.retries());
    }

    @Test
    void send_503Then200_attemptEndSaysRetryFollowsWithItsDelay() {
        AtomicInteger n = new AtomicInteger();
        try (HttpPipeline p = pipeline(r -> n.getAndIncrement() == 0 ? status(503, "req-a") : status(200, "req-b"))
                .build()) {
            p.send(get());
        }
        List<AttemptEnded> attempts = ofType(AttemptEnded.class);
        assertEquals(2, attempts.size());
        assertEquals(OptionalInt.of(503), attempts.get(0).status());
        assertEquals(Optional.of("503"), attempts.get(0).errorType());
        assertEquals(Optional.of(sleeps.get(0)), attempts.get(0).retryDelay());
        assertEquals(Optional.of("req-a"), attempts.get(0).requestId());
        assertEquals(2, attempts.get(1).attempt());
        assertEquals(Optional.empty(), attempts.get(1).retryDelay());
        CallEnded ended = ofType(CallEnded.class).get(0);
        assertEquals(2, ended.attempts());
        assertEquals(1, ended.retries());
        assertEquals(Optional.of("req-b"), ended.requestId());
    }

    @Test
    void send_401WithRenewableToken_replayIsAnAttemptAfterAReauthentication() {
        TokenProvider tokens = new TokenProvider() {
            private AuthToken current = AuthToken.of("old", null);

            @Override
            public AuthToken token() {
                return current;
            }

            @Override
            public AuthToken refresh(AuthToken stale) {
                current = AuthToken.of("new", null);
                return current;
            }
        };
        HttpTransport transport =
                r -> r.headers().firstValue("X-Auth-Token").orElse("").equals("old")
                        ? status(401, "req-401")
                        : status(200, "req-ok");
        try (HttpPipeline p = pipeline(transport).tokenProvider(tokens).build()) {
            p.send(get());
        }
        List<AttemptEnded> attempts = ofType(AttemptEnded.class);
        assertEquals(2, attempts.size());
        assertTrue(attempts.get(0).reauthenticated());
        assertEquals(Optional.of("401"), attempts.get(0).errorType());
        assertFalse(attempts.get(1).reauthenticated());
        CallEnded ended = ofType(CallEnded.class).get(0);
        assertEquals(1, ended.reauthentications());
        assertEquals(0, ended.retries());
        assertEquals(2, ended.attempts());
    }

    @Test
    void send_404_callEndsWithStatusBeforeTheException() {
        try (HttpPipeline p = pipeline(r -> status(404, "req-404")).build()) {
            assertThrows(NotFoundException.class, () -> p.send(get()));
        }
        CallEnded ended = ofType(CallEnded.class).get(0);
        assertEquals(OptionalInt.of(404), ended.status());
        assertEquals(Optional.of("404"), ended.errorType());
        assertEquals("CLIENT_ERROR", ended.outcome());
    }

    @Test
    void send_connectionRefusedEveryTime_callEndsWithTheKindAndNoStatus() {
        HttpTransport refused = r -> {
            throw new ConnectException("refused");
        };
        try (HttpPipeline p = pipeline(refused).build()) {
            assertThrows(TransportException.class, () -> p.send(get()));
        }
        assertEquals(3, ofType(AttemptStarted.class).size());
        CallEnded ended = ofType(CallEnded.class).get(0);
        assertEquals(OptionalInt.empty(), ended.status());
        assertEquals(Optional.of("CONNECT_FAILED"), ended.errorType());
        assertEquals("UNKNOWN", ended.outcome());
        assertEquals(2, ended.retries());
    }

    @Test
    void send_requestWithoutOperationInfo_isObservedAsUnknown() {
        try (HttpPipeline p = pipeline(r -> status(200, "req-1")).build()) {
            p.send(HttpRequest.get(SERVER));
        }
        CallStarted started = (CallStarted) events.get(0);
        assertEquals("unknown", started.operation());
        assertEquals("unknown", started.urlTemplate());
        assertEquals(Optional.empty(), started.microversion());
    }

    @Test
    void send_listenerAddsHeaders_theyAreSentOnEveryAttempt() {
        List<HttpRequest> sent = new ArrayList<>();
        CallListener propagating = call -> new CallObservation() {
            @Override
            public Map<String, String> headersToSend(AttemptStarted event) {
                return Map.of("traceparent", "attempt-" + event.attempt());
            }
        };
        AtomicInteger n = new AtomicInteger();
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(r -> {
                    sent.add(r);
                    return status(n.getAndIncrement() == 0 ? 503 : 200, "req");
                })
                .logging(false)
                .sleeper(sleeps::add)
                .addListener(propagating)
                .build()) {
            p.send(get());
        }
        assertEquals(Optional.of("attempt-1"), sent.get(0).headers().firstValue("traceparent"));
        assertEquals(Optional.of("attempt-2"), sent.get(1).headers().firstValue("traceparent"));
    }

    @Test
    void send_listenerThrows_callStillSucceedsAndOtherListenersAreTold() {
        CallListener broken = call -> {
            throw new IllegalStateException("listener bug");
        };
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(r -> status(200, "req-1"))
                .logging(false)
                .addListener(broken)
                .addListener(recorder)
                .build()) {
            assertEquals(200, p.send(get()).statusCode());
        }
        assertEquals(1, ofType(CallEnded.class).size());
    }

    @Test
    void onCallEnded_receivesOnlyTheEnd() {
        List<CallEnded> ends = new ArrayList<>();
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(r -> status(200, "req-1"))
                .logging(false)
                .addListener(CallListener.onCallEnded(ends::add))
                .build()) {
            p.send(get());
            p.send(get());
        }
        assertEquals(2, ends.size());
        assertEquals("servers.get", ends.get(0).call().operation());
    }

    @Test
    void pipelineWithoutListeners_isNotObservedAndSendsNoExtraAttribute() throws IOException {
        List<HttpRequest> sent = new ArrayList<>();
        try (HttpPipeline p = HttpPipeline.builder()
                .transport(r -> {
                    sent.add(r);
                    return status(200, "req");
                })
                .logging(false)
                .build()) {
            assertFalse(p.observed());
            p.send(get());
        }
        assertEquals(Optional.empty(), sent.get(0).attribute(dev.novasdk.core.internal.CallObserver.CALL));
    }

    private <T> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
