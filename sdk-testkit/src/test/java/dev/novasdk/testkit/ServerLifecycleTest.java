package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static dev.novasdk.testkit.KeystoneTokenTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server's life on the controlled clock: 202, BUILD through Nova's task states, ACTIVE, actions,
 * DELETE through deleting and DELETED to 404, the instance-action log, and the document Nova shows at
 * each microversion (key lists captured from the lab in {@code lab/server-keys.json}).
 */
class ServerLifecycleTest {
    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();
    private final String token = Http.token(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    private JsonNode show(String id, String version) {
        HttpResponse<String> r = nova(cloud, token, "GET", "/servers/" + id, version, null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("server");
    }

    private static String states(JsonNode s) {
        return s.get("status").asText() + " " + s.get("OS-EXT-STS:task_state").asText() + " "
                + s.get("OS-EXT-STS:vm_state").asText() + " "
                + s.get("OS-EXT-STS:power_state").asInt();
    }

    @Test
    void create_returns202WithLabsPartialBodyAndLocation() {
        HttpResponse<String> r = nova(cloud, token, "POST", "/servers", "2.93", Http.bootBody(cloud, "vm1"));

        assertEquals(202, r.statusCode());
        JsonNode s = json(r).get("server");
        assertEquals(List.of("id", "links", "OS-DCF:diskConfig", "security_groups", "adminPass"), keys(s));
        String id = s.get("id").asText();
        assertEquals(
                cloud.computeEndpoint() + "/servers/" + id,
                r.headers().firstValue("Location").orElseThrow());
        assertEquals(
                "[{\"rel\":\"self\",\"href\":\"" + cloud.computeEndpoint() + "/servers/" + id + "\"},{\"rel\":"
                        + "\"bookmark\",\"href\":\"" + cloud.baseUrl() + "/compute/servers/" + id + "\"}]",
                s.get("links").toString());
        assertEquals("MANUAL", s.get("OS-DCF:diskConfig").asText());
        assertEquals("[{\"name\":\"default\"}]", s.get("security_groups").toString());
        assertEquals(12, s.get("adminPass").asText().length());
    }

    @Test
    void build_stepsThroughNovasTaskStatesAsTheClockAdvances() {
        String id = Http.createServer(cloud, token, "vm1");

        JsonNode s = show(id, "2.93");
        assertEquals("BUILD scheduling building 0", states(s));
        assertEquals("", s.get("hostId").asText());
        assertTrue(s.get("OS-EXT-SRV-ATTR:host").isNull());
        assertEquals("", s.get("OS-EXT-AZ:availability_zone").asText());
        assertEquals("", s.get("host_status").asText());
        assertTrue(s.get("OS-SRV-USG:launched_at").isNull());

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            seen.add(states(show(id, "2.93")));
        }
        assertEquals(
                List.of(
                        "BUILD networking building 0",
                        "BUILD block_device_mapping building 0",
                        "BUILD spawning building 0",
                        "ACTIVE null active 1"),
                seen);

        s = show(id, "2.93");
        assertEquals("fakecloud", s.get("OS-EXT-SRV-ATTR:host").asText());
        assertEquals(56, s.get("hostId").asText().length());
        assertEquals("nova", s.get("OS-EXT-AZ:availability_zone").asText());
        assertEquals("UP", s.get("host_status").asText());
        assertEquals(
                "2026-03-01T08:00:04.000000", s.get("OS-SRV-USG:launched_at").asText());
        assertEquals("2026-03-01T08:00:00Z", s.get("created").asText());
        assertEquals("2026-03-01T08:00:04Z", s.get("updated").asText());
        assertEquals("ACTIVE", cloud.server(id).orElseThrow().status());
    }

    @Test
    void build_skipsStepsTheClockAlreadyPassed() {
        String id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofMinutes(5));

        assertEquals("ACTIVE null active 1", states(show(id, "2.93")));
    }

    @Test
    void instantBoot_isActiveAtOnce() {
        try (FakeCloud fast = FakeCloud.builder().clock(clock).instantBoot(true).start()) {
            String t = Http.token(fast);
            String id = Http.createServer(fast, t, "vm1");

            HttpResponse<String> r = nova(fast, t, "GET", "/servers/" + id, "2.93", null);
            assertEquals("ACTIVE null active 1", states(json(r).get("server")));
        }
    }

