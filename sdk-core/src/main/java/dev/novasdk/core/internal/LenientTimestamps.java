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
import java.util.function.Function;

/**
 * Readers for the timestamp spellings of OpenStack services: {@code 2014-09-25T13:10:10Z},
 * {@code 2014-09-25T13:10:10.000000} (nova, no zone: UTC), {@code 2015-08-27T09:49:58-05:00},
 * {@code 2019-05-20T08:56:57.000000+00:00}, {@code 2015-10-02 14:03:18} (older APIs), with zero to nine
 * fraction digits and offsets with or without a colon. A blank string reads as absent.
 */
final class LenientTimestamps {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendPattern("[XXX][XX][X]") // Z, +05:30, +0530 or +05; none means UTC
            .toFormatter();

    static final StdScalarDeserializer<Instant> INSTANT = new Reader<>(Instant.class, OffsetDateTime::toInstant);
    static final StdScalarDeserializer<OffsetDateTime> OFFSET_DATE_TIME =
            new Reader<>(OffsetDateTime.class, Function.identity());

    private LenientTimestamps() {}

    /** Parses one of the accepted spellings; a missing zone means UTC. */
    static OffsetDateTime parse(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        return toOffsetDateTime(FORMAT.parseBest(t, OffsetDateTime::from, LocalDateTime::from));
    }

    private static OffsetDateTime toOffsetDateTime(Object parsed) {
        if (parsed instanceof OffsetDateTime) {
            return (OffsetDateTime) parsed;
        }
        return ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<OffsetDateTime, T> convert;

        Reader(Class<T> type, Function<OffsetDateTime, T> convert) {
            super(type);
            this.convert = convert;
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
                return convert.apply(parse(text));
            } catch (DateTimeException e) {
                @SuppressWarnings("unchecked")
                T weird = (T) ctxt.handleWeirdStringValue(
                        handledType(), text, "not an ISO-8601 timestamp with optional zone");
                return weird;
            }
        }
    }
}
