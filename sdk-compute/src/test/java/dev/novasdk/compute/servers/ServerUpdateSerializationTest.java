package dev.novasdk.compute.servers;

import static dev.novasdk.compute.Samples.json;
import static dev.novasdk.compute.Samples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A {@link ServerUpdate} written by the client's codec is the body of {@code PUT /servers/{id}} inside its
 * {@code server} envelope: nova's field names, only the fields set; the api-samples of nova
 * (doc/api_samples/servers/[v2.N/]server-update-req.json, copied under src/test/resources/compute) are what it
 * writes for their values. It reports the microversions its fields need.
 */
class ServerUpdateSerializationTest {
    private static final JsonCodec CODEC = JsonCodec.create();

    @Test
    void write_everyField_novaNamesAndNothingElse() {
        ServerUpdate update = ServerUpdate.builder()
                .name("web-2")
                .diskConfig(DiskConfig.MANUAL)
                .accessIpv4("4.3.2.1")
                .accessIpv6("80fe::")
                .description("front end")
                .hostname("web-2")
                .build();
        assertEquals(
                json("{'name': 'web-2', 'OS-DCF:diskConfig': 'MANUAL', 'accessIPv4': '4.3.2.1',"
                        + " 'accessIPv6': '80fe::', 'description': 'front end', 'hostname': 'web-2'}"),
                tree(CODEC.write(update)));
    }

    @Test
    void write_nameOnly_leavesTheOtherFieldsOut() {
        assertEquals(
                json("{'name': 'n'}"),
                tree(CODEC.write(ServerUpdate.builder().name("n").build())));
    }

    @Test
    void write_emptyDescription_isSentToClearIt() {
        assertEquals(
                json("{'description': ''}"),
                tree(CODEC.write(ServerUpdate.builder().description("").build())));
    }

    @Test
    void writeEnveloped_isTheBodyTheManagerSends() {
        assertEquals(
                json("{'server': {'accessIPv4': '4.3.2.1', 'accessIPv6': '80fe::'}}"),
                tree(CODEC.writeEnveloped(
                        "server",
                        ServerUpdate.builder()
                                .accessIpv4("4.3.2.1")
                                .accessIpv6("80fe::")
                                .build())));
    }

    @Test
    void write_baseSample_builtByHand() {
        ServerUpdate update = ServerUpdate.builder()
                .accessIpv4("4.3.2.1")
                .accessIpv6("80fe::")
                .diskConfig(DiskConfig.AUTO)
                .name("new-server-test")
                .build();
        assertEquals(
                CreateSamples.raw("doc/api_samples/servers/server-update-req.json"),
                tree(CODEC.writeEnveloped("server", update)));
        assertEquals(List.of(), update.versionRequirements());
    }

    @Test
    void write_v294Sample_builtByHand() {
        ServerUpdate update = ServerUpdate.builder()
                .accessIpv4("4.3.2.1")
                .accessIpv6("80fe::")
                .diskConfig(DiskConfig.AUTO)
                .hostname("new-server-hostname.example.com")
                .build();
        assertEquals(
                CreateSamples.raw("doc/api_samples/servers/v2.94/server-update-req.json"),
                tree(CODEC.writeEnveloped("server", update)));
    }

    /** Every sample, built from its values, is written as itself, and its fields are accepted at its version. */
    @ParameterizedTest
    @CsvSource({
        "server-update-req.json, 2.1",
        "v2.47/server-update-req.json, 2.47",
        "v2.63/server-update-req.json, 2.63",
        "v2.71/server-update-req.json, 2.71",
        "v2.73/server-update-req.json, 2.73",
        "v2.75/server-update-req.json, 2.75",
        "v2.90/server-update-req.json, 2.90",
        "v2.94/server-update-req.json, 2.94",
        "v2.96/server-update-req.json, 2.96"
    })
    void samples_readAndWritten_areTheSameBodyAndFitTheirVersion(String file, String version) {
        byte[] sample = Samples.bytes("compute/doc/api_samples/servers/" + file);
        ServerUpdate update = fromSample(tree(sample).get("server"));
        assertEquals(tree(sample), tree(CODEC.writeEnveloped("server", update)), file);
        VersionRequirements.check(update.versionRequirements(), Microversion.parse(version));
    }

