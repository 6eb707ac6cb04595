package dev.novasdk.micrometer;

import static dev.novasdk.core.observe.ObservedCalls.GET;
import static dev.novasdk.core.observe.ObservedCalls.attempt;
import static dev.novasdk.core.observe.ObservedCalls.ended;
import static dev.novasdk.core.observe.ObservedCalls.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallObservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The observation, key values and counters one call's events become. */
class ObservationCallListenerTest {
    @Test
    void call_becomesOneStoppedObservationWithLowAndHighCardinalityKeyValuesApart() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        CallObservation call = ObservationCallListener.create(registry).callStarted(GET);
        call.attemptStarted(new AttemptStarted(GET, 1));
        call.attemptEnded(attempt(1, 200, Optional.empty(), false));
        call.callEnded(ended(200, "req-last", 1, 0, 0));

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
        call.callEnded(ended(200, "req-last", 3, 1, 1));

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
        call.callEnded(failed("CONNECT_FAILED", 3, 2));
        assertThat(registry)
                .hasObservationWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME)
                .that()
                .hasLowCardinalityKeyValue("status", "NONE")
                .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
                .hasLowCardinalityKeyValue("error.type", "CONNECT_FAILED")
                .doesNotHaveHighCardinalityKeyValueWithKey("request.id")
                .assertThatError()
                .isInstanceOf(CallFailedException.class)
                .hasMessage("servers.get failed: CONNECT_FAILED");
    }

    @Test
    void errorStatus_isTheObservationsError_success_hasNone() {
        TestObservationRegistry ok = TestObservationRegistry.create();
        ObservationCallListener.create(ok).callStarted(GET).callEnded(ended(200, "req-ok", 1, 0, 0));
        TestObservationRegistry missing = TestObservationRegistry.create();
        ObservationCallListener.create(missing).callStarted(GET).callEnded(ended(404, "req-404", 1, 0, 0));

        assertThat(ok)
                .hasObservationWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME)
                .that()
                .doesNotHaveError();
        assertThat(missing)
                .hasObservationWithNameEqualTo(ObservationCallListener.OBSERVATION_NAME)
                .that()
                .hasLowCardinalityKeyValue("error.type", "404")
                .assertThatError()
                .isInstanceOfSatisfying(CallFailedException.class, e -> {
                    assertThat(e).hasMessage("servers.get failed: 404");
                    assertThat(e.operation()).isEqualTo("servers.get");
                    assertThat(e.errorType()).isEqualTo("404");
                    assertThat(e.getStackTrace()).isEmpty();
                });
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
