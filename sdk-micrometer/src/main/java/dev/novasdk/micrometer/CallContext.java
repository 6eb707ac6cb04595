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

    // Without propagation the carrier stays null and what a tracing handler injects is dropped: no map per call.
    CallContext(CallStarted started, boolean propagate) {
        super(
                (carrier, key, value) -> {
                    if (carrier != null) {
                        carrier.put(key, value);
                    }
                },
                Kind.CLIENT);
        this.started = Objects.requireNonNull(started, "started");
        if (propagate) {
            setCarrier(new LinkedHashMap<>());
        }
        setRemoteServiceName(started.serviceType());
        setRemoteServiceAddress(started.serverAddress() + ":" + started.serverPort());
    }

    /** The call as it started. */
    public CallStarted started() {
        return started;
    }
}
