package dev.novasdk.micrometer;

import dev.novasdk.core.observe.AttemptEnded;
import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.core.observe.CallObservation;
import dev.novasdk.core.observe.CallStarted;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;

/**
 * Observes every SDK call as one Micrometer {@link Observation} named {@value #OBSERVATION_NAME}, with the
 * operation ({@code servers.create}) as its contextual name (the span name under a tracing bridge).
 *
 * <pre>{@code
 * ComputeClient nova = ComputeClient.builder().session(session)
 *         .addListener(ObservationCallListener.create(observationRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Low-cardinality key values (metric tags), set on every observation so every series has the same keys:
 * {@code operation}, {@code service}, {@code method}, {@code url.template} (no ids), {@code microversion}
 * ({@code none} when the call asks for none), {@code status} ({@code NONE} without a response),
 * {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION},
 * {@code UNKNOWN}) and {@code error.type} ({@code none}, the status, or the transport failure's kind such as
 * {@code CONNECT_FAILED}). High-cardinality key values (span attributes only, never tags):
 * {@code request.id} (Nova's {@code x-openstack-request-id}, to find the call in Nova's logs),
 * {@code global.request.id}, {@code server.address} and {@code attempts}. A failed call (a status of 400 or
 * more, or no response) also gets a {@link CallFailedException} as the observation's error, which a tracing
 * handler records on the span and marks it failed by.
 *
 * <p>Retries and re-authentications are observation events, {@value #RETRY_EVENT} and
 * {@value #REAUTHENTICATION_EVENT}: Micrometer's {@code DefaultMeterObservationHandler} counts each event as
 * a counter named {@code novasdk.call.retry} / {@code novasdk.call.reauthentication} with the call's
 * operation, service, method and URL template as tags, and a tracing handler records them on the span. One
 * registration thus yields both the counters and the trace annotations, and the adapter needs nothing but
 * the Observation API.
 *
 * <p>Observations are not opened as the current one (no thread-local scope): a call's steps may run on
 * other threads. The parent is the registry's current observation when the call starts. Thread-safe.
 */
public final class ObservationCallListener implements CallListener {
    /** The name of every call's observation, and so of its timer. */
    public static final String OBSERVATION_NAME = "novasdk.call";

    /** The event of a retry: the attempt that just ended will be sent again after a wait. */
    public static final String RETRY_EVENT = "retry";

    /** The event of a re-authentication: the service refused the token, the token was renewed, a replay follows. */
    public static final String REAUTHENTICATION_EVENT = "reauthentication";

    private static final Observation.Event RETRY = Observation.Event.of(RETRY_EVENT, "retry after a failed attempt");
    private static final Observation.Event REAUTHENTICATION =
            Observation.Event.of(REAUTHENTICATION_EVENT, "token refused (401), renewed; request replayed");

    private final ObservationRegistry registry;
    private final boolean propagate;

    private ObservationCallListener(Builder b) {
        this.registry = b.registry;
        this.propagate = b.propagate;
    }

    /** A listener observing into {@code registry}, without trace propagation. */
    public static ObservationCallListener create(ObservationRegistry registry) {
        return builder(registry).build();
    }

    /** A builder observing into {@code registry}. */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public CallObservation callStarted(CallStarted call) {
        if (registry.isNoop()) {
            return CallObservation.NONE;
        }
        CallContext context = new CallContext(call, propagate);
        Observation observation = Observation.createNotStarted(OBSERVATION_NAME, () -> context, registry)
                .contextualName(call.operation())
                .lowCardinalityKeyValue("operation", call.operation())
                .lowCardinalityKeyValue("service", call.serviceType())
                .lowCardinalityKeyValue("method", call.method().name())
                .lowCardinalityKeyValue("url.template", call.urlTemplate())
                .lowCardinalityKeyValue("microversion", call.microversion().orElse("none"))
                .highCardinalityKeyValue("server.address", call.serverAddress());
        call.globalRequestId().ifPresent(id -> observation.highCardinalityKeyValue("global.request.id", id));
        observation.start();
        return new Observed(observation, context);
    }

    private static final class Observed implements CallObservation {
        private final Observation observation;
        private final CallContext context;

        Observed(Observation observation, CallContext context) {
            this.observation = observation;
            this.context = context;
        }

        @Override
        public Map<String, String> headersToSend(AttemptStarted event) {
            Map<String, String> carrier = context.getCarrier();
            return carrier == null || carrier.isEmpty() ? Map.of() : Map.copyOf(carrier);
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            if (event.retryDelay().isPresent()) {
                observation.event(RETRY);
            }
            if (event.reauthenticated()) {
                observation.event(REAUTHENTICATION);
            }
        }

        @Override
        public void callEnded(CallEnded event) {
            context.setResponse(event);
            observation
                    .lowCardinalityKeyValue(
                            "status",
                            event.status().isPresent()
                                    ? Integer.toString(event.status().getAsInt())
                                    : "NONE")
                    .lowCardinalityKeyValue("outcome", event.outcome())
                    .lowCardinalityKeyValue("error.type", event.errorType().orElse("none"))
                    .highCardinalityKeyValue("attempts", Integer.toString(event.attempts()));
            event.requestId().ifPresent(id -> observation.highCardinalityKeyValue("request.id", id));
            event.errorType()
                    .ifPresent(type -> observation.error(
                            new CallFailedException(event.call().operation(), type)));
            observation.stop();
        }
    }

    /** Mutable builder of {@link ObservationCallListener}; not thread-safe. */
    public static final class Builder {
        private final ObservationRegistry registry;
        private boolean propagate;

        private Builder(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Whether to send the trace context a tracing handler puts on the observation (W3C
         * {@code traceparent}, with the OpenTelemetry or Brave bridge) as request headers on every attempt,
         * so Nova's side of the call joins the trace. Off by default: the headers then never leave the
         * process.
         */
        public Builder propagateTraceContext(boolean enabled) {
            this.propagate = enabled;
            return this;
        }

        /** A new listener. */
        public ObservationCallListener build() {
            return new ObservationCallListener(this);
        }
    }
}
