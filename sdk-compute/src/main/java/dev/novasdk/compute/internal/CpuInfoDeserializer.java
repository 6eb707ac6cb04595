package dev.novasdk.compute.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a hypervisor's {@code cpu_info}: a JSON text before microversion 2.28, an object from 2.28. Both read
 * as a map; a text that is not a JSON object reads as {@code {"raw": text}}, so nothing is lost. Not API.
 */
public final class CpuInfoDeserializer extends StdDeserializer<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** Used by Jackson through {@code @JsonDeserialize(using = ...)}. */
    public CpuInfoDeserializer() {
        super(Map.class);
    }

    @Override
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.START_OBJECT)) {
            return ctxt.readValue(p, ctxt.getTypeFactory().constructType(MAP));
        }
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            try (JsonParser inner = p.getCodec().getFactory().createParser(text)) {
                if (inner.nextToken() == JsonToken.START_OBJECT) {
                    return ctxt.readValue(inner, ctxt.getTypeFactory().constructType(MAP));
                }
            } catch (IOException notJson) {
                // Kept as text below.
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("raw", text);
            return raw;
        }
        return (Map<String, Object>) ctxt.handleUnexpectedToken(Map.class, p);
    }

    @Override
    public Map<String, Object> getNullValue(DeserializationContext ctxt) {
        return new LinkedHashMap<>();
    }
}
