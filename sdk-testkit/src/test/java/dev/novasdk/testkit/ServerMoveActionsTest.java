package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resize, rebuild, migration, snapshot and console actions of FakeCloud against what the lab answered
 * (recorded 2026-12-03 with curl at 2.93 and 2.44, polling the server and its instance actions): statuses and
 * task states step by step on the controlled clock, flavors, events, and Nova's 400/403/404/409 messages.
 */
class ServerMoveActionsTest {
    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();
    private final String token = Http.token(cloud);
    private String id;

    @BeforeEach
    void boot() {
        id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpResponse<String> action(String version, String body) {
        return nova(cloud, token, "POST", "/servers/" + id + "/action", version, body);
    }

    private JsonNode show() {
        return json(nova(cloud, token, "GET", "/servers/" + id, "2.93", null)).get("server");
    }

    private String states() {
        JsonNode s = show();
        return s.get("status").asText() + " " + s.get("OS-EXT-STS:task_state").asText() + " "
                + s.get("OS-EXT-STS:vm_state").asText() + " "
                + s.get("flavor").get("original_name").asText();
    }

    /** The states seen once per second until the task state clears. */
    private List<String> stepThrough(int seconds) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            seen.add(states());
        }
        return seen;
    }

    private JsonNode lastAction() {
        JsonNode list = json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null));
        String requestId = list.get("instanceActions").get(0).get("request_id").asText();
        return json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions/" + requestId, "2.93", null))
                .get("instanceAction");
    }

    private static List<String> events(JsonNode action) {
        List<String> names = new ArrayList<>();
        action.get("events")
                .forEach(e -> names.add(
                        e.get("event").asText() + " " + e.get("result").asText()));
        return names;
    }

    private static void assertFault(HttpResponse<String> r, int status, String key, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(message, json(r).get(key).get("message").asText());
    }

    @Test
    void resize_stepsThroughTheLabsTaskStatesToVerifyResizeWithTheNewFlavor() {
        HttpResponse<String> r = action("2.93", "{\"resize\": {\"flavorRef\": \"2\"}}");
        assertEquals(202, r.statusCode());
        assertEquals("", r.body());
        assertEquals("RESIZE resize_prep active m1.tiny", states());
        assertEquals(
                List.of(
                        "RESIZE resize_migrating active m1.tiny",
                        "RESIZE resize_migrated active m1.tiny",
                        "RESIZE resize_finish active m1.small",
                        "VERIFY_RESIZE null resized m1.small"),
                stepThrough(4));
        JsonNode a = lastAction();
        assertEquals("resize", a.get("action").asText());
        assertEquals(
                List.of(
                        "compute_finish_resize Success",
                        "compute_resize_instance Success",
                        "compute_prep_resize Success",
                        "cold_migrate Success",
                        "conductor_migrate_server Success"),
                events(a));
    }

    @Test
    void confirmResize_is204AndEndsActiveWithTheNewFlavor() {
        action("2.93", "{\"resize\": {\"flavorRef\": \"2\"}}");
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> r = action("2.93", "{\"confirmResize\": null}");
        assertEquals(204, r.statusCode());
        assertEquals("VERIFY_RESIZE null resized m1.small", states());
        assertEquals(List.of("ACTIVE null active m1.small"), stepThrough(1));
        assertEquals(List.of("compute_confirm_resize Success"), events(lastAction()));
    }

    @Test
    void revertResize_goesRevertResizeAndBackToTheOldFlavor() {
        action("2.93", "{\"resize\": {\"flavorRef\": \"2\"}}");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(202, action("2.93", "{\"revertResize\": null}").statusCode());
        assertEquals("REVERT_RESIZE resize_reverting resized m1.small", states());
        assertEquals(
                List.of("REVERT_RESIZE resize_reverting resized m1.tiny", "ACTIVE null active m1.tiny"),
                stepThrough(2));
        assertEquals(
                List.of("compute_finish_revert_resize Success", "compute_revert_resize Success"), events(lastAction()));
    }

    @Test
    void resize_wrongStatesAndFlavors_areTheLabsMessages() {
        assertFault(
                action("2.93", "{\"confirmResize\": null}"),
                409,
                "conflictingRequest",
                "Cannot 'confirmResize' instance " + id + " while it is in vm_state active");
        assertFault(
                action("2.93", "{\"revertResize\": null}"),
                409,
                "conflictingRequest",
                "Cannot 'revertResize' instance " + id + " while it is in vm_state active");
        assertFault(
                action("2.93", "{\"resize\": {\"flavorRef\": \"1\"}}"),
                400,
                "badRequest",
                "When resizing, instances must change flavor!");
        assertFault(
                action("2.93", "{\"resize\": {\"flavorRef\": \"nope\"}}"),
                400,
                "badRequest",
                "Flavor nope could not be found.");
        action("2.93", "{\"resize\": {\"flavorRef\": \"2\"}}");
        assertFault(
                action("2.93", "{\"rebuild\": {\"imageRef\": \"" + cloud.imageId("cirros") + "\"}}"),
                409,
                "conflictingRequest",
                "Cannot 'rebuild' instance " + id + " while it is in task_state resize_prep");
        clock.advance(Duration.ofSeconds(5));
        assertFault(
                action("2.93", "{\"resize\": {\"flavorRef\": \"1\"}}"),
                409,
                "conflictingRequest",
                "Cannot 'resize' instance " + id + " while it is in vm_state resized");
        assertFault(
                action("2.93", "{\"createImage\": {\"name\": \"s\"}}"),
                409,
                "conflictingRequest",
                "Cannot 'createImage' instance " + id + " while it is in vm_state resized");
    }

    @Test
    void rebuild_answersTheServerInRebuildAndAppliesEveryField() {
        HttpResponse<String> r = action(
                "2.93",
                "{\"rebuild\": {\"imageRef\": \"" + cloud.imageId("cirros") + "\", \"name\": \"vm2\","
                        + " \"adminPass\": \"seCret-1\", \"metadata\": {\"a\": \"b\"}, \"description\": \"d\","
                        + " \"key_name\": null, \"user_data\": \"aGk=\", \"hostname\": \"vm2-host\","
                        + " \"accessIPv4\": \"1.2.3.4\", \"accessIPv6\": \"::1\", \"OS-DCF:diskConfig\": \"AUTO\","
                        + " \"preserve_ephemeral\": false}}");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(
                cloud.computeEndpoint() + "/servers/" + id,
                r.headers().firstValue("Location").orElseThrow());
        JsonNode s = json(r).get("server");
        assertEquals("REBUILD", s.get("status").asText());
        assertEquals("seCret-1", s.get("adminPass").asText());
        assertEquals("aGk=", s.get("user_data").asText());
        assertEquals("vm2", s.get("name").asText());
        assertEquals(
                List.of(
                        "REBUILD rebuild_block_device_mapping active m1.tiny",
                        "REBUILD rebuild_spawning active m1.tiny",
                        "ACTIVE null active m1.tiny"),
                stepThrough(3));
        JsonNode after = show();
        assertEquals("{\"a\":\"b\"}", after.get("metadata").toString());
        assertEquals("d", after.get("description").asText());
        assertEquals("1.2.3.4", after.get("accessIPv4").asText());
        assertEquals("AUTO", after.get("OS-DCF:diskConfig").asText());
        assertEquals("vm2-host", after.get("OS-EXT-SRV-ATTR:hostname").asText());
        assertEquals(List.of("compute_rebuild_instance Success", "rebuild_server Success"), events(lastAction()));
    }

    @Test
    void rebuild_personalityAfter256_isTheLabsSchemaError() {
        HttpResponse<String> r = action(
                "2.93",
                "{\"rebuild\": {\"imageRef\": \"" + cloud.imageId("cirros") + "\", \"personality\": [{\"path\": \"/a\","
                        + " \"contents\": \"aGk=\"}]}}");
        assertFault(
                r,
                400,
                "badRequest",
                "Invalid input for field/attribute rebuild. Value: {'imageRef': '" + cloud.imageId("cirros")
                        + "', 'personality': [{'path': '/a', 'contents': 'aGk='}]}. Additional properties are not"
                        + " allowed ('personality' was unexpected)");
        assertEquals(
                202,
                action(
                                "2.56",
                                "{\"rebuild\": {\"imageRef\": \"" + cloud.imageId("cirros")
                                        + "\", \"personality\": [{\"path\": \"/a\", \"contents\": \"aGk=\"}]}}")
                        .statusCode());
    }

    @Test
    void createImage_answersTheIdAndTheImageGoesQueuedSavingActive() {
        HttpResponse<String> r =
                action("2.93", "{\"createImage\": {\"name\": \"snap\", \"metadata\": {\"k\": \"v\"}}}");
        assertEquals(202, r.statusCode());
        String imageId = json(r).get("image_id").asText();
        assertEquals("ACTIVE image_snapshot_pending active m1.tiny", states());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            seen.add(show().get("OS-EXT-STS:task_state").asText() + " "
                    + image(imageId).get("status").asText());
        }
        assertEquals(
                List.of(
                        "image_snapshot queued",
                        "image_pending_upload queued",
                        "image_uploading saving",
                        "null active"),
                seen);
        JsonNode image = image(imageId);
        assertEquals("snap", image.get("name").asText());
        assertEquals("v", image.get("k").asText());
        assertEquals("snapshot", image.get("image_type").asText());
        assertEquals(id, image.get("instance_uuid").asText());
        assertEquals(List.of("compute_snapshot_instance Success"), events(lastAction()));
    }

    private JsonNode image(String imageId) {
        return json(Http.send("GET", cloud.imageEndpoint() + "/v2/images/" + imageId, null, "X-Auth-Token", token));
    }

    @Test
    void createImage_before245_answersAnEmptyBodyAndGlancesUrlInLocation() {
        HttpResponse<String> r = action("2.44", "{\"createImage\": {\"name\": \"snap\"}}");
        assertEquals(202, r.statusCode());
        assertEquals("", r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(cloud.imageEndpoint() + "//images/"), location);
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals("snap", image(imageId).get("name").asText());
    }

    @Test
    void createBackup_byAMember_keepsTheRotation() {
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        String mine = Http.createServer(cloud, demo, "vm-demo");
        clock.advance(Duration.ofSeconds(5));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = nova(
                    cloud,
                    demo,
                    "POST",
                    "/servers/" + mine + "/action",
                    "2.93",
                    "{\"createBackup\": {\"name\": \"b" + i + "\", \"backup_type\": \"daily\", \"rotation\": 2}}");
            assertEquals(202, r.statusCode(), r.body());
            ids.add(json(r).get("image_id").asText());
            clock.advance(Duration.ofSeconds(5));
            nova(cloud, demo, "GET", "/servers/" + mine, "2.93", null);
        }
        assertEquals(
                404,
                Http.send("GET", cloud.imageEndpoint() + "/v2/images/" + ids.get(0), null, "X-Auth-Token", demo)
                        .statusCode());
        JsonNode kept =
                json(Http.send("GET", cloud.imageEndpoint() + "/v2/images/" + ids.get(2), null, "X-Auth-Token", demo));
        assertEquals("backup", kept.get("image_type").asText());
        assertEquals("daily", kept.get("backup_type").asText());
    }

    @Test
    void migrateAndLiveMigrate_onTheSingleHost_acceptedThenBackWithTheActionInError() {
        assertEquals(202, action("2.93", "{\"migrate\": null}").statusCode());
        assertEquals("RESIZE resize_prep active m1.tiny", states());
        assertEquals(List.of("ACTIVE null active m1.tiny"), stepThrough(1));
        JsonNode a = lastAction();
        assertEquals("migrate", a.get("action").asText());
        assertEquals("Error", a.get("message").asText());
        assertEquals(List.of("cold_migrate Error", "conductor_migrate_server Error"), events(a));

        assertEquals(
                202,
                action("2.93", "{\"os-migrateLive\": {\"host\": null, \"block_migration\": \"auto\"}}")
                        .statusCode());
        assertEquals("MIGRATING migrating active m1.tiny", states());
        assertEquals(List.of("ACTIVE null active m1.tiny"), stepThrough(1));
        a = lastAction();
        assertEquals("live-migration", a.get("action").asText());
        assertEquals(List.of("conductor_live_migrate_instance Error"), events(a));
    }

    @Test
    void migrationsAndEvacuate_refusalsAreTheLabsMessages() {
        assertFault(
                action("2.93", "{\"migrate\": {\"host\": \"fakecloud\"}}"),
                400,
                "badRequest",
                "Cannot migrate to the host where the server exists.");
        assertFault(
                action("2.93", "{\"migrate\": {\"host\": \"nohost\"}}"),
                400,
                "badRequest",
                "Compute host nohost could not be found.");
        assertFault(
                action("2.93", "{\"os-migrateLive\": {\"host\": \"nohost\", \"block_migration\": \"auto\"}}"),
                400,
                "badRequest",
                "Compute host nohost could not be found.");
        assertFault(
                action("2.93", "{\"evacuate\": {}}"),
                400,
                "badRequest",
                "Compute service of fakecloud is still in use.");
        assertFault(
                action("2.93", "{\"evacuate\": {\"host\": \"fakecloud\"}}"),
                400,
                "badRequest",
                "The target host can't be the same one.");
        assertFault(
                action("2.93", "{\"evacuate\": {\"host\": \"nohost\"}}"),
                404,
                "itemNotFound",
                "Compute host nohost not found.");
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        String mine = Http.createServer(cloud, demo, "vm-demo");
        HttpResponse<String> r =
                nova(cloud, demo, "POST", "/servers/" + mine + "/action", "2.93", "{\"migrate\": null}");
        assertFault(
                r, 403, "forbidden", "Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed.");
    }

    @Test
    void remoteConsoles_everyTypeIsUnavailableAndTheOldActionsAreGoneAt26() {
        for (String[] pt : new String[][] {{"vnc", "novnc"}, {"spice", "spice-html5"}, {"serial", "serial"}}) {
            HttpResponse<String> r = nova(
                    cloud,
                    token,
                    "POST",
                    "/servers/" + id + "/remote-consoles",
                    "2.93",
                    "{\"remote_console\": {\"protocol\": \"" + pt[0] + "\", \"type\": \"" + pt[1] + "\"}}");
            assertFault(r, 400, "badRequest", "Unavailable console type " + pt[1] + ".");
        }
        assertFault(
                action("2.1", "{\"os-getVNCConsole\": {\"type\": \"novnc\"}}"),
                400,
                "badRequest",
                "Unavailable console type novnc.");
        assertFault(
                action("2.93", "{\"os-getVNCConsole\": {\"type\": \"novnc\"}}"),
                404,
                "itemNotFound",
                "The resource could not be found.");
        assertFalse(show().get("status").asText().isEmpty());
    }
}