    // The builder calls a caller makes for the sample's values; a field this does not know fails the test.
    private static ServerUpdate fromSample(JsonNode server) {
        ServerUpdate.Builder b = ServerUpdate.builder();
        server.fields().forEachRemaining(e -> {
            String v = e.getValue().asText();
            switch (e.getKey()) {
                case "name" -> b.name(v);
                case "OS-DCF:diskConfig" -> b.diskConfig(DiskConfig.fromValue(v));
                case "accessIPv4" -> b.accessIpv4(v);
                case "accessIPv6" -> b.accessIpv6(v);
                case "description" -> b.description(v);
                case "hostname" -> b.hostname(v);
                default -> throw new AssertionError("a sample field ServerUpdate lacks: " + e.getKey());
            }
        });
        return b.build();
    }

    @Test
    void versionRequirements_descriptionAndHostnameLabel_since219And290() {
        ServerUpdate update = ServerUpdate.builder()
                .name("n")
                .description("d")
                .hostname("web-1")
                .build();
        assertEquals(
                List.of(
                        VersionRequirement.since("description", Microversion.of(2, 19)),
                        VersionRequirement.since("hostname", Microversion.of(2, 90))),
                update.versionRequirements());
    }

    @Test
    void versionRequirements_fullyQualifiedHostname_since294() {
        assertEquals(
                List.of(VersionRequirement.since("hostname", Microversion.of(2, 94))
                        .withCondition("a fully qualified domain name")),
                ServerUpdate.builder().hostname("web-1.example.com").build().versionRequirements());
    }

    @Test
    void versionRequirements_baseFieldsOnly_none() {
        assertEquals(
                List.of(),
                ServerUpdate.builder()
                        .name("n")
                        .accessIpv4("1.2.3.4")
                        .diskConfig(DiskConfig.AUTO)
                        .build()
                        .versionRequirements());
    }

    @Test
    void versionRequirements_checkedBelowTheirVersion_nameTheField() {
        ServerUpdate update = ServerUpdate.builder().description("d").build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(update.versionRequirements(), Microversion.of(2, 18)));
        assertEquals(
                "field 'description' requires compute microversion 2.19 or later; the client uses 2.18",
                e.getMessage());
    }

    @Test
    void write_neverIncludesTheRequirementsOrTheBuilder() {
        JsonNode written = tree(CODEC.write(
                ServerUpdate.builder().description("d").hostname("h1").build()));
        assertEquals(json("{'description': 'd', 'hostname': 'h1'}"), written);
        assertTrue(written.path("versionRequirements").isMissingNode());
    }

    @Test
    void build_invalidFields_failNamingTheField() {
        assertEquals(
                "a server update needs at least one of name, diskConfig, accessIpv4, accessIpv6, description, "
                        + "hostname",
                assertThrows(IllegalArgumentException.class, () -> ServerUpdate.builder()
                                .build())
                        .getMessage());
        assertEquals(
                "accessIPv4 must be an IPv4 address, got '80fe::'",
                assertThrows(IllegalArgumentException.class, () -> ServerUpdate.builder()
                                .accessIpv4("80fe::")
                                .build())
                        .getMessage());
        assertEquals(
                "OS-DCF:diskConfig must be AUTO or MANUAL",
                assertThrows(IllegalArgumentException.class, () -> ServerUpdate.builder()
                                .diskConfig(DiskConfig.UNKNOWN)
                                .build())
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerUpdate.builder().hostname("bad host").build())
                .getMessage()
                .startsWith("hostname must be a hostname of 2 to 63 characters"));
        assertEquals(
                "name must not start or end with whitespace",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ServerUpdate.builder().name(" padded").build())
                        .getMessage());
    }
}
