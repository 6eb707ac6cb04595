package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.ServerListDocument;
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
 * Every server document in nova's api-samples (all microversions; fixtures listed in
 * src/test/resources/SOURCES.md) and in the Kilo {@code nova show} body of seed 004 parses into
 * {@link Server}, uses no key the model does not declare, and is written back without losing a value.
 */
class ServerSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    /** Every property {@link Server} writes, plus the spellings it only reads. */
    private static final Set<String> DECLARED = declared();

    static Stream<String> samples() {
        List<String> all = new ArrayList<>();
        all.addAll(Samples.list("compute/servers", 94));
        for (String dir : List.of(
                "compute/os-rescue",
                "compute/os-multiple-create",
                "compute/os-preserve-ephemeral-rebuild",
                "compute/os-server-tags",
                "compute/servers-sort",
                "compute/seeds")) {
            all.addAll(Samples.list(dir, 1));
        }
        // compute/seeds also holds seed 000's create request, which is not a server document.
        return all.stream().filter(r -> !r.endsWith("-request.json"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_declaresEveryKeyAndWritesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        byte[] bytes = Samples.bytes(resource);
        List<JsonNode> nodes = new ArrayList<>();
        List<Server> servers;
        if (doc.has("server")) {
            nodes.add(doc.get("server"));
            servers = List.of(CODEC.readEnveloped(bytes, "server", Server.class));
        } else {
            doc.get("servers").forEach(nodes::add);
            ServerListDocument page = CODEC.read(bytes, ServerListDocument.class);
            servers = page.servers();
            Optional<String> next = Optional.empty();
            for (JsonNode link : doc.path("servers_links")) {
                if (link.path("rel").asText().equals("next") && next.isEmpty()) {
                    next = Optional.of(link.path("href").asText());
                }
            }
            assertEquals(next, page.nextHref(), "next page");
        }
        assertEquals(nodes.size(), servers.size(), resource);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode sample = nodes.get(i);
            Server server = servers.get(i);
            String where = resource + (nodes.size() > 1 ? "[" + i + "]" : "");

            Set<String> undeclared = new TreeSet<>();
            sample.fieldNames().forEachRemaining(undeclared::add);
            undeclared.removeAll(DECLARED);
            assertTrue(undeclared.isEmpty(), where + ": keys Server does not declare: " + undeclared);

            JsonNode written = MAPPER.valueToTree(server);
            Samples.assertHoldsEverything(MAPPER, comparable(sample, server), written, where);
            assertEquals(server, MAPPER.convertValue(written, Server.class), where + ": read back");
        }
    }

    // Where the model reads a key in a spelling it does not write, the accessor is checked instead and the
    // sample rewritten to the written form.
    private static JsonNode comparable(JsonNode sample, Server server) {
        ObjectNode copy = sample.deepCopy();
        JsonNode image = copy.get("image");
        if (image != null && image.isTextual()) {
            assertEquals("", image.asText());
            assertFalse(server.image().isPresent(), "\"image\": \"\" (booted from volume) reads as no image");
            copy.remove("image");
        }
        JsonNode userData = copy.remove("user_data");
        if (userData != null) {
            assertEquals(Optional.of(userData.asText()), server.userData(), "user_data of a rebuild response");
            copy.set("OS-EXT-SRV-ATTR:user_data", userData);
        }
        return copy;
    }

    private static Set<String> declared() {
        Set<String> names = MAPPER
                .getSerializationConfig()
                .introspect(MAPPER.constructType(ImmutableServer.class))
                .findProperties()
                .stream()
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        names.add("user_data");
        return names;
    }
}
