package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deleted servers in listings, as the lab lists them: under {@code changes-since}/{@code changes-before} to
 * anyone, to admins with {@code deleted=true} or {@code status=DELETED}, and never otherwise; after the 404
 * too, as Nova's soft-deleted rows stay.
 */
class DeletedServerListingTest {
    private static final String SINCE = "2026-03-01T07:59:59Z";
    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();
    private final String admin = Http.token(cloud);
    private final String demo = Http.token(cloud, "demo", "secretdemo", "demo");
    private String deleted;
    private String live;

    @AfterEach
    void close() {
        cloud.close();
    }

    /** One server deleted and gone (404 by id), one ACTIVE, both in the admin project. */
    private void deletedAndLive() {
        deleted = Http.createServer(cloud, admin, "old");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(
                204,
                nova(cloud, admin, "DELETE", "/servers/" + deleted, "2.93", null)
                        .statusCode());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(
                404,
                nova(cloud, admin, "GET", "/servers/" + deleted, "2.93", null).statusCode());
        live = Http.createServer(cloud, admin, "new");
        clock.advance(Duration.ofSeconds(4));
    }

    private List<String> list(String token, String query) {
        HttpResponse<String> r = nova(cloud, token, "GET", "/servers/detail?" + query, "2.93", null);
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode s : json(r).get("servers")) {
            out.add((s.get("id").asText().equals(deleted) ? "deleted:" : "live:")
                    + s.get("status").asText());
        }
        return out;
    }

    @Test
    void changesSince_listsTheGoneServerAsDeletedWithTerminatedAt() {
        deletedAndLive();
        assertEquals(List.of("live:ACTIVE", "deleted:DELETED"), list(admin, "changes-since=" + SINCE));
        JsonNode doc = json(nova(cloud, admin, "GET", "/servers/detail?changes-since=" + SINCE, "2.93", null))
                .get("servers")
                .get(1);
        assertEquals("deleted", doc.get("OS-EXT-STS:vm_state").asText());
        assertEquals(
                "2026-03-01T08:00:05.000000",
                doc.get("OS-SRV-USG:terminated_at").asText());
        assertEquals("2026-03-01T08:00:09Z", doc.get("updated").asText());
        assertEquals(List.of("deleted:DELETED"), list(admin, "changes-before=2026-03-01T08:00:10Z"));
        assertEquals(List.of("live:ACTIVE"), list(admin, "changes-since=2026-03-01T08:00:10Z"));
    }

    @Test
    void noFilter_leavesDeletedServersOut() {
        deletedAndLive();
        assertEquals(List.of("live:ACTIVE"), list(admin, ""));
        assertEquals(List.of("live:ACTIVE"), list(admin, "changes-since=" + SINCE + "&status=ACTIVE"));
    }

    @Test
    void deletedTrue_forAnAdmin_listsOnlyDeletedOnesAndFalseTheOthers() {
        deletedAndLive();
        assertEquals(List.of("deleted:DELETED"), list(admin, "deleted=true"));
        assertEquals(List.of("deleted:DELETED"), list(admin, "deleted=True&changes-since=" + SINCE));
        assertEquals(List.of("live:ACTIVE"), list(admin, "deleted=false&changes-since=" + SINCE));
        assertEquals(List.of("live:ACTIVE"), list(admin, "deleted=bogus"));
        assertEquals(List.of("deleted:DELETED"), list(admin, "status=DELETED"));
        assertEquals(List.of(), list(admin, "deleted=true&status=ACTIVE"));
    }

    @Test
    void member_statusDeletedIs403AndDeletedIsIgnored() {
        String own = Http.createServer(cloud, demo, "mine");
        clock.advance(Duration.ofSeconds(4));
        nova(cloud, demo, "DELETE", "/servers/" + own, "2.93", null);
        clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> r = nova(cloud, demo, "GET", "/servers?status=DELETED", "2.93", null);
        assertEquals(403, r.statusCode());
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Only administrators may list deleted instances\"}}",
                r.body());
        assertEquals(List.of(), list(demo, "deleted=true"));
        assertEquals(
                1,
                json(nova(cloud, demo, "GET", "/servers?changes-since=" + SINCE, "2.93", null))
                        .get("servers")
                        .size());
    }

    @Test
    void marker_mayBeADeletedServer() {
        deletedAndLive();
        HttpResponse<String> r =
                nova(cloud, admin, "GET", "/servers?changes-since=" + SINCE + "&limit=1&marker=" + live, "2.93", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(deleted, json(r).get("servers").get(0).get("id").asText());
        HttpResponse<String> after =
                nova(cloud, admin, "GET", "/servers?changes-since=" + SINCE + "&marker=" + deleted, "2.93", null);
        assertEquals(200, after.statusCode(), after.body());
        assertEquals(0, json(after).get("servers").size());
    }
}
