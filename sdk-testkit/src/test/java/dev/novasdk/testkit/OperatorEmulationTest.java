package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FakeCloud's operator APIs answer as the lab does (bodies recorded with {@code curl} as admin and demo): the
 * hypervisor's shape per microversion and its usage summed from servers, services, the policy 403, the
 * migration record a resize leaves, and usage.
 */
class OperatorEmulationTest {
    FakeCloud cloud;
    String admin;

    @BeforeEach
    void start() {
        cloud = FakeCloud.builder().start();
        admin = Http.token(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    JsonNode get(String path, String version, int status) {
        HttpResponse<String> r = Http.nova(cloud, admin, "GET", path, version, null);
        assertEquals(status, r.statusCode(), r.body());
        return Http.json(r);
    }

    @Test
    void hypervisor_shapesPerMicroversion_andUsageFromServers() {
        JsonNode before = get("/os-hypervisors/statistics", "2.87", 200).get("hypervisor_statistics");
        assertEquals(512, before.get("memory_mb_used").asInt(), "the host's reserved memory");
        Http.createServer(cloud, admin, "ops-1");
        JsonNode after = get("/os-hypervisors/statistics", "2.87", 200).get("hypervisor_statistics");
        assertEquals(1000, after.get("vcpus").asInt());
        assertEquals(1, after.get("vcpus_used").asInt());
        assertEquals(512 + 512, after.get("memory_mb_used").asInt(), "m1.tiny's 512 MiB");
        assertEquals(800000 - 1024, after.get("free_ram_mb").asInt());
        assertEquals(1, after.get("running_vms").asInt());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}",
                Http.nova(cloud, admin, "GET", "/os-hypervisors/statistics", "2.88", null)
                        .body());

        JsonNode old =
                get("/os-hypervisors/detail", "2.27", 200).get("hypervisors").get(0);
        assertEquals(1, old.get("id").asInt());
        assertTrue(old.get("cpu_info").isTextual(), "cpu_info is JSON text before 2.28");
        JsonNode v253 =
                get("/os-hypervisors/detail", "2.53", 200).get("hypervisors").get(0);
        assertTrue(v253.get("cpu_info").isObject());
        assertEquals(36, v253.get("id").asText().length(), "a UUID from 2.53");
        JsonNode v288 = get("/os-hypervisors/detail?with_servers=true", "2.93", 200)
                .get("hypervisors")
                .get(0);
        assertFalse(v288.has("vcpus"), "no capacity from 2.88");
        assertTrue(v288.has("uptime") && v288.get("uptime").isNull());
        assertEquals(1, v288.get("servers").size());

        HttpResponse<String> none =
                Http.nova(cloud, admin, "GET", "/os-hypervisors?hypervisor_hostname_pattern=nomatch", "2.93", null);
        assertEquals(404, none.statusCode());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"No hypervisor matching 'nomatch' could be found.\"}}",
                none.body());
        assertEquals(
                501,
                Http.nova(
                                cloud,
                                admin,
                                "GET",
                                "/os-hypervisors/" + v253.get("id").asText() + "/uptime",
                                "2.87",
                                null)
                        .statusCode());
    }

    @Test
    void demo_getsNovasPolicy403() {
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        HttpResponse<String> r = Http.nova(cloud, demo, "GET", "/os-hypervisors", "2.93", null);
        assertEquals(403, r.statusCode());
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow os_compute_api:os-hypervisors:list "
                        + "to be performed.\"}}",
                r.body());
    }

    @Test
    void services_controlServiceUpdate_refusedAsTheLabDoes() {
        JsonNode services = get("/os-services", "2.93", 200).get("services");
        assertEquals(3, services.size());
        String conductor = null;
        for (JsonNode s : services) {
            if (s.get("binary").asText().equals("nova-conductor")) {
                conductor = s.get("id").asText();
            }
        }
        HttpResponse<String> r =
                Http.nova(cloud, admin, "PUT", "/os-services/" + conductor, "2.93", "{\"status\": \"disabled\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Updating a nova-conductor service is not supported."), r.body());
        HttpResponse<String> old =
                Http.nova(cloud, admin, "PUT", "/os-services/disable", "2.93", "{\"host\": \"x\", \"binary\": \"y\"}");
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Additional properties are not allowed ('binary', "
                        + "'host' were unexpected)\"}}",
                old.body());
    }

    @Test
    void migrationHook_recordsWhatTheResizeLeaves_listedNewestFirstFrom259() {
        String id = Http.createServer(cloud, admin, "ops-resize");
        synchronized (cloud.state) {
            CloudState.Server s = cloud.state.server(id);
            cloud.compute.operator.recordMigration(
                    s, s.flavor, cloud.state.flavors.get("2"), "resize", "finished", s.userId);
            cloud.compute.operator.recordMigration(s, s.flavor, s.flavor, "migration", "error", s.userId);
        }
        JsonNode v259 = get("/os-migrations", "2.59", 200).get("migrations");
        assertEquals("migration", v259.get(0).get("migration_type").asText(), "newest first from 2.59");
        assertFalse(v259.get(0).has("project_id"), "project_id from 2.80");
        JsonNode v21 = get("/os-migrations", "2.1", 200).get("migrations");
        assertEquals(1, v21.get(0).get("id").asInt(), "oldest first before 2.59");
        assertFalse(v21.get(0).has("migration_type"));
        JsonNode resize = get("/os-migrations?migration_type=resize&instance_uuid=" + id, "2.80", 200)
                .get("migrations");
        assertEquals(1, resize.size());
        assertEquals("finished", resize.get(0).get("status").asText());
        assertEquals(1, resize.get(0).get("old_instance_type_id").asInt());
        assertEquals(2, resize.get(0).get("new_instance_type_id").asInt());
        synchronized (cloud.state) {
            cloud.compute.operator.migrationStatus(id, "confirmed");
        }
        assertEquals(
                "confirmed",
                get("/os-migrations?instance_uuid=" + id, "2.93", 200)
                        .get("migrations")
                        .get(0)
                        .get("status")
                        .asText());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Marker nope could not be found.\"}}",
                Http.nova(cloud, admin, "GET", "/os-migrations?marker=nope", "2.93", null)
                        .body());
    }

    @Test
    void usage_holdsAServerFromTheSecondAfterItsLaunch() {
        FakeClock clock = FakeClock.startingAt(Instant.parse("2026-12-03T10:00:00.100Z"));
        try (FakeCloud c = FakeCloud.builder().clock(clock).start()) {
            String token = Http.token(c);
            String id = Http.createServer(c, token, "ops-window");
            String path = "/os-simple-tenant-usage/" + c.projectId() + "?start=2026-12-03T09:00:00";
            assertFalse(usageNames(c, token, path).contains("ops-window"), "building: never launched yet");
            // Four build steps of one second each: launched at 10:00:04.1, then read in that same second.
            clock.advance(Duration.ofSeconds(4));
            assertEquals(
                    "ACTIVE",
                    Http.json(Http.nova(c, token, "GET", "/servers/" + id, "2.93", null))
                            .get("server")
                            .get("status")
                            .asText());
            assertFalse(usageNames(c, token, path).contains("ops-window"), "launched in the current second");
            clock.advance(Duration.ofMillis(900));
            assertTrue(usageNames(c, token, path).contains("ops-window"), "the next second");
            assertEquals(
                    "2026-12-03T10:00:04.000000",
                    Http.json(Http.nova(c, token, "GET", path, "2.93", null))
                            .get("tenant_usage")
                            .get("server_usages")
                            .get(0)
                            .get("started_at")
                            .asText(),
                    "launched_at as the database keeps it");
        }
    }

    private static String usageNames(FakeCloud c, String token, String path) {
        HttpResponse<String> r = Http.nova(c, token, "GET", path, "2.93", null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void usage_summedFromServers_refusesAZoneSuffix() {
        Http.createServer(cloud, admin, "ops-usage");
        cloud.clock().advance(Duration.ofSeconds(10));
        JsonNode all = get("/os-simple-tenant-usage?start=2000-01-01T00:00:00&detailed=1", "2.93", 200);
        JsonNode mine = all.get("tenant_usages").get(0);
        assertEquals(cloud.projectId(), mine.get("tenant_id").asText());
        assertEquals("m1.tiny", mine.get("server_usages").get(0).get("flavor").asText());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid datetime string: Datetime is in invalid "
                        + "format\"}}",
                Http.nova(cloud, admin, "GET", "/os-simple-tenant-usage?start=2000-01-01T00:00:00Z", "2.93", null)
                        .body());
    }
}
