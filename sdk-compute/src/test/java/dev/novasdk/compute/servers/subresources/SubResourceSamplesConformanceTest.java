package dev.novasdk.compute.servers.subresources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.info.SecurityGroup;
import dev.novasdk.compute.servers.info.ServerDiagnostics;
import dev.novasdk.compute.servers.info.ServerTopology;
import dev.novasdk.compute.servers.migrations.ServerMigration;
import dev.novasdk.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every typed response sample of the server sub-resources in nova's api-samples (fixtures listed in
 * src/test/resources/compute/SOURCES.md) parses into its model, and the model written back holds every value
 * and adds nothing: diagnostics (2.48), topology (2.78), server security groups, server migrations (2.23,
 * 2.59, 2.80), volume attachments (all microversions) and interface attachments. The untyped ones (metadata,
 * tags, IPs, password, legacy diagnostics) are parsed by the manager tests.
 */
class SubResourceSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final String ROOT = "compute/doc/api_samples/";

    /** Envelope key to model. */
    private static final Map<String, Class<?>> ENVELOPES = Map.of(
            "volumeAttachment", VolumeAttachment.class,
            "volumeAttachments", VolumeAttachment.class,
            "interfaceAttachment", InterfaceAttachment.class,
            "interfaceAttachments", InterfaceAttachment.class,
            "migration", ServerMigration.class,
            "migrations", ServerMigration.class,
            "security_groups", SecurityGroup.class);

    static Stream<String> responses() {
        List<String> all = new ArrayList<>();
        all.addAll(Samples.list(ROOT + "os-volume_attachments", 35));
        all.addAll(Samples.list(ROOT + "os-attach-interfaces", 12));
        all.addAll(Samples.list(ROOT + "server-migrations", 7));
        all.add(ROOT + "os-security-groups/server-security-groups-list-resp.json");
        all.add(ROOT + "os-server-diagnostics/v2.48/server-diagnostics-get-resp.json");
        all.addAll(Samples.list(ROOT + "os-server-topology", 2));
        // Requests are written by SubResourceRequestSamplesTest; force_complete.json is a request too.
        return all.stream().filter(r -> !r.endsWith("-req.json") && !r.endsWith("force_complete.json"));
    }

    @Test
    void responses_coverEveryResponseSampleOfTheTypedFamilies() {
        assertEquals(37, responses().count());
    }

    @ParameterizedTest
    @MethodSource("responses")
    void read_responseSample_keepsEveryValue(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        if (resource.contains("os-server-diagnostics")) {
            check(doc, ServerDiagnostics.class, resource);
            return;
        }
        if (resource.contains("os-server-topology")) {
            check(doc, ServerTopology.class, resource);
            return;
        }
        assertEquals(1, doc.size(), resource + ": one envelope");
        String key = doc.fieldNames().next();
        Class<?> type = ENVELOPES.get(key);
        assertTrue(type != null, resource + ": unknown envelope " + key);
        JsonNode body = doc.get(key);
        if (body.isArray()) {
            assertTrue(body.size() > 0, resource + ": empty sample list");
            for (int i = 0; i < body.size(); i++) {
                check(body.get(i), type, resource + "[" + i + "]");
            }
        } else {
            check(body, type, resource);
        }
    }

    private static void check(JsonNode sample, Class<?> type, String where) {
        Object model = MAPPER.convertValue(sample, type);
        JsonNode written = MAPPER.valueToTree(model);
        Samples.assertHoldsEverything(MAPPER, sample, written, where);
        assertEquals(model, MAPPER.convertValue(written, type), where + ": read back");
    }
}
