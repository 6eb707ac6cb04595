package dev.novasdk.core.internal;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.AsyncFilter;
import dev.novasdk.core.filter.Filter;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestAttribute;
import dev.novasdk.core.observe.AttemptEnded;
import dev.novasdk.core.observe.AttemptStarted;
import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.core.observe.CallObservation;
import dev.novasdk.core.observe.CallStarted;
import dev.novasdk.core.observe.OperationInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the steps of a call into {@link CallListener} events: the one place that builds them, for the
 * blocking pipeline and any other that runs calls. A pipeline has one when at least one listener is
 * registered and none otherwise, so a client without listeners allocates nothing for observation.
 *
 * <p>The steps of one call, in order: {@link #callStarted} (once, before anything is sent; put the returned
 * {@link Call} on the request with {@link Call#attach}), then for each request sent on the wire
 * {@link Call#attemptStarted} and {@link Call#attemptEnded}, between attempts {@link Call#retrying} or
 * {@link Call#reauthenticated} (the filters that decide call the static forms with the request), and last
 * {@link Call#callEnded} (once, whatever happened). An attempt's end event is held until what follows it is
 * known, so it can say whether a retry or a re-authentication follows. Not API.
 */
public final class CallObserver {
    /** The call a request belongs to, set by {@link Call#attach}. */
    public static final RequestAttribute<Call> CALL = RequestAttribute.of("observedCall", Call.class);

    private static final Logger LOG = LoggerFactory.getLogger("dev.novasdk.observe");

    private final CallListener[] listeners;
    private final Optional<String> globalRequestId;
    private final LongSupplier nanoTime;

    private CallObserver(List<CallListener> listeners, String globalRequestId, LongSupplier nanoTime) {
        this.listeners = listeners.toArray(new CallListener[0]);
        this.globalRequestId = Optional.ofNullable(globalRequestId);
        this.nanoTime = nanoTime;
    }

    /**
     * An observer for {@code listeners}, or null when there are none: callers check for null once per call
     * and skip observation entirely.
     *
     * @param globalRequestId the {@code X-OpenStack-Request-ID} the client sends, or null
     */
    public static CallObserver of(List<CallListener> listeners, String globalRequestId, LongSupplier nanoTime) {
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(nanoTime, "nanoTime");
        return listeners.isEmpty() ? null : new CallObserver(List.copyOf(listeners), globalRequestId, nanoTime);
    }

    /** Tells the listeners a call of {@code request} starts; returns the call, to {@link Call#attach}. */
    public Call callStarted(HttpRequest request) {
        OperationInfo op = request.attribute(OperationInfo.ATTRIBUTE).orElse(OperationInfo.UNKNOWN);
        URI uri = request.uri();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        CallStarted started = new CallStarted(
                op.name(),
                op.serviceType(),
                request.method(),
                op.urlTemplate(),
                uri.getHost() == null ? "" : uri.getHost(),
                port,
                request.attribute(MicroversionFilter.MICROVERSION).map(Microversion::toString),
                globalRequestId);
        CallObservation[] observations = new CallObservation[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
            CallObservation o = null;
            try {
                o = listeners[i].callStarted(started);
            } catch (RuntimeException e) {
                failed(listeners[i], e);
            }
            observations[i] = o == null ? CallObservation.NONE : o;
        }
        return new Call(started, observations, nanoTime);
    }

    /**
     * The per-attempt filter of the blocking pipeline: wraps each request sent on the wire in
     * {@link Call#attemptStarted}/{@link Call#attemptEnded}. It must sit below authentication, so a replay
     * after a re-authentication is an attempt of its own.
     */
    public static Filter attemptFilter() {
        return (request, next) -> {
            Call call = request.attribute(CALL).orElse(null);
            if (call == null) {
                return next.proceed(request);
            }
            HttpRequest sent = call.attemptStarted(request);
            HttpResponse response;
            try {
                response = next.proceed(sent);
            } catch (IOException | RuntimeException e) {
                call.attemptEnded(null, e);
                throw e;
            }
            call.attemptEnded(response, null);
            return response;
        };
    }

    /**
     * The async pipeline's per-attempt filter: as {@link #attemptFilter()}, the attempt ending when its future
     * completes.
     */
    public static AsyncFilter asyncAttemptFilter() {
        return (request, next) -> {
            Call call = request.attribute(CALL).orElse(null);
            if (call == null) {
                return next.proceedAsync(request);
            }
            HttpRequest sent = call.attemptStarted(request);
            CompletableFuture<HttpResponse> response;
            try {
                response = next.proceedAsync(sent);
            } catch (RuntimeException e) {
                call.attemptEnded(null, e);
                throw e;
            }
            // The caller's cancel must still reach the transport's future below.
            return AsyncHttpPipeline.cancelling(
                    response.whenComplete((r, e) -> call.attemptEnded(r, e == null ? null : Futures.unwrap(e))),
                    response);
        };
    }

    /** {@link Call#retrying} for the call {@code request} belongs to, if it is observed. */
    public static void retrying(HttpRequest request, Duration delay) {
        Optional<Call> call = request.attribute(CALL);
        if (call.isPresent()) {
            call.get().retrying(delay);
        }
    }

    /** {@link Call#reauthenticated} for the call {@code request} belongs to, if it is observed. */
    public static void reauthenticated(HttpRequest request) {
        Optional<Call> call = request.attribute(CALL);
        if (call.isPresent()) {
            call.get().reauthenticated();
        }
    }

    /**
     * Why a call or an attempt failed, as {@link AttemptEnded#errorType()} says: the status for a status of
     * 400 or more, the transport failure's kind, or the exception's class name.
     */
    static Optional<String> errorType(HttpResponse response, Throwable failure) {
        if (failure instanceof IOException) {
            return Optional.of(
                    TransportException.classify((IOException) failure).name());
        }
        if (failure instanceof TransportException) {
            return Optional.of(((TransportException) failure).kind().name());
        }
        if (failure != null) {
            return Optional.of(failure.getClass().getName());
        }
        if (response != null && response.statusCode() >= 400) {
            return Optional.of(Integer.toString(response.statusCode()));
        }
        return Optional.empty();
    }

    private static void failed(Object listener, RuntimeException e) {
        // A listener must never fail a call: the call's outcome is the service's, not the observer's.
        LOG.warn("call listener {} failed; ignored", listener.getClass().getName(), e);
    }

    /**
     * One observed call. Its methods are called by one step of the call at a time, in the order the class
     * comment gives; not thread-safe otherwise.
     */
    public static final class Call {
        private final CallStarted started;
        private final CallObservation[] observations;
        private final LongSupplier nanoTime;
        private final long startNanos;
        private int attempts;
        private int retries;
        private int reauthentications;
        // The attempt that ended and whose end event waits for what follows it; null when none waits.
        private PendingEnd pending;
        private long attemptStartNanos;
        private boolean ended;

        private Call(CallStarted started, CallObservation[] observations, LongSupplier nanoTime) {
            this.started = started;
            this.observations = observations;
            this.nanoTime = nanoTime;
            this.startNanos = nanoTime.getAsLong();
        }

        /** The event the call started with. */
        public CallStarted started() {
            return started;
        }

        /** {@code request} carrying this call, so the filters below can find it. */
        public HttpRequest attach(HttpRequest request) {
            return request.withAttribute(CALL, this);
        }

        /**
         * An attempt is about to be sent; returns the request to send, with the headers listeners add
         * (trace propagation).
         */
        public HttpRequest attemptStarted(HttpRequest request) {
            flush(Optional.empty(), false);
            attempts++;
            AttemptStarted event = new AttemptStarted(started, attempts);
            HttpRequest out = request;
            for (CallObservation o : observations) {
                try {
                    o.attemptStarted(event);
                    Map<String, String> headers = o.headersToSend(event);
                    for (Map.Entry<String, String> h : headers.entrySet()) {
                        out = out.withHeader(h.getKey(), h.getValue());
                    }
                } catch (RuntimeException e) {
                    failed(o, e);
                }
            }
            attemptStartNanos = nanoTime.getAsLong();
            return out;
        }

        /** The attempt got {@code response}, or failed with {@code failure} (one of them is null). */
        public void attemptEnded(HttpResponse response, Throwable failure) {
            flush(Optional.empty(), false);
            pending = new PendingEnd(
                    attempts,
                    response == null ? OptionalInt.empty() : OptionalInt.of(response.statusCode()),
                    errorType(response, failure),
                    Duration.ofNanos(nanoTime.getAsLong() - attemptStartNanos),
                    response == null ? Optional.empty() : response.requestId());
        }

        /** The attempt that just ended will be retried after {@code delay}. */
        public void retrying(Duration delay) {
            retries++;
            flush(Optional.of(delay), false);
        }

        /** The attempt that just ended was refused with a 401; the token was renewed and a replay follows. */
        public void reauthenticated() {
            reauthentications++;
            flush(Optional.empty(), true);
        }

        /**
         * The call ended with {@code response}, or {@code failure} (one of them is null); only the first end
         * counts.
         */
        public void callEnded(HttpResponse response, Throwable failure) {
            if (ended) {
                return;
            }
            ended = true;
            flush(Optional.empty(), false);
            CallEnded event = new CallEnded(
                    started,
                    response == null ? OptionalInt.empty() : OptionalInt.of(response.statusCode()),
                    errorType(response, failure),
                    Duration.ofNanos(nanoTime.getAsLong() - startNanos),
                    response == null ? Optional.empty() : response.requestId(),
                    attempts,
                    retries,
                    reauthentications);
            for (CallObservation o : observations) {
                try {
                    o.callEnded(event);
                } catch (RuntimeException e) {
                    failed(o, e);
                }
            }
        }

        private void flush(Optional<Duration> retryDelay, boolean reauthenticated) {
            PendingEnd p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            AttemptEnded event = new AttemptEnded(
                    started, p.attempt, p.status, p.errorType, p.duration, p.requestId, retryDelay, reauthenticated);
            for (CallObservation o : observations) {
                try {
                    o.attemptEnded(event);
                } catch (RuntimeException e) {
                    failed(o, e);
                }
            }
        }

        private record PendingEnd(
                int attempt,
                OptionalInt status,
                Optional<String> errorType,
                Duration duration,
                Optional<String> requestId) {}
    }
}
