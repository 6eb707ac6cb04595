package dev.novasdk.core.observe;

import java.util.Objects;

/**
 * An attempt of a call is about to be sent. Every request that goes on the wire is an attempt: a retry, and
 * the replay after a re-authentication too.
 *
 * @param call the call
 * @param attempt the attempt's number, from 1
 */
public record AttemptStarted(CallStarted call, int attempt) {
    /** Checks the components. */
    public AttemptStarted {
        Objects.requireNonNull(call, "call");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
    }
}
