package dev.novasdk.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.FlavorListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flavor document in nova's api-samples ({@code flavors/} and {@code flavor-manage/}, all
 * microversions; fixtures listed in src/test/resources/SOURCES.md) parses into {@link Flavor}, uses no key
 * the model does not declare, and is written back without losing a value.
 */
class FlavorSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);
    private static final Set<String> DECLARED =
            MAPPER
                    .getSerializationConfig()
                    .introspect(MAPPER.constructType(ImmutableFlavor.class))
                    .findProperties()
                    .stream()
                    .map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toCollection(TreeSet::new));

    static Stream<String> samples() {
        return Stream.concat(
                Samples.list("compute/flavors", 15).stream(), Samples.list("compute/flavor-manage", 9).stream());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_declaresEveryKeyAndWritesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        byte[] bytes = Samples.bytes(resource);
        List<JsonNode> nodes = new ArrayList<>();
        List<Flavor> flavors;
        if (doc.has("flavor")) {
            nodes.add(doc.get("flavor"));
            flavors = List.of(CODEC.readEnveloped(bytes, "flavor", Flavor.class));
        } else {
            doc.get("flavors").forEach(nodes::add);
            FlavorListDocument page = CODEC.read(bytes, FlavorListDocument.class);
            flavors = page.flavors();
            assertEquals(Optional.empty(), page.nextHref(), "the samples are single pages");
        }
        assertEquals(nodes.size(), flavors.size(), resource);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode sample = nodes.get(i);
            Flavor flavor = flavors.get(i);
            String where = resource + "[" + i + "]";

            Set<String> undeclared = new TreeSet<>();
            sample.fieldNames().forEachRemaining(undeclared::add);
            undeclared.removeAll(DECLARED);
            assertTrue(undeclared.isEmpty(), where + ": keys Flavor does not declare: " + undeclared);

            JsonNode written = MAPPER.valueToTree(flavor);
            Samples.assertHoldsEverything(MAPPER, comparable(sample, flavor), written, where);
            assertEquals(flavor, MAPPER.convertValue(written, Flavor.class), where + ": read back");
        }
    }

    // Below 2.75 nova writes "no swap" as "", which the model reads (and writes) as 0.
    private static JsonNode comparable(JsonNode sample, Flavor flavor) {
        ObjectNode copy = sample.deepCopy();
        JsonNode swap = copy.get("swap");
        if (swap != null && swap.isTextual()) {
            assertEquals("", swap.asText());
            assertEquals(Optional.of(0), flavor.swapMb(), "\"swap\": \"\" reads as 0 MiB");
            copy.set("swap", IntNode.valueOf(0));
        }
        return copy;
    }
}
