package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a non-2xx response into the matching {@link ApiException}, reading every body shape Nova, Keystone
 * and Glance return. Thread-safe and stateless.
 */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    /** The mapper. */
    public static ErrorMapper create() {
        return new ErrorMapper();
    }

    /** The exception for a non-2xx {@code response} to {@code request}. Never throws while reading the body. */
    public ApiException toException(HttpRequest request, HttpResponse response) {
        throw new UnsupportedOperationException("stub");
    }

    /** Everything this mapper reads from the response. */
    public ApiError parse(HttpRequest request, HttpResponse response) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * The delay asked for by {@code Retry-After} (delta-seconds or HTTP-date, relative to {@code clock}) or,
     * failing that, nova's {@code overLimit.retryAfter} body member.
     */
    public static Optional<Duration> retryAfter(HttpResponse response, Clock clock) {
        throw new UnsupportedOperationException("stub");
    }
}
