package dev.novasdk.core.observe;

import java.util.Map;

/**
 * The events of one call, as returned by {@link CallListener#callStarted}: each attempt's start and end,
 * then the call's end, which always comes, once, whether the call succeeded or failed. The events of one
 * call come one after another, never concurrently, though not necessarily on one thread.
 */
public interface CallObservation {
    /** Ignores every event. */
    CallObservation NONE = new CallObservation() {};

    /** An attempt is about to be sent. */
    default void attemptStarted(AttemptStarted event) {}

    /**
     * Headers to add to the attempt just started (W3C {@code traceparent}, for example), called right after
     * {@link #attemptStarted}. Default: none.
     */
    default Map<String, String> headersToSend(AttemptStarted event) {
        return Map.of();
    }

    /** An attempt got a response or failed; the event says whether a retry or a re-authentication follows. */
    default void attemptEnded(AttemptEnded event) {}

    /** The call ended, with the last attempt's response or failure. */
    default void callEnded(CallEnded event) {}
}
