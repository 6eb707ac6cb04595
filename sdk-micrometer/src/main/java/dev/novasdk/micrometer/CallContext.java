package dev.novasdk.micrometer;

import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallStarted;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Micrometer context of one SDK call, for handlers, predicates and filters that want more than its key
 * values: the call as it started and, once it has ended, how it ended. Its carrier collects the headers a
 * tracing handler propagates ({@code traceparent}), which the SDK sends on every attempt of the call when
 * {@link ObservationCallListener.Builder#propagateTraceContext(boolean)} is on.
 */
public final class CallContext extends RequestReplySenderContext<Map<String, String>, CallEnded> {
    private final CallStarted started;

    CallContext(CallStarted started) {
        super((carrier, key, value) -> carrier.put(key, value), Kind.CLIENT);
        this.started = Objects.requireNonNull(started, "started");
        setCarrier(new LinkedHashMap<>());
        setRemoteServiceName(started.serviceType());
        setRemoteServiceAddress(started.serverAddress() + ":" + started.serverPort());
    }

    /** The call as it started. */
    public CallStarted started() {
        return started;
    }
}
