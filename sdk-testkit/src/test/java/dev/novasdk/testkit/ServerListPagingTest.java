package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /servers} and {@code /servers/detail}: Nova's order (newest first), marker paging with
 * {@code servers_links} built like Nova's (absolute, sorted parameters, marker last), filters and the
 * query errors seen in the lab.
 */
class ServerListPagingTest {
    private static final FakeClock CLOCK = FakeClock.manual();
    private static FakeCloud cloud;
    private static String token;
    private static final List<String> NEWEST_FIRST = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = FakeCloud.builder().clock(CLOCK).instantBoot(true).start();
        token = Http.token(cloud);
        for (int i = 1; i <= 7; i++) {
            NEWEST_FIRST.add(0, Http.createServer(cloud, token, (i % 2 == 0 ? "even-" : "odd-") + i));
            CLOCK.advance(Duration.ofSeconds(1));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static List<String> ids(JsonNode servers) {
        List<String> out = new ArrayList<>();
        servers.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    @Test
    void list_withoutLimit_isNewestFirstAndHasNoLinks() {
        JsonNode body = json(nova(cloud, token, "GET", "/servers", "2.93", null));

        assertEquals(NEWEST_FIRST, ids(body.get("servers")));
        assertFalse(body.has("servers_links"));
        assertEquals(
                List.of("id", "name", "links"),
                KeystoneTokenTest.keys(body.get("servers").get(0)));
    }

    @Test
    void paging_followsServersLinksAcrossThreePages() {
        List<String> seen = new ArrayList<>();
        String url = cloud.computeEndpoint() + "/servers/detail?limit=3";
        List<String> links = new ArrayList<>();
        List<String> rels = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            HttpResponse<String> r =
                    Http.send("GET", url, null, "X-Auth-Token", token, "OpenStack-API-Version", "compute 2.93");
            JsonNode body = json(r);
            seen.addAll(ids(body.get("servers")));
            pages++;
            url = null;
            for (JsonNode link : body.path("servers_links")) {
                rels.add(link.get("rel").asText());
                url = link.get("href").asText();
                links.add(url);
            }
        }

        assertEquals(3, pages);
        assertEquals(List.of("next", "next"), rels, "one next link on each page but the last");
        assertEquals(NEWEST_FIRST, seen);
        assertEquals(cloud.computeEndpoint() + "/servers/detail?limit=3&marker=" + NEWEST_FIRST.get(2), links.get(0));
        assertEquals(cloud.computeEndpoint() + "/servers/detail?limit=3&marker=" + NEWEST_FIRST.get(5), links.get(1));
    }

    @Test
    void nextLink_sortsParametersAndPutsANewMarkerLast() {
        JsonNode first = json(nova(cloud, token, "GET", "/servers?name=odd&limit=1", "2.93", null));
        String next = first.get("servers_links").get(0).get("href").asText();
        assertEquals(cloud.computeEndpoint() + "/servers?limit=1&name=odd&marker=" + NEWEST_FIRST.get(0), next);

        String path = URI.create(next).getRawPath().substring("/compute/v2.1".length()) + "?"
                + URI.create(next).getRawQuery();
        JsonNode second = json(nova(cloud, token, "GET", path, "2.93", null));
        // an existing marker keeps its sorted place, as in Nova
        assertEquals(
                cloud.computeEndpoint() + "/servers?limit=1&marker=" + NEWEST_FIRST.get(2) + "&name=odd",
                second.get("servers_links").get(0).get("href").asText());
    }

    @Test
    void fullPage_withoutMoreItems_stillHasANextLinkLikeNova() {
        JsonNode body = json(nova(cloud, token, "GET", "/servers?limit=7", "2.93", null));

        assertEquals(7, body.get("servers").size());
        assertTrue(body.has("servers_links"));
        String next = body.get("servers_links").get(0).get("href").asText();
        String path = URI.create(next).getRawPath().substring("/compute/v2.1".length()) + "?"
                + URI.create(next).getRawQuery();
        JsonNode last = json(nova(cloud, token, "GET", path, "2.93", null));
        assertEquals("[]", last.get("servers").toString());
        assertFalse(last.has("servers_links"));
    }

    @Test
    void limitZero_isAnEmptyPageWithoutLinks() {
        assertEquals(
                "{\"servers\": []}",
                nova(cloud, token, "GET", "/servers?limit=0", "2.93", null).body());
    }

    @Test
    void filtersAndSorting() {
        JsonNode odd = json(nova(
                        cloud, token, "GET", "/servers?name=%5Eodd&sort_key=display_name&sort_dir=asc", "2.93", null))
                .get("servers");
        List<String> names = new ArrayList<>();
        odd.forEach(s -> names.add(s.get("name").asText()));
        assertEquals(List.of("odd-1", "odd-3", "odd-5", "odd-7"), names);
        assertEquals(
                7,
                json(nova(cloud, token, "GET", "/servers?status=active", "2.93", null))
                        .get("servers")
                        .size());
        assertEquals(
                0,
                json(nova(cloud, token, "GET", "/servers?status=SHUTOFF", "2.93", null))
                        .get("servers")
                        .size());
        assertEquals(
                7,
                json(nova(cloud, token, "GET", "/servers?flavor=1&image=" + cloud.imageId("cirros"), "2.93", null))
                        .get("servers")
                        .size());
        assertEquals(
                0,
                json(nova(cloud, token, "GET", "/servers?flavor=2", "2.93", null))
                        .get("servers")
                        .size());
    }

    @Test
    void queryErrors_haveTheLabsMessages() {
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"marker [nope] not found\"}}",
                nova(cloud, token, "GET", "/servers?marker=nope", "2.93", null).body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for query parameters limit. Value: -1. "
                        + "'-1' does not match '^[0-9]*$'\"}}",
                nova(cloud, token, "GET", "/servers?limit=-1", "2.93", null).body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for query parameters limit. Value: abc. "
                        + "'abc' does not match '^[0-9]*$'\"}}",
                nova(cloud, token, "GET", "/servers?limit=abc", "2.93", null).body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid status value\"}}",
                nova(cloud, token, "GET", "/servers?status=bogus", "2.93", null).body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for query parameters sort_key. Value: "
                        + "bogus. 'bogus' is not one of ['project_id', 'key_name', 'uuid', 'progress', 'display_name', 'locked', "
                        + "'instance_type_id', 'display_description', 'hostname', 'power_state', 'launched_at', 'host', 'kernel_id', "
                        + "'task_state', 'access_ip_v4', 'terminated_at', 'ramdisk_id', 'root_device_name', 'updated_at', "
                        + "'auto_disk_config', 'image_ref', 'config_drive', 'vm_state', 'launch_index', 'access_ip_v6', 'user_id', "
                        + "'node', 'created_at', 'locked_by', 'availability_zone']\"}}",
                nova(cloud, token, "GET", "/servers?sort_key=bogus", "2.93", null)
                        .body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"'foo' does not match any of the regexes: '^_'\"}}",
                nova(cloud, token, "GET", "/servers?foo=bar", "2.93", null).body());
        assertEquals(
                200, nova(cloud, token, "GET", "/servers?foo=bar", "2.74", null).statusCode());
    }

    @Test
    void allTenants_isForAdminsOnly() {
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");

        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow "
                        + "os_compute_api:servers:index:get_all_tenants to be performed.\"}}",
                nova(cloud, demo, "GET", "/servers?all_tenants=1", "2.93", null).body());
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow "
                        + "os_compute_api:servers:detail:get_all_tenants to be performed.\"}}",
                nova(cloud, demo, "GET", "/servers/detail?all_tenants=1", "2.93", null)
                        .body());
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Only administrators can sort servers by host\"}}",
                nova(cloud, demo, "GET", "/servers?sort_key=host", "2.93", null).body());
        assertEquals(
                7,
                json(nova(cloud, token, "GET", "/servers?all_tenants=1", "2.93", null))
                        .get("servers")
                        .size());
    }
}
