package dev.novasdk.compute.flavors;

import static dev.novasdk.compute.Samples.json;
import static dev.novasdk.compute.Samples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.VersionRequirements;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.json.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link FlavorCreate} written by the client's codec is the body of {@code POST /flavors} inside its
 * {@code flavor} envelope, with nova's field names and only the optional fields set; nova's api-samples
 * (doc/api_samples/flavor-manage/[v2.N/]flavor-create-post-req.json, copied under src/test/resources/compute)
 * are what it writes for their values. It reports the microversions its fields need.
 */
class FlavorCreateSerializationTest {
    private static final JsonCodec CODEC = JsonCodec.create();

    private static FlavorCreate.Builder required() {
        return FlavorCreate.builder().name("m1.small").ram(2048).vcpus(1).disk(20);
    }

    @Test
    void write_everyField_novaNames() {
        FlavorCreate create = required()
                .id("42")
                .ephemeralGb(5)
                .swapMb(512)
                .rxtxFactor(1.5)
                .isPublic(false)
                .description("small")
                .build();
        assertEquals(
                json("{'name': 'm1.small', 'ram': 2048, 'vcpus': 1, 'disk': 20, 'id': '42',"
                        + " 'OS-FLV-EXT-DATA:ephemeral': 5, 'swap': 512, 'rxtx_factor': 1.5,"
                        + " 'os-flavor-access:is_public': false, 'description': 'small'}"),
                tree(CODEC.write(create)));
    }

    @Test
    void write_requiredOnly_leavesTheOptionalFieldsOut() {
        assertEquals(
                json("{'name': 'm1.small', 'ram': 2048, 'vcpus': 1, 'disk': 20}"),
                tree(CODEC.write(required().build())));
    }

    @Test
    void write_baseSample_builtByHand() {
        FlavorCreate create = FlavorCreate.builder()
                .name("test_flavor")
                .ram(1024)
                .vcpus(2)
                .disk(10)
                .id("10")
                .rxtxFactor(2.0)
                .build();
        assertEquals(
                tree(Samples.bytes("compute/doc/api_samples/flavor-manage/flavor-create-post-req.json")),
                tree(CODEC.writeEnveloped("flavor", create)));
    }

    // The builder calls a caller makes for the sample's values; a field this does not know fails the test.
    private static FlavorCreate fromSample(JsonNode flavor) {
        FlavorCreate.Builder b = FlavorCreate.builder();
        flavor.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "name" -> b.name(v.asText());
                case "ram" -> b.ram(v.intValue());
                case "vcpus" -> b.vcpus(v.intValue());
                case "disk" -> b.disk(v.intValue());
                case "id" -> b.id(v.asText());
                case "OS-FLV-EXT-DATA:ephemeral" -> b.ephemeralGb(v.intValue());
                case "swap" -> b.swapMb(v.intValue());
                case "rxtx_factor" -> b.rxtxFactor(v.doubleValue());
                case "os-flavor-access:is_public" -> b.isPublic(v.booleanValue());
                case "description" -> b.description(v.asText());
                default -> throw new AssertionError("a sample field FlavorCreate lacks: " + e.getKey());
            }
        });
        return b.build();
    }

    /** Every sample, built from its values, is written as itself, and its fields are accepted at its version. */
    @ParameterizedTest
    @CsvSource({
        "flavor-create-post-req.json, 2.1",
        "v2.55/flavor-create-post-req.json, 2.55",
        "v2.61/flavor-create-post-req.json, 2.61",
        "v2.75/flavor-create-post-req.json, 2.75"
    })
    void samples_readAndWritten_areTheSameBodyAndFitTheirVersion(String file, String version) {
        byte[] sample = Samples.bytes("compute/doc/api_samples/flavor-manage/" + file);
        FlavorCreate create = fromSample(tree(sample).get("flavor"));
        assertEquals(tree(sample), tree(CODEC.writeEnveloped("flavor", create)), file);
        VersionRequirements.check(create.versionRequirements(), Microversion.parse(version));
    }

    @Test
    void versionRequirements_description_since255() {
        FlavorCreate create = required().description("d").build();
        assertEquals(
                List.of(VersionRequirement.since("description", Microversion.of(2, 55))), create.versionRequirements());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(create.versionRequirements(), Microversion.of(2, 54)));
        assertEquals(
                "field 'description' requires compute microversion 2.55 or later; the client uses 2.54",
                e.getMessage());
    }

    @Test
    void versionRequirements_rxtxFactor_until2101() {
        assertEquals(
                List.of(VersionRequirement.until("rxtx_factor", Microversion.of(2, 101))),
                required().rxtxFactor(1.0).build().versionRequirements());
    }

    @Test
    void versionRequirements_requiredFieldsOnly_none() {
        assertEquals(List.of(), required().id("x").isPublic(true).build().versionRequirements());
    }

    @Test
    void write_neverIncludesTheRequirements() {
        assertEquals(
                json("{'name': 'm1.small', 'ram': 2048, 'vcpus': 1, 'disk': 20, 'description': 'd'}"),
                tree(CODEC.write(required().description("d").build())));
    }

    @Test
    void build_rxtxFactorNotPositive_fails() {
        assertEquals(
                "rxtxFactor must be > 0, got 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> required().rxtxFactor(0.0).build())
                        .getMessage());
    }
}
