package dev.novasdk.compute.servergroups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response sample of nova's {@code os-server-groups/} (all microversions) parses into {@link ServerGroup}
 * and is written back without losing a value; the request samples are checked by {@code ServerGroupManagerTest},
 * where the manager writes them.
 */
class ServerGroupSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    static Stream<String> responses() {
        return Samples.list("compute/os-server-groups", 12).stream().filter(f -> f.endsWith("-resp.json"));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void read_responseSample_writesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        byte[] bytes = Samples.bytes(resource);
        List<JsonNode> nodes = new ArrayList<>();
        List<ServerGroup> groups;
        if (doc.has("server_group")) {
            nodes.add(doc.get("server_group"));
            groups = List.of(CODEC.readEnveloped(bytes, "server_group", ServerGroup.class));
        } else {
            doc.get("server_groups").forEach(nodes::add);
            groups = List.of(CODEC.readEnveloped(bytes, "server_groups", ServerGroup[].class));
        }
        assertEquals(nodes.size(), groups.size());
        for (int i = 0; i < nodes.size(); i++) {
            ServerGroup g = groups.get(i);
            JsonNode written = MAPPER.valueToTree(g);
            Samples.assertHoldsEverything(MAPPER, nodes.get(i), written, resource + "[" + i + "]");
            assertEquals(g, MAPPER.convertValue(written, ServerGroup.class), resource + ": read back");
            assertEquals(ServerGroupPolicy.ANTI_AFFINITY, g.policy(), resource);
        }
    }
}
