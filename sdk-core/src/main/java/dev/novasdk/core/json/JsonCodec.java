package dev.novasdk.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;

/** Stub; replaced by the real codec. */
public final class JsonCodec {
    private JsonCodec() {
    }

    public static ObjectMapper defaultMapper() {
        throw new UnsupportedOperationException("stub");
    }

    public static JsonCodec create() {
        throw new UnsupportedOperationException("stub");
    }

    public static JsonCodec of(ObjectMapper mapper) {
        throw new UnsupportedOperationException("stub");
    }

    public byte[] write(Object value) {
        throw new UnsupportedOperationException("stub");
    }

    public <T> T read(byte[] json, Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public <T> T decode(HttpRequest req, HttpResponse resp, String envelopeKeyOrNull, Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}
