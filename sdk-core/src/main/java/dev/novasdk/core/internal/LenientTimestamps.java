package dev.novasdk.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.function.Function;

/**
 * Readers for the timestamp spellings of OpenStack services: {@code 2014-09-25T13:10:10Z},
 * {@code 2014-09-25T13:10:10.000000} (nova, no zone: UTC), {@code 2015-08-27T09:49:58-05:00},
 * {@code 2019-05-20T08:56:57.000000+00:00}, {@code 2015-10-02 14:03:18} (older APIs), with zero to nine
 * fraction digits and offsets with or without a colon. A blank string reads as absent. A date or time that
 * does not exist (February 30th, 24:00) is refused, not moved to the nearest one that does.
 *
 * <p>The spellings the services actually send ({@code yyyy-MM-dd}, {@code T} or a space, {@code HH:mm:ss}, an
 * optional fraction of one to nine digits, then nothing, {@code Z} or {@code ±hh:mm}) are read by hand, without
 * {@link DateTimeFormatter}, whose {@code parseBest} with optional sections costs a map per section and was a
 * sixth of a server's decoding time. Everything else, and every text the fast reader is unsure of, goes to the
 * formatter, which therefore decides every refusal.
 */
final class LenientTimestamps {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendPattern("[XXX][XX][X]") // Z, +05:30, +0530 or +05; none means UTC
            .toFormatter()
            // SMART, the builder's default, would read 2015-02-30 as 2015-02-28 and 24:00 as the next day.
            .withResolverStyle(ResolverStyle.STRICT);

    static final StdScalarDeserializer<Instant> INSTANT = new Reader<>(Instant.class, LenientTimestamps::parseInstant);
    static final StdScalarDeserializer<OffsetDateTime> OFFSET_DATE_TIME =
            new Reader<>(OffsetDateTime.class, LenientTimestamps::parse);

    private static final int SECONDS_PER_DAY = 86_400;
    // Returned by the fast readers' steps for a text they leave to the formatter.
    private static final long NOT_FAST = Long.MIN_VALUE;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private LenientTimestamps() {}

    /** Parses one of the accepted spellings; a missing zone means UTC. */
    static OffsetDateTime parse(String text) {
        long local = localEpochSecond(text);
        if (local != NOT_FAST) {
            int end = fractionEnd(text);
            int offset = end < 0 ? NO_OFFSET : offsetSeconds(text, end);
            if (offset != NO_OFFSET) {
                return OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(local, nanos(text, end), ZoneOffset.UTC),
                        offset == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offset));
            }
        }
        return parseWithFormatter(text);
    }

    /** {@code parse(text).toInstant()}, without building the {@link OffsetDateTime} for the usual spellings. */
    static Instant parseInstant(String text) {
        long local = localEpochSecond(text);
        if (local != NOT_FAST) {
            int end = fractionEnd(text);
            int offset = end < 0 ? NO_OFFSET : offsetSeconds(text, end);
            if (offset != NO_OFFSET) {
                return Instant.ofEpochSecond(local - offset, nanos(text, end));
            }
        }
        return parseWithFormatter(text).toInstant();
    }

    /** The formatter's reading, which accepts every spelling in the class comment; a missing zone means UTC. */
    static OffsetDateTime parseWithFormatter(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        return toOffsetDateTime(FORMAT.parseBest(t, OffsetDateTime::from, LocalDateTime::from));
    }

    // The seconds from the epoch to the local date-time in text[0, 19) ("yyyy-MM-ddTHH:mm:ss", 'T', 't' or ' '),
    // or NOT_FAST unless it is exactly that with every field in range.
    private static long localEpochSecond(String s) {
        if (s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_FAST;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return NOT_FAST;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > lengthOfMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return NOT_FAST;
        }
        return epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    }

    // The index after the fraction that may follow the seconds at index 19 (19 when there is none), or -1 when
    // a '.' is followed by no digit or by more than nine.
    private static int fractionEnd(String s) {
        if (s.length() == 19 || s.charAt(19) != '.') {
            return 19;
        }
        int i = 20;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i == 20 || i - 20 > 9 ? -1 : i;
    }

    // The fraction in s[20, end) as nanoseconds; 0 when there is none (end == 19).
    private static int nanos(String s, int end) {
        if (end == 19) {
            return 0;
        }
        return digits(s, 20, end - 20) * NANOS_SCALE[end - 20];
    }

    // The zone after index `from`: nothing or Z for UTC, or ±hh:mm; its offset in seconds, or NO_OFFSET for
    // anything else (other offset spellings, trailing text) and for offsets out of ZoneOffset's range.
    private static int offsetSeconds(String s, int from) {
        int rest = s.length() - from;
        if (rest == 0) {
            return 0;
        }
        char c = s.charAt(from);
        if (rest == 1) {
            return c == 'Z' || c == 'z' ? 0 : NO_OFFSET;
        }
        if (rest != 6 || (c != '+' && c != '-') || s.charAt(from + 3) != ':') {
            return NO_OFFSET;
        }
        int hours = digits(s, from + 1, 2);
        int minutes = digits(s, from + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 17 || minutes > 59) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    // The decimal number in s[from, from + count), or -1 when a character is not an ASCII digit.
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    // Days from 1970-01-01 to a proleptic Gregorian date (year >= 0): March-based years make February last, so
    // that a year's length only matters at its end.
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static OffsetDateTime toOffsetDateTime(Object parsed) {
        if (parsed instanceof OffsetDateTime) {
            return (OffsetDateTime) parsed;
        }
        return ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        Reader(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            String text = p.getText();
            if (text.isBlank()) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                @SuppressWarnings("unchecked")
                T weird = (T) ctxt.handleWeirdStringValue(
                        handledType(), text, "not an ISO-8601 timestamp with optional zone");
                return weird;
            }
        }
    }
}
