package dev.novasdk.compute.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.ImageListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image document in glance's v2 api-samples and nova's {@code images/} proxy samples (fixtures listed
 * in src/test/resources/SOURCES.md) parses into the one {@link Image} type and is written back, in glance's
 * shape, without losing a value. Nova's spellings are compared through the glance names they read into.
 */
class ImageSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    /** Nova proxy key -> the glance key the model writes it as. */
    private static final Map<String, String> NOVA_TO_GLANCE = Map.of(
            "minDisk", "min_disk",
            "minRam", "min_ram",
            "OS-EXT-IMG-SIZE:size", "size",
            "created", "created_at",
            "updated", "updated_at");

    static Stream<String> samples() {
        return Stream.concat(Samples.list("image/v2", 5).stream(), Samples.list("compute/images", 3).stream());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_writesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        byte[] bytes = Samples.bytes(resource);
        List<JsonNode> nodes = new ArrayList<>();
        List<Image> images;
        if (doc.has("images")) {
            doc.get("images").forEach(nodes::add);
            images = CODEC.read(bytes, ImageListDocument.class).images();
        } else if (doc.has("image")) {
            nodes.add(doc.get("image"));
            images = List.of(CODEC.readEnveloped(bytes, "image", Image.class));
        } else {
            nodes.add(doc);
            images = List.of(CODEC.read(bytes, Image.class));
        }
        assertEquals(nodes.size(), images.size(), resource);
        boolean nova = resource.startsWith("compute/");
        for (int i = 0; i < nodes.size(); i++) {
            Image image = images.get(i);
            String where = resource + "[" + i + "]";

            JsonNode written = MAPPER.valueToTree(image);
            JsonNode expected = nova ? novaAsGlance(nodes.get(i)) : glance(nodes.get(i));
            Samples.assertHoldsEverything(MAPPER, expected, written, where);
            assertEquals(image, MAPPER.convertValue(written, Image.class), where + ": read back");
        }
    }

    // Glance's locations (admin only, [] in the create sample) are not modelled.
    private static JsonNode glance(JsonNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.remove("locations");
        return copy;
    }

    // The nova keys renamed to glance's, metadata flattened into top-level properties, and the two keys the
    // model does not keep (OS-DCF:diskConfig, derived from the auto_disk_config property; server) dropped.
    private static JsonNode novaAsGlance(JsonNode sample) {
        ObjectNode copy = MAPPER.createObjectNode();
        sample.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.equals("metadata")) {
                e.getValue().fields().forEachRemaining(m -> copy.set(m.getKey(), m.getValue()));
            } else if (!key.equals("OS-DCF:diskConfig") && !key.equals("server")) {
                copy.set(NOVA_TO_GLANCE.getOrDefault(key, key), e.getValue());
            }
        });
        return copy;
    }
}
