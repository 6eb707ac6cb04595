package dev.novasdk.compute.servers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code scheduler_hints}, whose values nova stores as the user gave them: a string
 * ({@code "group": "<uuid>"}) or a list of strings ({@code "same_host": ["<uuid>"]}). Both read as lists.
 */
final class SchedulerHintsDeserializer extends StdDeserializer<Map<String, List<String>>> {
    private static final long serialVersionUID = 1L;

    SchedulerHintsDeserializer() {
        super(Map.class);
    }

    @Override
    public Map<String, List<String>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> unexpected = (Map<String, List<String>>) ctxt.handleUnexpectedToken(Map.class, p);
            return unexpected;
        }
        JsonNode tree = ctxt.readTree(p);
        Map<String, List<String>> hints = new LinkedHashMap<>();
        tree.fields().forEachRemaining(e -> hints.put(e.getKey(), values(e.getValue())));
        return hints;
    }

    private static List<String> values(JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(text(node));
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(text(v)));
        return List.copyOf(values);
    }

    // Hint values are strings; anything else keeps its JSON text rather than failing the whole server.
    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
