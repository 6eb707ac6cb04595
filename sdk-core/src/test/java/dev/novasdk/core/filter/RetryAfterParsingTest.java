package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterParsingTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void parse_deltaSeconds_isThatManySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(5)), RetryAfter.parse(" 5 ", NOW));
    }

    @Test
    void parse_deltaSecondsBeyondLong_isHugeNotAnError() {
        assertEquals(Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), RetryAfter.parse("99999999999999999999999", NOW));
    }

    @Test
    void parse_httpDate_isTheTimeUntilThatDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", NOW));
    }

    @Test
    void parse_httpDateInThePastOrNow_isZero() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "1.5", "soon", "2015-10-21T07:29:30Z", "Wed, 32 Oct 2015 07:29:30 GMT"})
    void parse_malformed_isEmpty(String value) {
        assertEquals(Optional.empty(), RetryAfter.parse(value, NOW));
    }

    @Test
    void parse_response_readsTheHeaderCaseInsensitivelyAgainstTheClock() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        HttpResponse withDate = HttpResponse.of(503, Headers.of("retry-after", "Wed, 21 Oct 2015 07:28:10 GMT"), "");
        HttpResponse without = HttpResponse.of(503, Headers.empty(), "");

        assertEquals(Optional.of(Duration.ofSeconds(10)), RetryAfter.parse(withDate, clock));
        assertEquals(Optional.empty(), RetryAfter.parse(without, clock));
    }
}
