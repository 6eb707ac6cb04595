package dev.novasdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.observe.AttemptEnded;
import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallObservation;
import dev.novasdk.core.observe.CallStarted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The observation, key values and counters one call's events become. */
class ObservationCallListenerTest {
    private static final CallStarted GET = new CallStarted(
            "servers.get",
            "compute",
            HttpMethod.GET,
            "/servers/{server_id}",
            "nova.example",
            8774,
            Optional.of("2.79"),
            Optional.of("req-global"));

    private static AttemptEnded attempt(int n, int status, Optional<Duration> retry, boolean reauth) {
        return new AttemptEnded(
                GET,
                n,
                OptionalInt.of(status),
                status >= 400 ? Optional.of(Integer.toString(status)) : Optional.empty(),
                Duration.ofMillis(5),
                Optional.of("req-" + n),
                retry,
                reauth);
    }

    private static CallEnded ended(int status, int attempts, int retries, int reauths) {
        return new CallEnded(
                GET,
                OptionalInt.of(status),
                status >= 400 ? Optional.of(Integer.toString(status)) : Optional.empty(),
                Duration.ofMillis(20),
                Optional.of("req-last"),
                attempts,
                retries,
                reauths);
    }

    @Test
    void call_becomesOneStoppedObservationWithLowAndHighCardinalityKeyValuesApart() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        CallObservation call = ObservationCallListener.create(registry).callStarted(GET);
        call.attemptStarted(new AttemptStarted(GET, 1));
        call.attemptEnded(attempt(1, 200, Optional.empty(), false));
        call.callEnded(ended(200, 1, 0, 0));

        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME, 1)
                .hasObservationWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME)
                .that()
                .hasContextualNameEqualTo("servers.get")
                .hasBeenStarted()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("operation", "servers.get")
                .hasLowCardinalityKeyValue("service", "compute")
                .hasLowCardinalityKeyValue("method", "GET")
                .hasLowCardinalityKeyValue("url.template", "/servers/{server_id}")
                .hasLowCardinalityKeyValue("microversion", "2.79")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("request.id", "req-last")
                .hasHighCardinalityKeyValue("global.request.id", "req-global")
                .doesNotHaveLowCardinalityKeyValueWithKey("request.id");
    }

    @Test
    void retryAndReauthentication_becomeEventsThatTheMeterHandlerCounts() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        CallObservation call = ObservationCallListener.create(registry).callStarted(GET);
        call.attemptEnded(attempt(1, 503, Optional.of(Duration.ofMillis(100)), false));
        call.attemptEnded(attempt(2, 401, Optional.empty(), true));
        call.attemptEnded(attempt(3, 200, Optional.empty(), false));
        call.callEnded(ended(200, 3, 1, 1));

        assertThat(meters.get("novasdk.call.retry")
                        .tag("operation", "servers.get")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("novasdk.call.reauthentication")
                        .tag("service", "compute")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("novasdk.call")
                        .tag("operation", "servers.get")
                        .tag("status", "200")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void failureWithoutResponse_hasStatusNoneAndTheKind() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        CallObservation call = ObservationCallListener.create(registry).callStarted(GET);
        call.callEnded(new CallEnded(
                GET, OptionalInt.empty(), Optional.of("CONNECT_FAILED"), Duration.ZERO, Optional.empty(), 3, 2, 0));
        assertThat(registry)
                .hasObservationWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME)
                .that()
                .hasLowCardinalityKeyValue("status", "NONE")
                .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
                .hasLowCardinalityKeyValue("error.type", "CONNECT_FAILED")
                .doesNotHaveHighCardinalityKeyValueWithKey("request.id");
    }

    @Test
    void propagation_sendsWhatATracingHandlerPutsInTheCarrierOnlyWhenOn() {
        ObservationRegistry registry = ObservationRegistry.create();
        // Stands in for a tracing bridge's propagating handler: it injects on start.
        registry.observationConfig()
                .observationHandler(new io.micrometer.observation.ObservationHandler<CallContext>() {
                    @Override
                    public void onStart(CallContext context) {
                        context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
                    }

                    @Override
                    public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                        return context instanceof CallContext;
                    }
                });
        CallObservation on = ObservationCallListener.builder(registry)
                .propagateTraceContext(true)
                .build()
                .callStarted(GET);
        CallObservation off = ObservationCallListener.create(registry).callStarted(GET);
        AttemptStarted first = new AttemptStarted(GET, 1);
        assertThat(on.headersToSend(first)).isEqualTo(Map.of("traceparent", "00-trace-span-01"));
        assertThat(off.headersToSend(first)).isEmpty();
    }

    @Test
    void noopRegistry_observesNothing() {
        assertThat(ObservationCallListener.create(ObservationRegistry.NOOP).callStarted(GET))
                .isSameAs(CallObservation.NONE);
    }
}
