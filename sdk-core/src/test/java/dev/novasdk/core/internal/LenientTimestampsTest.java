package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader of the usual spellings against the formatter that decides everything else: same
 * result for every form, every api-sample timestamp and a large random set of near-misses, and the same
 * refusals.
 */
class LenientTimestampsTest {
    // The reader as it was before the hand-written one: the same formatter with the builder's SMART resolver.
    private static final DateTimeFormatter SMART_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // The spellings Nova, Keystone and Glance send, read by hand:
        "2012-08-20T21:11:09Z,                  2012-08-20T21:11:09Z,           Z",
        "2014-09-25T13:10:10.000000,            2014-09-25T13:10:10Z,           Z",
        "2013-09-23T13:53:12.774549+00:00,      2013-09-23T13:53:12.774549Z,    Z",
        "2015-12-01T00:00:00.000000Z,           2015-12-01T00:00:00Z,           Z",
        "2015-08-27T09:49:58-05:00,             2015-08-27T14:49:58Z,           -05:00",
        "2010-11-01T03:32:15-00:00,             2010-11-01T03:32:15Z,           Z",
        "2015-10-02 14:03:18,                   2015-10-02T14:03:18Z,           Z",
        "2015-10-02T14:03:18.5+05:30,           2015-10-02T08:33:18.5Z,         +05:30",
        "2015-10-02T14:03:18.123456789,         2015-10-02T14:03:18.123456789Z, Z",
        "2015-10-02t14:03:18z,                  2015-10-02T14:03:18Z,           Z",
        "2016-02-29T23:59:59Z,                  2016-02-29T23:59:59Z,           Z",
        "2000-02-29T00:00:00Z,                  2000-02-29T00:00:00Z,           Z",
        "1969-12-31T23:59:59.999999999Z,        1969-12-31T23:59:59.999999999Z, Z",
        "0000-01-01T00:00:00Z,                  0000-01-01T00:00:00Z,           Z",
        "9999-12-31T23:59:59-17:59,             +10000-01-01T17:58:59Z,         -17:59",
        // Rarer spellings, left to the formatter:
        "2015-10-02T14:03:18+0530,              2015-10-02T08:33:18Z,           +05:30",
        "2015-10-02T14:03:18+05,                2015-10-02T09:03:18Z,           +05:00",
        "2015-10-02T14:03:18+18:00,             2015-10-01T20:03:18Z,           +18:00",
        "2015-10-02T14:03,                      2015-10-02T14:03:00Z,           Z",
        "2015-10-02T14:03:18.,                  2015-10-02T14:03:18Z,           Z",
        "'  2015-10-02T14:03:18Z ',             2015-10-02T14:03:18Z,           Z"
    })
    void parse_eachSpelling_instantAndOffset(String text, String instant, String offset) {
        OffsetDateTime parsed = LenientTimestamps.parse(text);

        assertEquals(Instant.parse(instant), parsed.toInstant());
        assertEquals(ZoneOffset.of(offset), parsed.getOffset());
        assertEquals(Instant.parse(instant), LenientTimestamps.parseInstant(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "2015-02-29T00:00:00Z", // 2015 is no leap year
                "2015-02-30T00:00:00Z",
                "2016-02-30T00:00:00.000000",
                "1900-02-29T00:00:00Z", // divisible by 100, not by 400
                "2015-04-31T00:00:00Z",
                "2015-11-31 00:00:00",
                "2015-02-32T00:00:00Z",
                "2015-00-10T00:00:00Z",
                "2015-13-10T00:00:00Z",
                "2015-01-00T00:00:00Z",
                "2015-01-01T24:00:00Z",
                "2015-01-01T23:60:00Z",
                "2015-01-01T23:59:60Z",
                "2015-01-01T00:00:00+19:00",
                "2015-01-01T00:00:00+05:60",
                "2015-01-01T00:00:00.1234567890Z",
                "2015-01-01T00:00:00,5Z",
                "2015-01-01T00:00:00Z[UTC]",
                "2015-01-01T00:00:00 +05:00 junk",
                "2013-07-07T12:00:0-00:00", // keystone v2.0's extension "updated", one second digit
                "2015-1-01T00:00:00Z",
                "+2015-01-01T00:00:00Z",
                "2015-01-01X00:00:00Z",
                "2015-01-01T0a:00:00Z",
                "\u0662\u0660\u0661\u0665-01-01T00:00:00Z", // Arabic-Indic digits
                "2015-01-01",
                "yesterday",
                ""
            })
    void parse_impossibleOrMalformed_dateTimeException(String text) {
        assertThrows(DateTimeException.class, () -> LenientTimestamps.parse(text));
        assertThrows(DateTimeException.class, () -> LenientTimestamps.parseInstant(text));
    }

    @Test
    void parse_februaryThirtieth_refusedWhereTheSmartResolverMovedIt() {
        // What the reader did before: a date that does not exist became the last day of the month.
        assertEquals(
                LocalDateTime.of(2015, 2, 28, 0, 0),
                SMART_FORMAT.parseBest("2015-02-30T00:00:00", OffsetDateTime::from, LocalDateTime::from));

        assertThrows(DateTimeException.class, () -> LenientTimestamps.parse("2015-02-30T00:00:00"));
    }

    @Test
    void parse_everyApiSampleTimestamp_sameAsThePreviousReader() throws IOException {
        List<String> samples = apiSampleTimestamps();
        int read = 0;
        for (String text : samples) {
            OffsetDateTime before = previousReader(text);
            if (before == null) {
                assertThrows(DateTimeException.class, () -> LenientTimestamps.parse(text), text);
                continue;
            }
            assertEquals(before, LenientTimestamps.parse(text), text);
            assertEquals(before.toInstant(), LenientTimestamps.parseInstant(text), text);
            read++;
        }
        // Only keystone v2.0's five one-digit-second "updated" values were ever refused.
        assertEquals(samples.size() - 5, read);
        assertTrue(samples.size() > 250, "the corpus has 262 distinct timestamps");
    }

    @Test
    void parse_randomNearMisses_sameAsTheFormatter() {
        Random random = new Random(20261203L);
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = nearMiss(random);
            OffsetDateTime expected;
            try {
                expected = LenientTimestamps.parseWithFormatter(text);
            } catch (DateTimeException e) {
                assertThrows(DateTimeException.class, () -> LenientTimestamps.parse(text), text);
                assertThrows(DateTimeException.class, () -> LenientTimestamps.parseInstant(text), text);
                continue;
            }
            assertEquals(expected, LenientTimestamps.parse(text), text);
            assertEquals(expected.toInstant(), LenientTimestamps.parseInstant(text), text);
            valid++;
        }
        assertTrue(valid > 5_000, "most texts must be valid timestamps, got " + valid);
    }

    @Test
    void parse_everyDayOfFourHundredYears_sameAsLocalDate() {
        // The Gregorian cycle is 400 years; every day of one checks the hand-written epoch-day arithmetic.
        for (LocalDateTime d = LocalDateTime.of(1800, 1, 1, 12, 34, 56); d.getYear() < 2200; d = d.plusDays(1)) {
            String text = d.toLocalDate() + "T12:34:56Z";
            assertEquals(d.toInstant(ZoneOffset.UTC), LenientTimestamps.parseInstant(text), text);
        }
    }

    // A timestamp in one of the usual spellings, with one field or separator possibly out of range or replaced.
    private static String nearMiss(Random r) {
        int year = r.nextInt(20) == 0 ? r.nextInt(10_000) : 1990 + r.nextInt(50);
        int month = r.nextInt(10) == 0 ? r.nextInt(14) : 1 + r.nextInt(12);
        int day = r.nextInt(5) == 0 ? 27 + r.nextInt(6) : (r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(28));
        int hour = r.nextInt(25);
        int minute = r.nextInt(20) == 0 ? 60 : r.nextInt(60);
        int second = r.nextInt(20) == 0 ? 60 : r.nextInt(60);
        char separator = "TTTTTTt x".charAt(r.nextInt(9));
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", year, month, day, separator, hour, minute, second));
        int fraction = r.nextInt(12);
        if (fraction > 0) {
            b.append('.');
            for (int i = 1; i < fraction; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
        }
        switch (r.nextInt(8)) {
            case 0, 1 -> {}
            case 2 -> b.append('Z');
            case 3 -> b.append('z');
            case 4 -> b.append(String.format(
                    Locale.ROOT,
                    "%c%02d:%02d",
                    r.nextBoolean() ? '+' : '-',
                    r.nextInt(20),
                    r.nextInt(4) * 15 + r.nextInt(2)));
            case 5 -> b.append(
                    String.format(Locale.ROOT, "%c%02d%02d", r.nextBoolean() ? '+' : '-', r.nextInt(19), 30));
            case 6 -> b.append(String.format(Locale.ROOT, "%c%02d", r.nextBoolean() ? '+' : '-', r.nextInt(19)));
            default -> b.append(" junk");
        }
        if (r.nextInt(30) == 0) {
            b.insert(r.nextInt(b.length()), '0'); // one character too many somewhere
        }
        return b.toString();
    }

    // The previous reader: SMART formatter, space replaced, zone-less as UTC; null when it refused the text.
    private static OffsetDateTime previousReader(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            Object parsed = SMART_FORMAT.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime
                    ? (OffsetDateTime) parsed
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // Every distinct timestamp of the api-samples corpus, extracted into a test resource.
    private static List<String> apiSampleTimestamps() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                        LenientTimestampsTest.class.getResourceAsStream("/json/api-sample-timestamps.txt"));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new ArrayList<>(
                    r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toList()));
        }
    }
}
