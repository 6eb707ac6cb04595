package dev.novasdk.opentelemetry;

import dev.novasdk.core.observe.AttemptEnded;
import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.core.observe.CallObservation;
import dev.novasdk.core.observe.CallStarted;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Traces every SDK call with OpenTelemetry. Each call is a span named after the operation
 * ({@code servers.create}, kind {@code INTERNAL}), a child of the context current when the call starts; each
 * attempt, that is each request on the wire (retries and the replay after a re-authentication included), is
 * a {@code CLIENT} child span following the HTTP client semantic conventions: named
 * {@code {method} {url.template}}, with {@code http.request.method}, {@code url.template} (the path template
 * under the service's endpoint: {@code url.full} is left out because paths and queries carry ids and names),
 * {@code server.address}, {@code server.port}, {@code http.response.status_code},
 * {@code http.request.resend_count} from the second attempt on, and {@code error.type} (the status of a 4xx
 * or 5xx, or the transport failure's kind). Both spans carry {@value #REQUEST_ID} (Nova's
 * {@code x-openstack-request-id}, the key to Nova's logs), and the call span {@value #OPERATION},
 * {@value #SERVICE_TYPE}, {@value #MICROVERSION}, {@value #GLOBAL_REQUEST_ID} and {@value #ATTEMPTS}.
 * Retries and re-authentications are events on the call span ({@value #RETRY_EVENT} with the wait,
 * {@value #REAUTHENTICATION_EVENT}).
 *
 * <pre>{@code
 * ComputeClient nova = ComputeClient.builder().session(session)
 *         .addListener(TracingCallListener.builder(openTelemetry).propagateTraceContext(true).build())
 *         .build();
 * }</pre>
 *
 * <p>No span is made current (no thread-local scope), since a call's steps may run on other threads. Trace
 * context is sent to the service only when {@link Builder#propagateTraceContext(boolean)} is on. Thread-safe.
 */
public final class TracingCallListener implements CallListener {
    /** The instrumentation scope name of the tracer. */
    public static final String INSTRUMENTATION_NAME = "dev.novasdk";

    /** Span attribute: the operation, such as {@code servers.create}. */
    public static final String OPERATION = "openstack.operation";

    /** Span attribute: the service type, such as {@code compute}. */
    public static final String SERVICE_TYPE = "openstack.service_type";

    /** Span attribute: Nova's request id of the (last) response. */
    public static final String REQUEST_ID = "openstack.request_id";

    /** Span attribute: the global request id the client sends. */
    public static final String GLOBAL_REQUEST_ID = "openstack.global_request_id";

    /** Span attribute: the microversion the call asks for. */
    public static final String MICROVERSION = "openstack.microversion";

    /** Span attribute: how many attempts the call sent. */
    public static final String ATTEMPTS = "openstack.attempts";

    /** Span event: the attempt that just ended is retried after {@code openstack.retry.delay_ms}. */
    public static final String RETRY_EVENT = "retry";

    /** Span event: the token was refused and renewed; the request is replayed. */
    public static final String REAUTHENTICATION_EVENT = "reauthentication";

    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> OPERATION_KEY = AttributeKey.stringKey(OPERATION);
    private static final AttributeKey<String> SERVICE_TYPE_KEY = AttributeKey.stringKey(SERVICE_TYPE);
    private static final AttributeKey<String> REQUEST_ID_KEY = AttributeKey.stringKey(REQUEST_ID);
    private static final AttributeKey<String> GLOBAL_REQUEST_ID_KEY = AttributeKey.stringKey(GLOBAL_REQUEST_ID);
    private static final AttributeKey<String> MICROVERSION_KEY = AttributeKey.stringKey(MICROVERSION);
    private static final AttributeKey<Long> ATTEMPTS_KEY = AttributeKey.longKey(ATTEMPTS);
    private static final AttributeKey<Long> ATTEMPT_KEY = AttributeKey.longKey("openstack.attempt");
    private static final AttributeKey<Long> DELAY_KEY = AttributeKey.longKey("openstack.retry.delay_ms");

    private final Tracer tracer;
    private final boolean propagate;

    private TracingCallListener(Builder b) {
        this.tracer = b.openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.propagate = b.propagate;
    }

    /** A listener tracing with {@code openTelemetry}, without trace propagation. */
    public static TracingCallListener create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder tracing with {@code openTelemetry}. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public CallObservation callStarted(CallStarted call) {
        Span span = tracer.spanBuilder(call.operation())
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.current())
                .setAttribute(OPERATION_KEY, call.operation())
                .setAttribute(SERVICE_TYPE_KEY, call.serviceType())
                .setAttribute(HTTP_METHOD, call.method().name())
                .setAttribute(URL_TEMPLATE, call.urlTemplate())
                .setAttribute(SERVER_ADDRESS, call.serverAddress())
                .setAttribute(SERVER_PORT, (long) call.serverPort())
                .startSpan();
        call.microversion().ifPresent(v -> span.setAttribute(MICROVERSION_KEY, v));
        call.globalRequestId().ifPresent(id -> span.setAttribute(GLOBAL_REQUEST_ID_KEY, id));
        return new Traced(span, call);
    }

    private final class Traced implements CallObservation {
        private final Span callSpan;
        private final Context callContext;
        private final CallStarted call;
        private Span attemptSpan; // the attempt in flight; the call's steps are sequential

        Traced(Span callSpan, CallStarted call) {
            this.callSpan = callSpan;
            this.callContext = Context.current().with(callSpan);
            this.call = call;
        }

        @Override
        public void attemptStarted(AttemptStarted event) {
            var b = tracer.spanBuilder(call.method().name() + " " + call.urlTemplate())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(callContext)
                    .setAttribute(HTTP_METHOD, call.method().name())
                    .setAttribute(URL_TEMPLATE, call.urlTemplate())
                    .setAttribute(SERVER_ADDRESS, call.serverAddress())
                    .setAttribute(SERVER_PORT, (long) call.serverPort());
            if (event.attempt() > 1) {
                b.setAttribute(RESEND_COUNT, (long) event.attempt() - 1);
            }
            attemptSpan = b.startSpan();
        }

        @Override
        public Map<String, String> headersToSend(AttemptStarted event) {
            if (!propagate || attemptSpan == null) {
                return Map.of();
            }
            Map<String, String> headers = new HashMap<>(4);
            W3CTraceContextPropagator.getInstance()
                    .inject(callContext.with(attemptSpan), headers, (carrier, k, v) -> carrier.put(k, v));
            return headers;
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            Span span = attemptSpan;
            attemptSpan = null;
            if (span != null) {
                event.status().ifPresent(s -> span.setAttribute(STATUS, (long) s));
                event.requestId().ifPresent(id -> span.setAttribute(REQUEST_ID_KEY, id));
                if (event.errorType().isPresent()) {
                    span.setAttribute(ERROR_TYPE, event.errorType().get());
                    span.setStatus(StatusCode.ERROR);
                }
                span.end();
            }
            if (event.retryDelay().isPresent()) {
                callSpan.addEvent(
                        RETRY_EVENT,
                        Attributes.of(
                                ATTEMPT_KEY,
                                (long) event.attempt(),
                                DELAY_KEY,
                                event.retryDelay().get().toMillis()));
            }
            if (event.reauthenticated()) {
                callSpan.addEvent(REAUTHENTICATION_EVENT, Attributes.of(ATTEMPT_KEY, (long) event.attempt()));
            }
        }

        @Override
        public void callEnded(CallEnded event) {
            if (attemptSpan != null) {
                // An attempt that never reported its end (a failure above the wire); never leave a span open.
                attemptSpan.end();
                attemptSpan = null;
            }
            event.status().ifPresent(s -> callSpan.setAttribute(STATUS, (long) s));
            event.requestId().ifPresent(id -> callSpan.setAttribute(REQUEST_ID_KEY, id));
            callSpan.setAttribute(ATTEMPTS_KEY, (long) event.attempts());
            if (event.errorType().isPresent()) {
                callSpan.setAttribute(ERROR_TYPE, event.errorType().get());
                callSpan.setStatus(StatusCode.ERROR);
            }
            callSpan.end();
        }
    }

    /** Mutable builder of {@link TracingCallListener}; not thread-safe. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean propagate;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Whether to send the W3C trace context ({@code traceparent}, and {@code tracestate} when set) of each
         * attempt's span as request headers, so the service's side can join the trace. Off by default: then
         * no trace header leaves the process.
         */
        public Builder propagateTraceContext(boolean enabled) {
            this.propagate = enabled;
            return this;
        }

        /** A new listener. */
        public TracingCallListener build() {
            return new TracingCallListener(this);
        }
    }
}
