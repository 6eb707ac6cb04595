package dev.novasdk.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * JSON encoding and decoding for SDK models, with OpenStack's explicit envelopes ({@code {"server": {...}}})
 * and its several timestamp spellings. One codec per client; thread-safe and immutable.
 *
 * <pre>{@code
 * JsonCodec json = JsonCodec.create();
 * byte[] body = json.writeEnveloped("server", serverCreate);
 * Server created = json.decode(request, response, "server", Server.class);
 * }</pre>
 */
public final class JsonCodec {
    private final ObjectMapper mapper;

    private JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A new mapper configured for OpenStack APIs; each call returns a new instance, so callers may change
     * theirs freely. Unknown properties are ignored and unknown enum constants read as the
     * {@code @JsonEnumDefaultValue} member, because clouds add fields and values; absent optionals and nulls
     * are not written; {@code java.time} values are written as ISO-8601 strings; {@link Instant} and
     * {@link OffsetDateTime} accept every form Nova, Keystone and Glance send, including zone-less times
     * (read as UTC) and a space instead of {@code T}.
     */
    public static ObjectMapper defaultMapper() {
        SimpleModule timestamps = new SimpleModule("OpenStackTimestamps")
                .addDeserializer(Instant.class, LenientTimestamps.INSTANT)
                .addDeserializer(OffsetDateTime.class, LenientTimestamps.OFFSET_DATE_TIME);
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(timestamps) // registered last, so it takes precedence over JavaTimeModule's readers
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Parse errors must not quote response bodies, which can hold secrets such as adminPass.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    /** A codec with a new {@link #defaultMapper()}. */
    public static JsonCodec create() {
        return new JsonCodec(defaultMapper());
    }

    /**
     * A codec using {@code mapper}, which the caller must no longer reconfigure: Jackson mappers are
     * thread-safe only once configured.
     */
    public static JsonCodec of(ObjectMapper mapper) {
        return new JsonCodec(Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * The JSON encoding of {@code value}.
     *
     * @throws IllegalArgumentException when the value cannot be serialized (a programming error)
     */
    public byte[] write(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "a " + value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    /**
     * {@code {"key": value}}, the request envelope of OpenStack APIs ({@code {"server": {...}}}); a null value
     * writes {@code {"key": null}}, the body of Nova's argument-less actions ({@code {"os-start": null}}), which
     * the mapper's inclusion rules would otherwise reduce to {@code {}}.
     *
     * @throws IllegalArgumentException when the value cannot be serialized (a programming error)
     */
    public byte[] writeEnveloped(String key, Object valueOrNull) {
        Objects.requireNonNull(key, "key");
        ByteArrayOutputStream out = new ByteArrayOutputStream(valueOrNull == null ? key.length() + 12 : 256);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(key);
            if (valueOrNull == null) {
                g.writeNull();
            } else {
                mapper.writeValue(g, valueOrNull);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "a "
                            + (valueOrNull == null
                                    ? "null"
                                    : valueOrNull.getClass().getSimpleName()) + " cannot be written as JSON",
                    e);
        }
        return out.toByteArray();
    }

    /**
     * The document {@code json} as a {@code type}; never {@code null}.
     *
     * @throws UncheckedIOException when the bytes are not JSON, do not match the type, or are {@code null}
     */
    public <T> T read(byte[] json, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return unchecked(json, null, mapper.constructType(type));
    }

    /**
     * The document {@code json} as a generic {@code type} such as {@code List<Flavor>}; never {@code null}.
     *
     * @throws UncheckedIOException when the bytes are not JSON, do not match the type, or are {@code null}
     */
    public <T> T read(byte[] json, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return unchecked(json, null, mapper.constructType(type));
    }

    /**
     * The member {@code key} of the top-level object of {@code json} as a {@code type}; never {@code null}.
     * Other members are skipped without being materialized.
     *
     * @throws UncheckedIOException when the bytes are not JSON, have no such member, the member is
     *         {@code null}, or it does not match the type
     */
    public <T> T readEnveloped(byte[] json, String key, Class<T> type) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        return unchecked(json, key, mapper.constructType(type));
    }

    /**
     * The body of {@code response} as a {@code type}, taken from the top-level member
     * {@code envelopeKeyOrNull} or, when that is {@code null}, from the whole document; never {@code null}.
     *
     * @throws ResponseParseException when the body is not JSON, lacks the envelope member, is {@code null}
     *         or does not match the type; it carries the method, URI, status and request id, and never the
     *         body, which may hold secrets
     */
    public <T> T decode(HttpRequest request, HttpResponse response, String envelopeKeyOrNull, Class<T> type) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(type, "type");
        try {
            return readValue(response.bodyStream(), envelopeKeyOrNull, mapper.constructType(type));
        } catch (IOException | RuntimeException e) {
            throw new ResponseParseException(
                    request.method(),
                    request.uri(),
                    response.statusCode(),
                    response.requestId().orElse(null),
                    describe(e, type),
                    withheld(e));
        }
    }

    /**
     * {@link #decode(HttpRequest, HttpResponse, String, Class)}, first trying {@code fast}, a hand-written reader
     * of the usual shape of the document, on the value (the member {@code envelopeKeyOrNull}, or the whole
     * document). When it returns {@code null} or fails, the document is decoded again by Jackson's binding of
     * {@code type}, which then decides the result and every error: a fast reader only needs to be right about
     * what it accepts.
     */
    public <T> T decode(
            HttpRequest request, HttpResponse response, String envelopeKeyOrNull, Class<T> type, FastReader<T> fast) {
        Objects.requireNonNull(fast, "fast");
        try (JsonParser p = mapper.createParser(response.bodyStream())) {
            JsonToken first = p.nextToken();
            if (first != null && first != JsonToken.VALUE_NULL) {
                if (envelopeKeyOrNull != null) {
                    seek(p, envelopeKeyOrNull);
                }
                T value = fast.read(p);
                if (value != null) {
                    return value;
                }
            }
        } catch (IOException | RuntimeException notUsual) {
            // Jackson's binding reads the document again below and reports the failure, if there is one.
        }
        return decode(request, response, envelopeKeyOrNull, type);
    }

    /**
     * Reads a value from a parser on its first token, leaving the parser after the value; {@code null} when
     * the value is not of the shape it reads (see {@link #decode(HttpRequest, HttpResponse, String, Class,
     * FastReader)}).
     */
    @FunctionalInterface
    public interface FastReader<T> {
        /** The value, or {@code null} to leave it to Jackson. */
        T read(JsonParser p) throws IOException;
    }

    /**
     * A timestamp as the mapper reads an {@link Instant}: any spelling Nova, Keystone or Glance sends; a zone-less
     * time is UTC; {@code null} for a blank text.
     *
     * @throws java.time.DateTimeException when the text is not a timestamp
     */
    public static Instant instant(String text) {
        return text.isBlank() ? null : LenientTimestamps.parseInstant(text);
    }

    private <T> T unchecked(byte[] json, String key, JavaType type) {
        Objects.requireNonNull(json, "json");
        try {
            return readValue(json, key, type);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(describe(e, type.getRawClass()), withheld(e));
        }
    }

    private <T> T readValue(byte[] json, String key, JavaType type) throws IOException {
        try (JsonParser p = mapper.createParser(json)) {
            return readValue(p, key, type);
        }
    }

    private <T> T readValue(InputStream json, String key, JavaType type) throws IOException {
        try (JsonParser p = mapper.createParser(json)) {
            return readValue(p, key, type);
        }
    }

    private <T> T readValue(JsonParser p, String key, JavaType type) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new UnusableDocumentException(p, "the body is empty");
        }
        if (first == JsonToken.VALUE_NULL) {
            throw new UnusableDocumentException(p, "the document is null");
        }
        if (key != null) {
            seek(p, key);
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                throw new UnusableDocumentException(p, "member '" + key + "' is null");
            }
        }
        T value = mapper.readValue(p, type);
        if (value == null) {
            throw new UnusableDocumentException(p, "the document decoded to null");
        }
        return value;
    }

    // Leaves the parser on the first token of the member's value, skipping earlier members unread.
    private static void seek(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new UnusableDocumentException(
                    p, "expected a JSON object holding '" + key + "', got " + p.currentToken());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (key.equals(name)) {
                return;
            }
            p.skipChildren();
        }
        throw new UnusableDocumentException(p, "no member '" + key + "' in the top-level object");
    }

    // A description naming the type, the position or JSON path and the kind of failure, never a value from
    // the body: Jackson's own messages quote offending tokens, and response bodies can hold secrets.
    private static String describe(Exception e, Class<?> type) {
        String target = "expected " + type.getSimpleName();
        if (e instanceof UnusableDocumentException) {
            return target + ": " + ((UnusableDocumentException) e).reason;
        }
        if (e instanceof JsonMappingException) {
            String path = path((JsonMappingException) e);
            return target + ": the document does not match" + (path.isEmpty() ? "" : " at " + path);
        }
        if (e instanceof JsonParseException) {
            JsonLocation at = ((JsonParseException) e).getLocation();
            return target + ": malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        return target + ": " + e.getClass().getSimpleName();
    }

    // Jackson's messages quote the offending input ("Unrecognized token 's3cr3t'"), and a logged cause prints
    // its message. The stand-in keeps the failure's type and stack trace, which is what diagnosis needs.
    private static IOException withheld(Exception e) {
        IOException stand = new IOException(e.getClass().getName() + " (message withheld: it may quote the body)");
        stand.setStackTrace(e.getStackTrace());
        return stand;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** A document that is well-formed JSON but holds nothing to decode where the caller expects a value. */
    private static final class UnusableDocumentException extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        final String reason;

        UnusableDocumentException(JsonParser p, String reason) {
            super(p, reason);
            this.reason = reason;
        }
    }
}
