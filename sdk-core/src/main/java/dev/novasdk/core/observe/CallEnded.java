package dev.novasdk.core.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call ended, with the last attempt's response or failure. A call whose status is 400 or more ends here
 * with that status and then fails with the matching {@link dev.novasdk.core.error.ApiException}.
 *
 * @param call the call
 * @param status the last response's status; empty when the call failed without a response
 * @param errorType why the call failed, if it did; see {@link AttemptEnded#errorType()}
 * @param duration from the start of the call to its end, retries and the waits between them included
 * @param requestId Nova's request id from the last response, if any
 * @param attempts how many attempts were sent
 * @param retries how many of them were retries
 * @param reauthentications how many of them replayed the request after a re-authentication
 */
public record CallEnded(
        CallStarted call,
        OptionalInt status,
        Optional<String> errorType,
        Duration duration,
        Optional<String> requestId,
        int attempts,
        int retries,
        int reauthentications) {
    /** Checks that no component is null. */
    public CallEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * The outcome class of the status: {@code SUCCESS} (2xx), {@code REDIRECTION} (3xx), {@code CLIENT_ERROR}
     * (4xx), {@code SERVER_ERROR} (5xx), or {@code UNKNOWN} without a response (names as Micrometer's HTTP
     * outcomes).
     */
    public String outcome() {
        if (status.isEmpty()) {
            return "UNKNOWN";
        }
        int s = status.getAsInt();
        return s >= 500
                ? "SERVER_ERROR"
                : s >= 400 ? "CLIENT_ERROR" : s >= 300 ? "REDIRECTION" : s >= 200 ? "SUCCESS" : "UNKNOWN";
    }
}
