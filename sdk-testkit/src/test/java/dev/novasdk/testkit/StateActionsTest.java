package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The power and state actions on the controlled clock, held to what the lab (Nova 26, fake driver) did: the
 * task state set at once, the end state one step later, the instance action and its event names, the 409
 * messages of wrong states and locks, the admin-only policies.
 */
class StateActionsTest {
    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();
    private final String admin = Http.token(cloud);
    private final String demo = Http.token(cloud, "demo", "secretdemo", "demo");
    private String id;

    @BeforeEach
    void boot() {
        id = Http.createServer(cloud, demo, "vm1");
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpResponse<String> act(String token, String version, String body) {
        return nova(cloud, token, "POST", "/servers/" + id + "/action", version, body);
    }

    private String states() {
        JsonNode s =
                json(nova(cloud, admin, "GET", "/servers/" + id, "2.93", null)).get("server");
        return s.get("status").asText() + " " + s.get("OS-EXT-STS:task_state").asText() + " "
                + s.get("OS-EXT-STS:power_state").asInt();
    }

    /** Sends the action as demo at 2.93, then the states seen at once and after each step. */
    private List<String> run(String body, int steps) {
        HttpResponse<String> r = act(demo, "2.93", body);
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
        List<String> seen = new ArrayList<>();
        seen.add(states());
        for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofSeconds(1));
            seen.add(states());
        }
        return seen;
    }

    private void assertConflict(String token, String body, String message) {
        HttpResponse<String> r = act(token, "2.93", body);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals(message, json(r).get("conflictingRequest").get("message").asText());
    }

    @Test
    void pauseUnpauseSuspendResume_goThroughTheLabsTaskStates() {
        assertEquals(List.of("ACTIVE pausing 1", "PAUSED null 1"), run("{\"pause\": null}", 1));
        assertConflict(demo, "{\"pause\": null}", "Cannot 'pause' instance " + id + " while it is in vm_state paused");
        assertConflict(
                demo, "{\"suspend\": null}", "Cannot 'suspend' instance " + id + " while it is in vm_state paused");
        assertEquals(List.of("PAUSED unpausing 1", "ACTIVE null 1"), run("{\"unpause\": null}", 1));
        assertEquals(List.of("ACTIVE suspending 1", "SUSPENDED null 1"), run("{\"suspend\": null}", 1));
        assertEquals(List.of("SUSPENDED resuming 1", "ACTIVE null 1"), run("{\"resume\": null}", 1));
        assertConflict(
                demo, "{\"resume\": null}", "Cannot 'resume' instance " + id + " while it is in vm_state active");
    }

    @Test
    void taskInProgress_isAConflictNamingTheTaskState() {
        act(demo, "2.93", "{\"pause\": null}");
        assertConflict(
                demo, "{\"shelve\": null}", "Cannot 'shelve' instance " + id + " while it is in task_state pausing");
    }

    @Test
    void lock_refusesTheOwnersActionsUntilUnlocked_andShowsTheReasonFrom273() {
        assertEquals(
                202,
                act(demo, "2.73", "{\"lock\": {\"locked_reason\": \"maintenance\"}}")
                        .statusCode());
        JsonNode s =
                json(nova(cloud, demo, "GET", "/servers/" + id, "2.73", null)).get("server");
        assertTrue(s.get("locked").asBoolean());
        assertEquals("maintenance", s.get("locked_reason").asText());
        assertConflict(demo, "{\"pause\": null}", "Instance " + id + " is locked");
        assertConflict(demo, "{\"os-stop\": null}", "Instance " + id + " is locked");
        assertEquals(202, act(admin, "2.93", "{\"pause\": null}").statusCode(), "admins act on locked servers");
        assertEquals(202, act(demo, "2.93", "{\"unlock\": null}").statusCode());
        assertEquals(
                "null",
                json(nova(cloud, demo, "GET", "/servers/" + id, "2.73", null))
                        .get("server")
                        .get("locked_reason")
                        .asText());
    }

    @Test
    void lockedByAdmin_ownerMayNotUnlock() {
        act(admin, "2.93", "{\"lock\": null}");
        HttpResponse<String> r = act(demo, "2.93", "{\"unlock\": null}");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("os_compute_api:os-lock-server:unlock:unlock_override"), r.body());
    }

    @Test
    void rescue_answers200WithThePassword_andUnrescueReturnsToActive() {
        HttpResponse<String> r = act(demo, "2.93", "{\"rescue\": {\"adminPass\": \"MySecretPass\"}}");
        assertEquals(200, r.statusCode());
        assertEquals("MySecretPass", json(r).get("adminPass").asText());
        assertEquals("ACTIVE rescuing 1", states());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("RESCUE null 4", states());
        assertConflict(
                demo, "{\"rescue\": null}", "Cannot 'rescue' instance " + id + " while it is in vm_state rescued");
        assertEquals(List.of("RESCUE unrescuing 4", "ACTIVE null 1"), run("{\"unrescue\": null}", 1));
        HttpResponse<String> bad = act(demo, "2.93", "{\"rescue\": {\"rescue_image_ref\": \"cirros\"}}");
        assertEquals(400, bad.statusCode());
    }

    @Test
    void shelve_offloadsAtOnce_andUnshelveSpawnsAgain() {
        assertEquals(
                List.of(
                        "ACTIVE shelving 1",
                        "ACTIVE shelving_image_uploading 1",
                        "SHELVED shelving_offloading 4",
                        "SHELVED_OFFLOADED null 4"),
                run("{\"shelve\": null}", 3));
        JsonNode s =
                json(nova(cloud, admin, "GET", "/servers/" + id, "2.93", null)).get("server");
        assertTrue(s.get("OS-EXT-SRV-ATTR:host").isNull(), "an offloaded server has no host");
        JsonNode image = shelvedImage();
        assertEquals("active", image.get("status").asText());
        assertEquals("snapshot", image.get("image_type").asText());
        assertEquals(id, image.get("instance_uuid").asText());
        assertEquals(403, act(demo, "2.93", "{\"shelveOffload\": null}").statusCode());
        assertConflict(
                admin,
                "{\"shelveOffload\": null}",
                "Cannot 'shelveOffload' instance " + id + " while it is in vm_state shelved_offloaded");
        assertConflict(demo, "{\"trigger_crash_dump\": null}", "Instance " + id + " is not ready");
        HttpResponse<String> empty277 = act(demo, "2.77", "{\"unshelve\": {}}");
        assertEquals(400, empty277.statusCode());
        assertTrue(empty277.body().contains("'availability_zone' is a required property"), empty277.body());
        assertEquals(
                400,
                act(demo, "2.91", "{\"unshelve\": {\"availability_zone\": \"nozone\"}}")
                        .statusCode());
        assertEquals(
                List.of("SHELVED_OFFLOADED unshelving 4", "SHELVED_OFFLOADED spawning 4", "ACTIVE null 1"),
                run("{\"unshelve\": {\"availability_zone\": \"nova\"}}", 2));
        assertEquals(null, shelvedImage(), "unshelve deletes the snapshot");
    }

    @Test
    void triggerCrashDump_isNotRoutedBefore217() {
        HttpResponse<String> r = act(demo, "2.16", "{\"trigger_crash_dump\": null}");
        assertEquals(404, r.statusCode());
        assertEquals(202, act(demo, "2.17", "{\"trigger_crash_dump\": null}").statusCode());
        assertEquals("ACTIVE null 1", states());
    }

    @Test
    void resetState_isAdminOnly_andRecordedWithoutEvents() {
        HttpResponse<String> r = act(demo, "2.93", "{\"os-resetState\": {\"state\": \"error\"}}");
        assertEquals(403, r.statusCode());
        assertEquals(
                202,
                act(admin, "2.93", "{\"os-resetState\": {\"state\": \"error\"}}")
                        .statusCode());
        assertEquals("ERROR null 1", states());
        assertConflict(demo, "{\"pause\": null}", "Cannot 'pause' instance " + id + " while it is in vm_state error");
        assertEquals(
                400,
                act(admin, "2.93", "{\"os-resetState\": {\"state\": \"ACTIVE\"}}")
                        .statusCode());
        act(admin, "2.93", "{\"os-resetState\": {\"state\": \"active\"}}");
        JsonNode list = json(nova(cloud, admin, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null));
        String req = list.get("instanceActions").get(0).get("request_id").asText();
        assertEquals(
                "resetState", list.get("instanceActions").get(0).get("action").asText());
        JsonNode action = json(nova(
                        cloud, admin, "GET", "/servers/" + id + "/os-instance-actions/" + req, "2.93", null))
                .get("instanceAction");
        assertEquals(0, action.get("events").size());
    }

    @Test
    void restore_ofALiveServer_isAConflict() {
        assertConflict(
                demo, "{\"restore\": null}", "Cannot 'restore' instance " + id + " while it is in vm_state active");
    }

    @Test
    void changePassword_showsPasswordThenActive_andOnlyWhenActive() {
        assertEquals(
                List.of("PASSWORD updating_password 1", "ACTIVE null 1"),
                run("{\"changePassword\": {\"adminPass\": \"NewPass1\"}}", 1));
        run("{\"pause\": null}", 1);
        assertConflict(
                demo,
                "{\"changePassword\": {\"adminPass\": \"x\"}}",
                "Cannot 'changePassword' instance " + id + " while it is in vm_state paused");
    }

    @Test
    void instanceActions_recordTheLabsEventNames_newestFirst() {
        run("{\"pause\": null}", 1);
        run("{\"unpause\": null}", 1);
        act(demo, "2.93", "{\"lock\": null}");
        act(demo, "2.93", "{\"unlock\": null}");
        JsonNode list = json(nova(cloud, demo, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null))
                .get("instanceActions");
        List<String> names = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (JsonNode a : list) {
            names.add(a.get("action").asText());
            JsonNode one = json(nova(
                            cloud,
                            demo,
                            "GET",
                            "/servers/" + id + "/os-instance-actions/"
                                    + a.get("request_id").asText(),
                            "2.93",
                            null))
                    .get("instanceAction");
            JsonNode e = one.get("events").get(0);
            events.add(e.get("event").asText() + ":" + e.get("result").asText());
            assertTrue(!e.has("details") && !e.has("traceback") && !e.has("host"), "non-admins see less: " + e);
        }
        assertEquals(List.of("unlock", "lock", "unpause", "pause", "create"), names);
        assertEquals(
                List.of(
                        "api_unlock:Success",
                        "api_lock:Success",
                        "compute_unpause_instance:Success",
                        "compute_pause_instance:Success",
                        "compute__do_build_and_run_instance:Success"),
                events);
    }

    @Test
    void instanceActions_changesSinceAndBefore_filterByUpdate() {
        run("{\"pause\": null}", 1);
        String path = "/servers/" + id + "/os-instance-actions";
        JsonNode since = json(nova(cloud, demo, "GET", path + "?changes-since=2026-03-01T08:01:00Z", "2.93", null));
        assertEquals(1, since.get("instanceActions").size());
        HttpResponse<String> early =
                nova(cloud, demo, "GET", path + "?changes-before=2026-03-01T08:01:00Z", "2.65", null);
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("'changes-before' was unexpected"), early.body());
        HttpResponse<String> inverted = nova(
                cloud,
                demo,
                "GET",
                path + "?changes-since=2026-03-02T00:00:00Z&changes-before=2026-03-01T00:00:00Z",
                "2.66",
                null);
        assertEquals(400, inverted.statusCode());
        HttpResponse<String> marker = nova(cloud, demo, "GET", path + "?marker=req-nope", "2.93", null);
        assertTrue(marker.body().contains("Marker None could not be found."), marker.body());
    }

    @Test
    void consoleOutput_lastLinesAsTheLabsFakeDriverWritesThem() {
        HttpResponse<String> r = act(demo, "2.93", "{\"os-getConsoleOutput\": {\"length\": 2}}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ANOTHER\nLAST LINE", json(r).get("output").asText());
        assertEquals(
                "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE",
                json(act(demo, "2.93", "{\"os-getConsoleOutput\": {}}"))
                        .get("output")
                        .asText());
        assertEquals(400, act(demo, "2.93", "{\"os-getConsoleOutput\": null}").statusCode());
        String building = Http.createServer(cloud, demo, "vm2");
        HttpResponse<String> early =
                nova(cloud, demo, "POST", "/servers/" + building + "/action", "2.93", "{\"os-getConsoleOutput\": {}}");
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("Instance " + building + " is not ready"), early.body());
    }

    /** The {@code vm1-shelved} image of the demo project, or null. */
    private JsonNode shelvedImage() {
        HttpResponse<String> r =
                Http.send("GET", cloud.imageEndpoint() + "/v2/images?name=vm1-shelved", null, "X-Auth-Token", demo);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode images = json(r).get("images");
        return images.size() == 0 ? null : images.get(0);
    }
}
