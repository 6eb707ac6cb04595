package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the {@code Retry-After} header (RFC 9110 section 10.2.3): delta-seconds or an HTTP-date.
 */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The delay the header asks for, measured against {@code clock} for a date; a date in the past means
     * zero. Empty when the header is absent or malformed (a malformed value is ignored rather than failing
     * the call, as RFC 9110 lets recipients do).
     */
    static Optional<Duration> parse(HttpResponse response, Clock clock) {
        return response.headers().firstValue("Retry-After").flatMap(v -> parse(v, clock.instant()));
    }

    static Optional<Duration> parse(String value, Instant now) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a long holds is "far too long", which the cap then refuses.
            return Optional.of(v.length() > 18 ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant date = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
