package dev.novasdk.core.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An attempt got a response, or failed without one, and what follows it.
 *
 * @param call the call
 * @param attempt the attempt's number, from 1
 * @param status the response's status; empty when there was no response
 * @param errorType why the attempt failed, if it did: the status as a string for a status of 400 or more,
 *        a {@link dev.novasdk.core.error.TransportException.Kind} name ({@code CONNECT_FAILED},
 *        {@code RESPONSE_TIMEOUT}, ...) for a failure without a response, else the exception's class name
 * @param duration from sending to the response (body included) or the failure
 * @param requestId Nova's request id from the response ({@code x-openstack-request-id} or
 *        {@code x-compute-request-id}), if any
 * @param retryDelay when the call will be retried: the wait before the next attempt
 * @param reauthenticated whether the attempt was refused with a 401 and the token has been renewed, so the
 *        next attempt replays the request with the new token
 */
public record AttemptEnded(
        CallStarted call,
        int attempt,
        OptionalInt status,
        Optional<String> errorType,
        Duration duration,
        Optional<String> requestId,
        Optional<Duration> retryDelay,
        boolean reauthenticated) {
    /** Checks that no component is null. */
    public AttemptEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(retryDelay, "retryDelay");
    }
}
