package dev.novasdk.testkit;

import dev.novasdk.core.observe.CallListener;
import dev.novasdk.micrometer.ObservationCallListener;
import dev.novasdk.opentelemetry.TracingCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the observability tests read: Micrometer's {@link TestObservationRegistry} (with the meter handler, so
 * events become counters) and an OpenTelemetry SDK exporting to memory, and the two listeners on them.
 */
public final class Telemetry implements AutoCloseable {
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel;

    /** Fresh registries and exporter. */
    public Telemetry() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build())
                .build();
    }

    /** The Micrometer listener. */
    public CallListener micrometer() {
        return ObservationCallListener.create(observations);
    }

    /** The OpenTelemetry listener, propagating {@code traceparent}. */
    public CallListener openTelemetry() {
        return TracingCallListener.builder(otel).propagateTraceContext(true).build();
    }

    /** The registry, for Micrometer's assertions. */
    public TestObservationRegistry observations() {
        return observations;
    }

    /** The stopped observations of {@code operation}, in the order they were handled. */
    public List<Observation.Context> observations(String operation) {
        List<Observation.Context> out = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(all -> all.stream()
                .filter(c -> c.getLowCardinalityKeyValue("operation") != null
                        && operation.equals(
                                c.getLowCardinalityKeyValue("operation").getValue()))
                .forEach(out::add));
        return out;
    }

    /** A low-cardinality key value of {@code context}, or null. */
    public static String low(Observation.Context context, String key) {
        return context.getLowCardinalityKeyValue(key) == null
                ? null
                : context.getLowCardinalityKeyValue(key).getValue();
    }

    /** A high-cardinality key value of {@code context}, or null. */
    public static String high(Observation.Context context, String key) {
        return context.getHighCardinalityKeyValue(key) == null
                ? null
                : context.getHighCardinalityKeyValue(key).getValue();
    }

    /** How often {@code event} ({@code retry}, {@code reauthentication}) was counted for {@code operation}. */
    public double eventCount(String event, String operation) {
        Counter c = meters.find(ObservationCallListener.OBSERVATION_NAME + "." + event)
                .tag("operation", operation)
                .counter();
        return c == null ? 0 : c.count();
    }

    /** How many calls of {@code operation} the timer recorded. */
    public long timerCount(String operation) {
        Timer t = meters.find(ObservationCallListener.OBSERVATION_NAME)
                .tag("operation", operation)
                .timer();
        return t == null ? 0 : t.count();
    }

    /** The finished call spans named {@code operation}. */
    public List<SpanData> callSpans(String operation) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(operation))
                .collect(Collectors.toList());
    }

    /** The finished children of {@code parent} (its attempts), in the order they finished. */
    public List<SpanData> children(SpanData parent) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
                .collect(Collectors.toList());
    }

    /** A string attribute of {@code span}, or null. */
    public static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    /** A long attribute of {@code span}, or null. */
    public static Long longAttribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.longKey(key));
    }

    @Override
    public void close() {
        otel.close();
    }
}
