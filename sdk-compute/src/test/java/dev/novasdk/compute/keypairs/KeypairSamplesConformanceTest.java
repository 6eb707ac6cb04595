package dev.novasdk.compute.keypairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.KeypairListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of nova's {@code os-keypairs/} (all microversions; see src/test/resources/SOURCES.md): each
 * response parses into {@link Keypair} and is written back without losing a value, and each request is what
 * {@link KeypairCreate} writes for the same fields.
 */
class KeypairSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    static Stream<String> responses() {
        return Samples.list("compute/os-keypairs", 26).stream().filter(f -> f.endsWith("-resp.json"));
    }

    static Stream<String> requests() {
        return Samples.list("compute/os-keypairs", 26).stream().filter(f -> f.endsWith("-req.json"));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void read_responseSample_writesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        byte[] bytes = Samples.bytes(resource);
        List<JsonNode> nodes = new ArrayList<>();
        List<Keypair> keypairs;
        if (doc.has("keypair")) {
            nodes.add(doc.get("keypair"));
            keypairs = List.of(CODEC.readEnveloped(bytes, "keypair", Keypair.class));
        } else {
            doc.get("keypairs").forEach(n -> nodes.add(n.get("keypair")));
            KeypairListDocument page = CODEC.read(bytes, KeypairListDocument.class);
            keypairs = page.items();
            assertEquals(doc.has("keypairs_links"), page.nextHref().isPresent(), resource + ": next link");
        }
        assertEquals(nodes.size(), keypairs.size(), resource);
        for (int i = 0; i < nodes.size(); i++) {
            Keypair k = keypairs.get(i);
            JsonNode written = MAPPER.valueToTree(k);
            Samples.assertHoldsEverything(MAPPER, nodes.get(i), written, resource + "[" + i + "]");
            assertEquals(k, MAPPER.convertValue(written, Keypair.class), resource + ": read back");
            assertEquals(
                    nodes.get(i).has("type") ? nodes.get(i).get("type").asText() : "ssh",
                    k.type().value());
            k.privateKey().ifPresent(key -> {
                assertFalse(k.toString().contains(key.substring(40, 80)), "toString shows the private key");
                assertTrue(nodes.get(0).has("private_key"));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void write_requestSample_isProducedByKeypairCreate(String resource) {
        JsonNode sample = Samples.tree(MAPPER, resource).get("keypair");
        KeypairCreate.Builder b =
                KeypairCreate.builder().name(sample.get("name").asText());
        if (sample.has("type")) {
            b.type(KeypairType.fromValue(sample.get("type").asText()));
        }
        if (sample.has("public_key")) {
            b.publicKey(sample.get("public_key").asText());
        }
        if (sample.has("user_id")) {
            b.userId(sample.get("user_id").asText());
        }
        assertEquals(Samples.tree(MAPPER, resource), Samples.tree(CODEC.writeEnveloped("keypair", b.build())));
    }
}
