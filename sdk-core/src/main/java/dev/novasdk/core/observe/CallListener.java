package dev.novasdk.core.observe;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Observes the calls of a client: told as each call starts, it returns the {@link CallObservation} that
 * receives the rest of that call's events (its attempts and its end), so per-call state such as a timer or
 * a span lives in that object instead of a map. Register it with the client builder's
 * {@code addListener(..)}.
 *
 * <pre>{@code
 * ComputeClient nova = ComputeClient.builder().session(session)
 *         .addListener(CallListener.onCallEnded(e -> log.info("{} {} {} ms [{}]",
 *                 e.call().operation(), e.status(), e.duration().toMillis(), e.requestId().orElse("-"))))
 *         .build();
 * }</pre>
 *
 * <p>Listeners are called on the thread that runs the call's step (the caller's, for blocking calls), in
 * the order registered, and must be quick and thread-safe: calls run concurrently. An exception a listener
 * throws is logged and ignored; it never fails the call.
 */
@FunctionalInterface
public interface CallListener {
    /**
     * A call is starting, before its first attempt.
     *
     * @return what receives this call's further events; {@link CallObservation#NONE} to ignore the call
     */
    CallObservation callStarted(CallStarted call);

    /** A listener that is only told, with {@code consumer}, how each call ended. */
    static CallListener onCallEnded(Consumer<? super CallEnded> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        CallObservation observation = new CallObservation() {
            @Override
            public void callEnded(CallEnded event) {
                consumer.accept(event);
            }
        };
        return call -> observation;
    }
}
