package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading the request fixtures under {@code src/test/resources/compute} and writing requests the SDK's way. */
final class CreateSamples {
    static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.create();

    // Nova's schema types these as integer-or-digit-string (parameter_types.positive_integer, volume_size) or
    // boolean-or-string (parameter_types.boolean); the samples and novaclient send strings, the SDK sends the
    // JSON types. Comparing them as Nova reads them is what "the same request" means.
    private static final Set<String> INTEGERS = Set.of("min_count", "max_count", "volume_size", "boot_index");
    private static final Set<String> BOOLEANS =
            Set.of("return_reservation_id", "delete_on_termination", "config_drive");

    private CreateSamples() {}

    /** The request body the SDK sends for {@code create}, as a tree. */
    static JsonNode written(ServerCreate create) {
        try {
            return MAPPER.readTree(CODEC.write(create));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture at {@code path} (below {@code compute/}), verbatim. */
    static JsonNode raw(String path) {
        try (InputStream in = CreateSamples.class.getResourceAsStream("/compute/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture at {@code path} as Nova reads it: numbers and booleans sent as strings become JSON numbers and
     * booleans, and the alias {@code OS-SCH-HNT:scheduler_hints} becomes {@code os:scheduler_hints}, which is the
     * key the SDK (like novaclient) sends. Nova's create reads either key (servers.py create).
     */
    static JsonNode asNovaReadsIt(String path) {
        ObjectNode doc = (ObjectNode) raw(path);
        JsonNode hints = doc.remove("OS-SCH-HNT:scheduler_hints");
        if (hints != null) {
            doc.set("os:scheduler_hints", hints);
        }
        coerce(doc);
        return doc;
    }

    private static void coerce(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = List.copyOf(iterable(o));
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isTextual() && INTEGERS.contains(name) && v.asText().matches("-?[0-9]+")) {
                    o.set(name, IntNode.valueOf(Integer.parseInt(v.asText())));
                } else if (v.isTextual() && BOOLEANS.contains(name)) {
                    o.set(name, BooleanNode.valueOf(Boolean.parseBoolean(v.asText())));
                } else {
                    coerce(v);
                }
            }
        } else if (node instanceof ArrayNode) {
            node.forEach(CreateSamples::coerce);
        }
    }

    private static List<String> iterable(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The lowest version from 2.1 to 2.100 that accepts every requirement, or null. */
    static Microversion lowestAccepting(List<VersionRequirement> requirements) {
        for (int minor = 1; minor <= 100; minor++) {
            Microversion v = Microversion.of(2, minor);
            if (requirements.stream().allMatch(r -> r.accepts(v))) {
                return v;
            }
        }
        return null;
    }
}
