package dev.novasdk.opentelemetry;

import static dev.novasdk.core.observe.ObservedCalls.GET;
import static dev.novasdk.core.observe.ObservedCalls.attempt;
import static dev.novasdk.core.observe.ObservedCalls.ended;
import static dev.novasdk.core.observe.ObservedCalls.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallObservation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans, attributes and events one call's events become. */
class TracingCallListenerTest {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();

    @AfterEach
    void close() {
        otel.close();
    }

    @Test
    void retriedCall_isACallSpanWithOneClientSpanPerAttemptAndARetryEvent() {
        CallObservation call = TracingCallListener.create(otel).callStarted(GET);
        call.attemptStarted(new AttemptStarted(GET, 1));
        call.attemptEnded(attempt(1, 503, Optional.of(Duration.ofMillis(250)), false));
        call.attemptStarted(new AttemptStarted(GET, 2));
        call.attemptEnded(attempt(2, 200, Optional.empty(), false));
        call.callEnded(ended(200, "req-2", 2, 1, 0));

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(3, spans.size());
        SpanData callSpan = spans.get(2);
        assertEquals("servers.get", callSpan.getName());
        assertEquals(SpanKind.INTERNAL, callSpan.getKind());
        assertEquals("req-2", callSpan.getAttributes().get(AttributeKey.stringKey("openstack.request_id")));
        assertEquals("2.79", callSpan.getAttributes().get(AttributeKey.stringKey("openstack.microversion")));
        assertEquals(1, callSpan.getEvents().size());
        assertEquals("retry", callSpan.getEvents().get(0).getName());
        assertEquals(
                250L,
                callSpan.getEvents().get(0).getAttributes().get(AttributeKey.longKey("openstack.retry.delay_ms")));

        SpanData first = spans.get(0);
        assertEquals("GET /servers/{server_id}", first.getName());
        assertEquals(SpanKind.CLIENT, first.getKind());
        assertEquals(callSpan.getSpanId(), first.getParentSpanId());
        assertEquals("GET", first.getAttributes().get(AttributeKey.stringKey("http.request.method")));
        assertEquals("/servers/{server_id}", first.getAttributes().get(AttributeKey.stringKey("url.template")));
        assertEquals("nova.example", first.getAttributes().get(AttributeKey.stringKey("server.address")));
        assertEquals(8774L, first.getAttributes().get(AttributeKey.longKey("server.port")));
        assertEquals(503L, first.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals("503", first.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
        assertEquals("req-1", first.getAttributes().get(AttributeKey.stringKey("openstack.request_id")));
        assertEquals(null, first.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
        SpanData second = spans.get(1);
        assertEquals(1L, second.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
        assertEquals(StatusCode.UNSET, second.getStatus().getStatusCode());
    }

    @Test
    void reauthentication_isAnEventOnTheCallSpan() {
        CallObservation call = TracingCallListener.create(otel).callStarted(GET);
        call.attemptStarted(new AttemptStarted(GET, 1));
        call.attemptEnded(attempt(1, 401, Optional.empty(), true));
        call.attemptStarted(new AttemptStarted(GET, 2));
        call.attemptEnded(attempt(2, 200, Optional.empty(), false));
        call.callEnded(ended(200, "req-2", 2, 0, 1));
        SpanData callSpan = exporter.getFinishedSpanItems().get(2);
        assertEquals("reauthentication", callSpan.getEvents().get(0).getName());
    }

    @Test
    void failedCall_hasErrorTypeAndErrorStatus() {
        CallObservation call = TracingCallListener.create(otel).callStarted(GET);
        call.callEnded(failed("CONNECT_FAILED", 1, 0));
        SpanData callSpan = exporter.getFinishedSpanItems().get(0);
        assertEquals("CONNECT_FAILED", callSpan.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(StatusCode.ERROR, callSpan.getStatus().getStatusCode());
    }

    @Test
    void traceparent_isTheAttemptSpansAndOnlySentWhenTurnedOn() {
        AttemptStarted first = new AttemptStarted(GET, 1);
        CallObservation off = TracingCallListener.create(otel).callStarted(GET);
        off.attemptStarted(first);
        assertEquals(Map.of(), off.headersToSend(first));

        CallObservation on = TracingCallListener.builder(otel)
                .propagateTraceContext(true)
                .build()
                .callStarted(GET);
        on.attemptStarted(first);
        String traceparent = on.headersToSend(first).get("traceparent");
        on.attemptEnded(attempt(1, 200, Optional.empty(), false));
        SpanData attemptSpan = exporter.getFinishedSpanItems().get(0);
        assertTrue(
                // The flags byte is left to the SDK (sampled, and random-trace-id in newer versions).
                traceparent.startsWith("00-" + attemptSpan.getTraceId() + "-" + attemptSpan.getSpanId() + "-"),
                traceparent);
    }
}