    @Test
    void stepDuration_isConfigurable() {
        try (FakeCloud slow = FakeCloud.builder()
                .clock(clock)
                .stepDuration(Duration.ofSeconds(10))
                .start()) {
            String t = Http.token(slow);
            String id = Http.createServer(slow, t, "vm1");
            clock.advance(Duration.ofSeconds(39));
            assertEquals("BUILD", slow.server(id).orElseThrow().status());
            clock.advance(Duration.ofSeconds(1));
            assertEquals("ACTIVE", slow.server(id).orElseThrow().status());
        }
    }

    @Test
    void delete_goesThroughDeletingAndDeletedTo404() {
        String id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofSeconds(4));

        HttpResponse<String> del = nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null);
        assertEquals(204, del.statusCode());
        assertEquals("", del.body());
        assertEquals("ACTIVE deleting active 1", states(show(id, "2.93")));
        assertEquals(
                204,
                nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null).statusCode());

        clock.advance(Duration.ofSeconds(1));
        JsonNode deleted = show(id, "2.93");
        assertEquals("DELETED null deleted 0", states(deleted));
        assertEquals(
                "2026-03-01T08:00:05.000000",
                deleted.get("OS-SRV-USG:terminated_at").asText());
        assertEquals(
                "[]",
                json(nova(cloud, token, "GET", "/servers", "2.93", null))
                        .get("servers")
                        .toString());

        // Readable as DELETED, and still counted against the quota, for 4 s (the lab's Nova: 3-5 s).
        clock.advance(Duration.ofSeconds(3));
        assertEquals("DELETED null deleted 0", states(show(id, "2.93")));
        assertEquals(
                1,
                json(nova(cloud, token, "GET", "/limits", "2.93", null))
                        .get("limits")
                        .get("absolute")
                        .get("totalInstancesUsed")
                        .asInt());

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> gone = nova(cloud, token, "GET", "/servers/" + id, "2.93", null);
        assertEquals(404, gone.statusCode());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance " + id + " could not be found.\"}}",
                gone.body());
        assertEquals(
                404,
                nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null).statusCode());
        assertTrue(cloud.server(id).isEmpty());
    }

    @Test
    void instantDelete_isGoneAtOnce() {
        try (FakeCloud fast = FakeCloud.builder()
                .clock(clock)
                .instantBoot(true)
                .instantDelete(true)
                .start()) {
            String t = Http.token(fast);
            String id = Http.createServer(fast, t, "vm1");
            assertEquals(
                    204, nova(fast, t, "DELETE", "/servers/" + id, "2.93", null).statusCode());
            assertEquals(
                    404, nova(fast, t, "GET", "/servers/" + id, "2.93", null).statusCode());
        }
    }

    @Test
    void instanceActions_recordCreateAndDeleteWithTheirRequestIds() {
        HttpResponse<String> created = nova(cloud, token, "POST", "/servers", "2.93", Http.bootBody(cloud, "vm1"));
        String id = json(created).get("server").get("id").asText();
        String createRequest =
                created.headers().firstValue("x-openstack-request-id").orElseThrow();
        clock.advance(Duration.ofSeconds(4));
        HttpResponse<String> deleted = nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null);
        String deleteRequest =
                deleted.headers().firstValue("x-openstack-request-id").orElseThrow();
        // One step deleting, then DELETED for 4 s, then gone.
        clock.advance(Duration.ofSeconds(5));

        JsonNode actions = json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null))
                .get("instanceActions");
        assertEquals(2, actions.size());
        assertEquals("delete", actions.get(0).get("action").asText());
        assertEquals(deleteRequest, actions.get(0).get("request_id").asText());
        assertEquals("create", actions.get(1).get("action").asText());
        assertEquals(createRequest, actions.get(1).get("request_id").asText());
        assertEquals(
                List.of(
                        "action",
                        "instance_uuid",
                        "request_id",
                        "user_id",
                        "project_id",
                        "start_time",
                        "message",
                        "updated_at"),
                keys(actions.get(1)));
        assertEquals(
                "2026-03-01T08:00:00.000000", actions.get(1).get("start_time").asText());

        JsonNode action = json(nova(
                        cloud, token, "GET", "/servers/" + id + "/os-instance-actions/" + createRequest, "2.93", null))
                .get("instanceAction");
        JsonNode event = action.get("events").get(0);
        assertEquals(
                List.of("event", "start_time", "finish_time", "result", "traceback", "host", "hostId", "details"),
                keys(event));
        assertEquals("compute__do_build_and_run_instance", event.get("event").asText());
        assertEquals("Success", event.get("result").asText());
        assertEquals("2026-03-01T08:00:04.000000", event.get("finish_time").asText());

        // a deleted server's actions are readable from 2.21 only
        assertEquals(
                404,
                nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.20", null)
                        .statusCode());
        JsonNode old = json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.21", null))
                .get("instanceActions");
        assertFalse(old.get(0).has("updated_at"));
        HttpResponse<String> missing =
                nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions/req-nope", "2.93", null);
        assertEquals("{\"itemNotFound\": {\"code\": 404, \"message\": \"Action req-nope not found\"}}", missing.body());
    }

    @Test
    void stopStartReboot_followNovasStatesAndConflicts() {
        String id = Http.createServer(cloud, token, "vm1");
        HttpResponse<String> early =
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-stop\": null}");
        assertEquals(409, early.statusCode());
        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'stop' instance " + id
                        + " while it is in vm_state building\"}}",
                early.body());
        clock.advance(Duration.ofSeconds(4));

        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-stop\": null}")
                        .statusCode());
        assertEquals("ACTIVE powering-off active 1", states(show(id, "2.93")));
        HttpResponse<String> twice =
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-stop\": null}");
        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'stop' instance " + id
                        + " while it is in task_state powering-off\"}}",
                twice.body());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("SHUTOFF null stopped 4", states(show(id, "2.93")));
        HttpResponse<String> stopped =
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-stop\": null}");
        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'stop' instance " + id
                        + " while it is in vm_state stopped\"}}",
                stopped.body());

        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {\"type\": \"HARD\"}}")
                        .statusCode(),
                "a stopped server may be hard-rebooted");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("ACTIVE null active 1", states(show(id, "2.93")));
        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-stop\": null}")
                        .statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                409,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {\"type\": \"SOFT\"}}")
                        .statusCode(),
                "a stopped server may not be soft-rebooted");
        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-start\": null}")
                        .statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("ACTIVE null active 1", states(show(id, "2.93")));
        HttpResponse<String> started =
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"os-start\": null}");
        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'start' instance " + id
                        + " while it is in vm_state active\"}}",
                started.body());

        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {\"type\": \"SOFT\"}}")
                        .statusCode());
        assertEquals("REBOOT rebooting active 1", states(show(id, "2.93")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {\"type\": \"HARD\"}}")
                        .statusCode());
        assertEquals("HARD_REBOOT rebooting_hard active 1", states(show(id, "2.93")));
        clock.advance(Duration.ofSeconds(1));

        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute type. Value: bad. "
                        + "'bad' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']\"}}",
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {\"type\": \"bad\"}}")
                        .body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute reboot. Value: {}. "
                        + "'type' is a required property\"}}",
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"reboot\": {}}")
                        .body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"There is no such action: bogus\"}}",
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"bogus\": null}")
                        .body());
        JsonNode actions = json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null))
                .get("instanceActions");
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.get("action").asText()));
        assertEquals(List.of("reboot", "reboot", "start", "stop", "reboot", "stop", "create"), names);
    }

    @Test
    void forceDelete_deletesAnActiveServer() {
        String id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofSeconds(4));

        assertEquals(
                202,
                nova(cloud, token, "POST", "/servers/" + id + "/action", "2.93", "{\"forceDelete\": null}")
                        .statusCode());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(
                404, nova(cloud, token, "GET", "/servers/" + id, "2.93", null).statusCode());
    }

    @Test
    void forceError_putsTheServerInErrorWithAFault() {
        String id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofSeconds(2));

        cloud.forceError(id, 500, "No valid host was found. ", "Traceback (most recent call last): ...");
        clock.advance(Duration.ofSeconds(10));

        JsonNode s = show(id, "2.93");
        assertEquals("ERROR null error 0", states(s));
        assertEquals(
                "{\"code\":500,\"created\":\"2026-03-01T08:00:02Z\",\"message\":\"No valid host was found. \","
                        + "\"details\":\"Traceback (most recent call last): ...\"}",
                s.get("fault").toString());
        assertFalse(s.has("progress"));
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        String demoId = Http.createServer(cloud, demo, "vm2");
        cloud.forceError(demoId, 500, "boom", "secret traceback");
        JsonNode seenByDemo = json(nova(cloud, demo, "GET", "/servers/" + demoId, "2.93", null))
                .get("server");
        assertFalse(seenByDemo.get("fault").has("details"), "Nova hides a 500 fault's details from non-admins");
        assertEquals("boom", cloud.server(demoId).orElseThrow().faultMessage().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> cloud.forceError("nope", 500, "x"));
    }

    @Test
    void multiCreate_namesServersLikeNovaAndSharesTheReservation() {
        HttpResponse<String> r = nova(
                cloud,
                token,
                "POST",
                "/servers",
                "2.93",
                "{\"server\": {\"name\": \"web\", "
                        + "\"flavorRef\": \"1\", \"imageRef\": \"" + cloud.imageId("cirros")
                        + "\", \"networks\": \"none\", "
                        + "\"min_count\": 2, \"max_count\": 3, \"return_reservation_id\": true}}");

        assertEquals(202, r.statusCode());
        String reservation = json(r).get("reservation_id").asText();
        assertTrue(reservation.matches("r-[a-z0-9]{8}"));
        List<String> names = new ArrayList<>();
        cloud.servers().forEach(s -> names.add(s.name()));
        assertEquals(List.of("web-1", "web-2", "web-3"), names);
        JsonNode detail = json(nova(
                        cloud,
                        token,
                        "GET",
                        "/servers/detail?reservation_id=" + reservation + "&sort_key=" + "display_name&sort_dir=asc",
                        "2.93",
                        null))
                .get("servers");
        assertEquals(3, detail.size());
        assertEquals("web-2", detail.get(1).get("OS-EXT-SRV-ATTR:hostname").asText());
        assertEquals(1, detail.get(1).get("OS-EXT-SRV-ATTR:launch_index").asInt());
    }

    @Test
    void multiCreate_beyondQuotaCreatesWhatFits() {
        String body = "{\"server\": {\"name\": \"big\", \"flavorRef\": \"1\", \"imageRef\": \""
                + cloud.imageId("cirros") + "\", \"networks\": \"none\", \"min_count\": 1, \"max_count\": 50}}";

        assertEquals(202, nova(cloud, token, "POST", "/servers", "2.93", body).statusCode());
        assertEquals(10, cloud.servers().size());
        HttpResponse<String> more = nova(cloud, token, "POST", "/servers", "2.93", Http.bootBody(cloud, "one-more"));
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 1, but already "
                        + "used 10 of 10 instances\"}}",
                more.body());
    }

    @Test
    void duplicateNames_areAllowed() {
        String a = Http.createServer(cloud, token, "same");
        String b = Http.createServer(cloud, token, "same");

        assertFalse(a.equals(b));
        assertEquals(
                2,
                json(nova(cloud, token, "GET", "/servers?name=same", "2.93", null))
                        .get("servers")
                        .size());
    }

    @Test
    void update_changesNameAndDescriptionAndAnswersPerMicroversion() throws IOException {
        String id = Http.createServer(cloud, token, "vm1");
        clock.advance(Duration.ofSeconds(4));
        JsonNode lab = labKeys();

        HttpResponse<String> r = nova(
                cloud,
                token,
                "PUT",
                "/servers/" + id,
                "2.93",
                "{\"server\": {\"name\": \"renamed\", \"description\": \"hello\"}}");
        assertEquals(200, r.statusCode());
        assertEquals("renamed", json(r).get("server").get("name").asText());
        assertEquals("hello", show(id, "2.93").get("description").asText());
        for (String v : List.of("2.1", "2.26", "2.74", "2.75")) {
            JsonNode doc = json(nova(cloud, token, "PUT", "/servers/" + id, v, "{\"server\": {\"name\": \"n\"}}"))
                    .get("server");
            assertEquals(strings(lab.get("admin_update").get(v)), keys(doc), "PUT at " + v);
        }
        HttpResponse<String> early =
                nova(cloud, token, "PUT", "/servers/" + id, "2.18", "{\"server\": {\"description\": \"hello\"}}");
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute server. Value: "
                        + "{'description': 'hello'}. Additional properties are not allowed ('description' was unexpected)\"}}",
                early.body());
        HttpResponse<String> ip =
                nova(cloud, token, "PUT", "/servers/" + id, "2.93", "{\"server\": {\"accessIPv4\": \"bad\"}}");
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute accessIPv4. Value: "
                        + "bad. 'bad' is not a 'ipv4'\"}}",
                ip.body());
    }

    static JsonNode labKeys() throws IOException {
        try (InputStream in = ServerLifecycleTest.class.getResourceAsStream("/lab/server-keys.json")) {
            return Http.MAPPER.readTree(in);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void documents_haveTheLabsKeysAtEveryMicroversion() throws IOException {
        String id = Http.createServer(cloud, token, "vm1");
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        String demoId = Http.createServer(cloud, demo, "vm2");
        clock.advance(Duration.ofSeconds(4));
        JsonNode lab = labKeys();

        lab.get("admin_show")
                .fields()
                .forEachRemaining(e ->
                        assertEquals(strings(e.getValue()), keys(show(id, e.getKey())), "admin show at " + e.getKey()));
        lab.get("demo_show")
                .fields()
                .forEachRemaining(e -> assertEquals(
                        strings(e.getValue()),
                        keys(json(nova(cloud, demo, "GET", "/servers/" + demoId, e.getKey(), null))
                                .get("server")),
                        "demo show at " + e.getKey()));
        lab.get("admin_detail")
                .fields()
                .forEachRemaining(e -> assertEquals(
                        strings(e.getValue()),
                        keys(json(nova(cloud, token, "GET", "/servers/detail", e.getKey(), null))
                                .get("servers")
                                .get(0)),
                        "admin detail at " + e.getKey()));
        assertEquals(
                strings(lab.get("demo_detail").get("2.93")),
                keys(json(nova(cloud, demo, "GET", "/servers/detail", "2.93", null))
                        .get("servers")
                        .get(0)));
    }

    @Test
    void documents_embedTheFlavorFrom247() {
        String id = Http.createServer(cloud, token, "vm1");

        assertEquals(
                "{\"id\":\"1\",\"links\":[{\"rel\":\"bookmark\",\"href\":\"" + cloud.baseUrl()
                        + "/compute/flavors/1\"}]}",
                show(id, "2.46").get("flavor").toString());
        assertEquals(
                "{\"vcpus\":1,\"ram\":512,\"disk\":1,\"ephemeral\":0,\"swap\":0,\"original_name\":\"m1.tiny\","
                        + "\"extra_specs\":{}}",
                show(id, "2.47").get("flavor").toString());
        assertEquals(
                "{\"id\":\"" + cloud.imageId("cirros") + "\",\"links\":[{\"rel\":\"bookmark\",\"href\":\""
                        + cloud.baseUrl() + "/compute/images/" + cloud.imageId("cirros") + "\"}]}",
                show(id, "2.93").get("image").toString());
        assertEquals("{}", show(id, "2.93").get("addresses").toString());
    }

    @Test
    void otherProjectsServers_areNotFoundForMembers() {
        String id = Http.createServer(cloud, token, "admins");
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");

        assertEquals(
                404, nova(cloud, demo, "GET", "/servers/" + id, "2.93", null).statusCode());
        assertEquals(
                404, nova(cloud, demo, "DELETE", "/servers/" + id, "2.93", null).statusCode());
        assertEquals(
                "[]",
                json(nova(cloud, demo, "GET", "/servers", "2.93", null))
                        .get("servers")
                        .toString());
    }
}
