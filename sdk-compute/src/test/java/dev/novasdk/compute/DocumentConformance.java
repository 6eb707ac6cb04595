package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The conformance check of the operator resources' api-samples: each document under an envelope key (one
 * object, or an array of them) reads into its model, uses no key the model does not declare (nested models
 * included), and is written back holding every value. Nova's integer ids read as text and the pre-2.28
 * {@code cpu_info} text reads as the object it encodes, so the sample is compared in those forms.
 */
public final class DocumentConformance {
    /** The mapper every client uses. */
    public static final ObjectMapper MAPPER = JsonCodec.defaultMapper();

    private DocumentConformance() {}

    /**
     * Checks every document under {@code key} of {@code resource} against {@code type}; returns the models.
     * {@code nested} maps a member name to the model its value (or its array's elements) reads as.
     */
    public static <T> List<T> check(String resource, String key, Class<T> type, Map<String, Class<?>> nested) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        JsonNode value = doc.get(key);
        assertTrue(value != null, resource + ": no member " + key);
        List<JsonNode> nodes = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(nodes::add);
        } else {
            nodes.add(value);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String where = resource + ":" + key + "[" + i + "]";
            JsonNode sample = normalized(nodes.get(i));
            undeclared(sample, type, nested, where);
            T model;
            try {
                model = MAPPER.treeToValue(nodes.get(i), type);
            } catch (IOException e) {
                throw new UncheckedIOException(where, e);
            }
            JsonNode written = MAPPER.valueToTree(model);
            Samples.assertHoldsEverything(MAPPER, sample, written, where);
            try {
                assertEquals(model, MAPPER.treeToValue(written, type), where + ": read back");
            } catch (IOException e) {
                throw new UncheckedIOException(where, e);
            }
            out.add(model);
        }
        return out;
    }

    /** The names Jackson reads and writes for {@code type}'s implementation. */
    public static Set<String> declared(Class<?> type) {
        return MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type)).findProperties().stream()
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void undeclared(JsonNode sample, Class<?> type, Map<String, Class<?>> nested, String where) {
        if (!sample.isObject()) {
            return;
        }
        Set<String> names = new TreeSet<>();
        sample.fieldNames().forEachRemaining(names::add);
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(declared(implementation(type)));
        assertTrue(missing.isEmpty(), where + ": keys " + type.getSimpleName() + " does not declare: " + missing);
        for (String name : names) {
            Class<?> inner = nested.get(name);
            JsonNode v = sample.get(name);
            if (inner != null && v.isArray()) {
                for (JsonNode e : v) {
                    undeclared(e, inner, nested, where + "." + name + "[]");
                }
            } else if (inner != null && v.isObject()) {
                undeclared(v, inner, nested, where + "." + name);
            }
        }
    }

    // The generated Immutable* class carries the Jackson properties.
    private static Class<?> implementation(Class<?> type) {
        try {
            return Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName());
        } catch (ClassNotFoundException e) {
            return type;
        }
    }

    /** The sample with integer ids as text and a cpu_info text as its object, as the models read them. */
    public static JsonNode normalized(JsonNode node) {
        JsonNode copy = node.deepCopy();
        normalize(copy);
        return copy;
    }

    private static void normalize(JsonNode node) {
        if (node.isArray()) {
            node.forEach(DocumentConformance::normalize);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) node;
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (String name : names) {
            JsonNode v = o.get(name);
            if (name.equals("id") && v.isIntegralNumber()) {
                o.set(name, TextNode.valueOf(v.asText()));
            } else if (name.equals("cpu_info") && v.isTextual()) {
                try {
                    o.set(name, MAPPER.readTree(v.asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                normalize(v);
            }
        }
    }
}
