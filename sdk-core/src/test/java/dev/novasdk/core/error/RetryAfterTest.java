package dev.novasdk.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.internal.ErrorMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} as delta-seconds or HTTP-date, and nova's {@code overLimit.retryAfter} fallback. */
class RetryAfterTest {
    // Sun, 06 Nov 1994 08:49:37 GMT, the example date of RFC 9110.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);

    private static HttpResponse withHeader(String value) {
        return HttpResponse.of(429, Headers.of("Retry-After", value), "");
    }

    private static HttpResponse novaOverLimit(String retryAfterJson, String... headers) {
        return HttpResponse.of(
                413,
                Headers.of(headers),
                "{\"overLimit\": {\"code\": 413, \"message\": \"slow down\", " + "\"retryAfter\": " + retryAfterJson
                        + "}}");
    }

    @Test
    void retryAfter_deltaSeconds_thatManySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), ErrorMapper.retryAfter(withHeader("120"), CLOCK));
        assertEquals(Optional.of(Duration.ZERO), ErrorMapper.retryAfter(withHeader(" 0 "), CLOCK));
    }

    @Test
    void retryAfter_imfFixdateInFuture_delayUntilThen() {
        assertEquals(
                Optional.of(Duration.ofSeconds(90)),
                ErrorMapper.retryAfter(withHeader("Sun, 06 Nov 1994 08:51:07 GMT"), CLOCK));
    }

    @Test
    void retryAfter_rfc850DateInFuture_delayUntilThen() {
        assertEquals(
                Optional.of(Duration.ofHours(1)),
                ErrorMapper.retryAfter(withHeader("Sunday, 06-Nov-94 09:49:37 GMT"), CLOCK));
    }

    @Test
    void retryAfter_asctimeDateInFuture_delayUntilThen() {
        assertEquals(
                Optional.of(Duration.ofMinutes(1)),
                ErrorMapper.retryAfter(withHeader("Sun Nov  6 08:50:37 1994"), CLOCK));
        assertEquals(
                Optional.of(Duration.ofDays(10)),
                ErrorMapper.retryAfter(withHeader("Wed Nov 16 08:49:37 1994"), CLOCK));
    }

    @Test
    void retryAfter_dateInPast_zero() {
        assertEquals(
                Optional.of(Duration.ZERO), ErrorMapper.retryAfter(withHeader("Sat, 05 Nov 1994 08:49:37 GMT"), CLOCK));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "soon",
                "-5",
                "1.5",
                "+3",
                "12s",
                "99999999999999999999",
                "Sun, 32 Nov 1994 08:49:37 GMT",
                "2024-01-01T00:00:00Z"
            })
    void retryAfter_invalidHeader_empty(String value) {
        assertEquals(Optional.empty(), ErrorMapper.retryAfter(withHeader(value), CLOCK));
    }

    @Test
    void retryAfter_invalidHeaderWithBodyHint_headerWinsAndGivesEmpty() {
        assertEquals(Optional.empty(), ErrorMapper.retryAfter(novaOverLimit("\"30\"", "Retry-After", "later"), CLOCK));
    }

    @Test
    void retryAfter_headerAndBodyDisagree_headerWins() {
        assertEquals(
                Optional.of(Duration.ofSeconds(5)),
                ErrorMapper.retryAfter(novaOverLimit("\"30\"", "Retry-After", "5"), CLOCK));
    }

    @Test
    void retryAfter_novaBodyString_thatManySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), ErrorMapper.retryAfter(novaOverLimit("\"30\""), CLOCK));
    }

    @Test
    void retryAfter_novaBodyNumber_thatManySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(17)), ErrorMapper.retryAfter(novaOverLimit("17"), CLOCK));
        assertEquals(Optional.of(Duration.ofMillis(2500)), ErrorMapper.retryAfter(novaOverLimit("2.5"), CLOCK));
    }

    @Test
    void retryAfter_novaBodyHttpDate_delayUntilThen() {
        assertEquals(
                Optional.of(Duration.ofSeconds(10)),
                ErrorMapper.retryAfter(novaOverLimit("\"Sun, 06 Nov 1994 08:49:47 GMT\""), CLOCK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-3", "\"-3\"", "null", "true", "{}", "[]", "1e400", "\"\""})
    void retryAfter_invalidNovaBodyHint_empty(String hint) {
        assertEquals(Optional.empty(), ErrorMapper.retryAfter(novaOverLimit(hint), CLOCK));
    }

    @Test
    void retryAfter_noHeaderNoBody_empty() {
        assertEquals(Optional.empty(), ErrorMapper.retryAfter(HttpResponse.of(503, Headers.empty(), ""), CLOCK));
    }

    @Test
    void retryAfter_nonJsonBody_empty() {
        HttpResponse r =
                HttpResponse.of(429, Headers.of("Content-Type", "text/html"), "<h1>429 Too Many Requests</h1>");
        assertEquals(Optional.empty(), ErrorMapper.retryAfter(r, CLOCK));
    }

    @Test
    void retryAfter_nullArguments_namedInException() {
        assertEquals(
                "response",
                assertThrows(NullPointerException.class, () -> ErrorMapper.retryAfter(null, CLOCK))
                        .getMessage());
        assertEquals(
                "clock",
                assertThrows(NullPointerException.class, () -> ErrorMapper.retryAfter(withHeader("1"), null))
                        .getMessage());
    }

    @Test
    void toException_rateLimitWithHttpDate_delayMeasuredAgainstInjectedClock() {
        HttpRequest request = HttpRequest.get(URI.create("http://h/v2.1/servers"));
        ApiException e = ErrorMapper.create(CLOCK).toException(request, withHeader("Sun, 06 Nov 1994 08:50:37 GMT"));
        assertEquals(RateLimitException.class, e.getClass());
        assertEquals(Optional.of(Duration.ofSeconds(60)), e.retryAfter());
    }

    @Test
    void toException_serviceUnavailableWithRetryAfter_delayExposed() {
        HttpRequest request = HttpRequest.get(URI.create("http://h/v2.1/servers"));
        ApiException e = ErrorMapper.create(CLOCK)
                .toException(request, HttpResponse.of(503, Headers.of("Retry-After", "7"), ""));
        assertEquals(ServerErrorException.class, e.getClass());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }
}
