package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.internal.HttpPipeline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where FakeCloud once differed from the lab (issue 15, part 5 and 6), run against both
 * ({@link RealCloudFidelityIT}, {@link FakeCloudFidelityIT}): a flavor larger than the host fails scheduling
 * with Nova's fault, deleted servers stay listable as DELETED, and every timestamp has the lab's shape. Raw JSON is read, so the shape of each string is what is checked.
 */
abstract class FidelitySuite extends CloudSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Nova's created/updated and Glance's times: whole seconds with Z; Nova's other times and Keystone's: six
    // zero fraction digits (MariaDB and fernet tokens keep whole seconds), with Z only in Keystone.
    private static final Pattern SECONDS_Z = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern MICROS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000");
    private static final Pattern MICROS_Z = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000Z");

    private HttpPipeline raw;

    @Override
    void connected() {
        raw = HttpPipeline.builder().tokenProvider(session).build();
    }

    @Override
    void disconnecting() {
        raw.close();
    }

    private URI url(String service, String path) {
        String base = session.endpoint(service).toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    private JsonNode get(String service, String path, String microversion) throws IOException {
        HttpRequest.Builder b = HttpRequest.builder(HttpMethod.GET, url(service, path));
        if (microversion != null) {
            b.header("OpenStack-API-Version", "compute " + microversion);
        }
        return JSON.readTree(raw.send(b.build()).body());
    }

    private static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static void assertShape(Pattern shape, JsonNode value, String what) {
        assertTrue(value != null && value.isTextual(), what + " is missing: " + value);
        assertTrue(shape.matcher(value.asText()).matches(), what + " = " + value.asText() + ", expected " + shape);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("servers").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    // ------------------------------------------------------------------------------------------ capacity

    @Test
    void flavorLargerThanTheHost_serverEndsInErrorWithNoValidHost() {
        // 10,000,000 GB of disk: more than the lab's hypervisor has (600,000 GB), and not counted by any quota, so
        // the request reaches the scheduler, which gives up at once.
        Flavor huge = nova.flavors()
                .create(FlavorCreate.builder()
                        .name("novasdk-fid-huge-" + UUID.randomUUID().toString().substring(0, 8))
                        .ram(512)
                        .vcpus(1)
                        .disk(10_000_000)
                        .build());
        try {
            Server s = nova.servers()
                    .create(ServerCreate.builder()
                            .name("novasdk-fid-capacity-"
                                    + UUID.randomUUID().toString().substring(0, 8))
                            .image(nova.images().find("cirros").orElseThrow())
                            .flavor(huge)
                            .networksNone()
                            .build());
            track(s.id());
            ResourceErrorException e = assertThrows(ResourceErrorException.class, () -> nova.servers()
                    .waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits()));
            assertEquals(Optional.of(500), e.faultCode());
            assertTrue(
                    e.faultMessage().orElse("").startsWith("No valid host was found."), "fault: " + e.faultMessage());
            assertEquals(ServerStatus.ERROR, nova.servers().get(s.id()).status());
        } finally {
            deleteWhatWasBooted();
            nova.flavors().delete(huge.id());
        }
    }

    // ------------------------------------------------------------------------------------------ deleted

    @Test
    void deletedServer_afterItIsGone_isListedAsDeletedUnderChangesSinceAndToAdminsWithDeleted() throws IOException {
        Server s = bootActive("novasdk-fid", "deleted");
        String since = DateTimeFormatter.ISO_INSTANT.format(
                s.created().orElseThrow().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        nova.servers().delete(s.id());
        nova.servers().waitForDelete(s.id(), cloud.waits());
        untrack(s.id());
        assertThrows(NotFoundException.class, () -> nova.servers().get(s.id()));
        String name = q(s.name().orElseThrow());

        JsonNode changed = get("compute", "servers/detail?changes-since=" + q(since) + "&name=" + name, "2.93");
        assertEquals(List.of(s.id()), ids(changed));
        JsonNode doc = changed.get("servers").get(0);
        assertEquals("DELETED", doc.get("status").asText());
        assertEquals("deleted", doc.get("OS-EXT-STS:vm_state").asText());
        assertTrue(doc.get("OS-EXT-STS:task_state").isNull());
        assertShape(MICROS, doc.get("OS-SRV-USG:terminated_at"), "terminated_at");

        assertEquals(List.of(), ids(get("compute", "servers?name=" + name, "2.93")));
        assertEquals(List.of(s.id()), ids(get("compute", "servers?deleted=true&name=" + name, "2.93")));
        assertEquals(List.of(s.id()), ids(get("compute", "servers?status=DELETED&name=" + name, "2.93")));
        assertEquals(List.of(), ids(get("compute", "servers?deleted=false&name=" + name, "2.93")));
        assertEquals(
                List.of(),
                ids(get("compute", "servers?changes-since=" + q(since) + "&status=ACTIVE&name=" + name, "2.93")));
    }

    // ------------------------------------------------------------------------------------------ timestamps

    @Test
    void timestamps_ofServersActionsTokensKeypairsAndImages_haveTheLabsShape() throws IOException {
        Server s = bootActive("novasdk-fid", "times");

        JsonNode server = get("compute", "servers/" + s.id(), "2.93").get("server");
        assertShape(SECONDS_Z, server.get("created"), "created");
        assertShape(SECONDS_Z, server.get("updated"), "updated");
        assertShape(MICROS, server.get("OS-SRV-USG:launched_at"), "launched_at");
        assertTrue(server.get("OS-SRV-USG:terminated_at").isNull());

        JsonNode action = get("compute", "servers/" + s.id() + "/os-instance-actions", "2.93")
                .get("instanceActions")
                .get(0);
        assertShape(MICROS, action.get("start_time"), "action start_time");
        assertShape(MICROS, action.get("updated_at"), "action updated_at");
        JsonNode events = get(
                        "compute",
                        "servers/" + s.id() + "/os-instance-actions/"
                                + action.get("request_id").asText(),
                        "2.93")
                .get("instanceAction")
                .get("events");
        assertTrue(events.size() > 0, events.toString());
        for (JsonNode e : events) {
            assertShape(MICROS, e.get("start_time"), "event start_time");
            assertShape(MICROS, e.get("finish_time"), "event finish_time");
        }

        JsonNode keypairs = get("compute", "os-keypairs", "2.93").get("keypairs");
        assertTrue(keypairs.size() > 0, "the lab's lab-key");
        JsonNode keypair = get(
                        "compute",
                        "os-keypairs/"
                                + keypairs.get(0).get("keypair").get("name").asText(),
                        "2.93")
                .get("keypair");
        assertShape(MICROS, keypair.get("created_at"), "keypair created_at");

        JsonNode image =
                get("image", "v2/images?name=cirros", null).get("images").get(0);
        assertShape(SECONDS_Z, image.get("created_at"), "image created_at");
        assertShape(SECONDS_Z, image.get("updated_at"), "image updated_at");
        JsonNode proxied =
                get("compute", "images/" + image.get("id").asText(), "2.35").get("image");
        assertShape(SECONDS_Z, proxied.get("created"), "proxied image created");

        String token = session.token().id();
        JsonNode validated = JSON.readTree(raw.send(HttpRequest.builder(HttpMethod.GET, url("identity", "auth/tokens"))
                        .header("X-Subject-Token", token)
                        .build())
                .body());
        assertShape(MICROS_Z, validated.get("token").get("issued_at"), "token issued_at");
        assertShape(MICROS_Z, validated.get("token").get("expires_at"), "token expires_at");
        assertFalse(
                Instant.parse(validated.get("token").get("expires_at").asText()).isBefore(Instant.EPOCH));
    }
}
