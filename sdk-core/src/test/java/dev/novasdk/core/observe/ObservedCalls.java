package dev.novasdk.core.observe;

import dev.novasdk.core.http.HttpMethod;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Events of one sample call, for the tests of listeners (shared through the test-jar). */
public final class ObservedCalls {
    /** A {@code servers.get} at 2.79 to {@code nova.example:8774}, with a global request id. */
    public static final CallStarted GET = new CallStarted(
            "servers.get",
            "compute",
            HttpMethod.GET,
            "/servers/{server_id}",
            "nova.example",
            8774,
            Optional.of("2.79"),
            Optional.of("req-global"));

    private ObservedCalls() {}

    /**
     * Attempt {@code n} of {@link #GET} that got {@code status} (an error type for 400 and more), request id
     * {@code req-<n>}, followed by a retry after {@code retry} if present, or a replay if {@code reauth}.
     */
    public static AttemptEnded attempt(int n, int status, Optional<Duration> retry, boolean reauth) {
        return new AttemptEnded(
                GET,
                n,
                OptionalInt.of(status),
                status >= 400 ? Optional.of(Integer.toString(status)) : Optional.empty(),
                Duration.ofMillis(5),
                Optional.of("req-" + n),
                retry,
                reauth);
    }

    /** {@link #GET} ended with {@code status} and request id {@code requestId} after these counts. */
    public static CallEnded ended(int status, String requestId, int attempts, int retries, int reauths) {
        return new CallEnded(
                GET,
                OptionalInt.of(status),
                status >= 400 ? Optional.of(Integer.toString(status)) : Optional.empty(),
                Duration.ofMillis(20),
                Optional.of(requestId),
                attempts,
                retries,
                reauths);
    }

    /** {@link #GET} failed without a response, with the transport failure's {@code kind}. */
    public static CallEnded failed(String kind, int attempts, int retries) {
        return new CallEnded(
                GET, OptionalInt.empty(), Optional.of(kind), Duration.ZERO, Optional.empty(), attempts, retries, 0);
    }
}
