package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Glance v2 as the lab's Glance answered: versions, the cirros document, paging links and WebOb errors. */
class GlanceImagesTest {
    private static final FakeClock CLOCK = FakeClock.manual();
    private static FakeCloud cloud;
    private static String token;
    private static final List<String> NEWEST_FIRST = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = FakeCloud.builder().clock(CLOCK).start();
        token = Http.token(cloud);
        NEWEST_FIRST.add(cloud.imageId("cirros"));
        for (int i = 1; i <= 5; i++) {
            CLOCK.advance(Duration.ofSeconds(1));
            NEWEST_FIRST.add(0, cloud.addImage("img-" + i, i == 5 ? "queued" : "active"));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> glance(String pathAndQuery, String accept) {
        return send("GET", cloud.imageEndpoint() + pathAndQuery, null, "X-Auth-Token", token, "Accept", accept);
    }

    private static List<String> ids(JsonNode images) {
        List<String> out = new ArrayList<>();
        images.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void versions_root300AndVersions200WithoutRequestId() {
        HttpResponse<String> root = send("GET", cloud.imageEndpoint() + "/", null);
        HttpResponse<String> versions = send("GET", cloud.imageEndpoint() + "/versions", null);

        assertEquals(300, root.statusCode());
        assertEquals(200, versions.statusCode());
        assertEquals(root.body(), versions.body());
        JsonNode first = json(root).get("versions").get(0);
        assertEquals(
                "{\"id\":\"v2.15\",\"status\":\"CURRENT\",\"links\":[{\"rel\":\"self\",\"href\":\""
                        + cloud.imageEndpoint() + "/v2/\"}]}",
                first.toString());
        assertEquals(10, json(root).get("versions").size());
        assertTrue(root.headers().firstValue("X-Openstack-Request-Id").isEmpty());
    }

    @Test
    void cirros_looksLikeTheLabs() {
        HttpResponse<String> r = glance("/v2/images/" + cloud.imageId("cirros"), "application/json");

        assertEquals(200, r.statusCode());
        JsonNode i = json(r);
        assertEquals(
                List.of(
                        "os_distro",
                        "os_type",
                        "name",
                        "disk_format",
                        "container_format",
                        "visibility",
                        "size",
                        "virtual_size",
                        "status",
                        "checksum",
                        "protected",
                        "min_ram",
                        "min_disk",
                        "owner",
                        "os_hidden",
                        "os_hash_algo",
                        "os_hash_value",
                        "id",
                        "created_at",
                        "updated_at",
                        "tags",
                        "self",
                        "file",
                        "schema"),
                KeystoneTokenTest.keys(i));
        assertEquals("active", i.get("status").asText());
        assertEquals("public", i.get("visibility").asText());
        assertEquals(196616, i.get("size").asLong());
        assertEquals(
                "/v2/images/" + i.get("id").asText() + "/file", i.get("file").asText());
        assertEquals(cloud.projectId(), i.get("owner").asText());
        assertTrue(
                r.headers().firstValue("X-Openstack-Request-Id").orElseThrow().startsWith("req-"));
    }

    @Test
    void list_pagesThroughNextLinksLikeGlance() {
        List<String> seen = new ArrayList<>();
        List<String> nexts = new ArrayList<>();
        String path = "/v2/images?limit=2";
        JsonNode body = null;
        while (path != null) {
            body = json(glance(path, "application/json"));
            seen.addAll(ids(body.get("images")));
            assertEquals("/v2/schemas/images", body.get("schema").asText());
            assertEquals("/v2/images?limit=2", body.get("first").asText());
            path = body.has("next") ? body.get("next").asText() : null;
            if (path != null) {
                nexts.add(path);
            }
        }

        assertEquals(NEWEST_FIRST, seen);
        assertEquals(
                List.of(
                        "/v2/images?limit=2&marker=" + NEWEST_FIRST.get(1),
                        "/v2/images?limit=2&marker=" + NEWEST_FIRST.get(3),
                        "/v2/images?limit=2&marker=" + NEWEST_FIRST.get(5)),
                nexts);
        assertEquals("[]", body.get("images").toString());
    }

    @Test
    void list_filters() {
        JsonNode byName = json(glance("/v2/images?name=cirros&status=active&visibility=public", "application/json"));
        assertEquals(List.of(cloud.imageId("cirros")), ids(byName.get("images")));
        assertEquals(
                "/v2/images?name=cirros&status=active&visibility=public",
                byName.get("first").asText());
        assertFalse(byName.has("next"));
        assertEquals(
                1,
                json(glance("/v2/images?status=queued", "application/json"))
                        .get("images")
                        .size());
        assertEquals(
                "{\"images\": [], \"first\": \"/v2/images?name=zzz\", \"schema\": \"/v2/schemas/images\"}",
                glance("/v2/images?name=zzz", "application/json").body());
    }

    @Test
    void errors_areWebObBodiesChosenByAccept() {
        String missing = "/v2/images/00000000-0000-0000-0000-000000000000";
        HttpResponse<String> jsonBody = glance(missing, "application/json");
        assertEquals(404, jsonBody.statusCode());
        assertEquals(
                "{\"message\": \"No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\\n\\n\\n\", "
                        + "\"code\": \"404 Not Found\", \"title\": \"Not Found\"}",
                jsonBody.body());
        assertEquals(
                "application/json",
                jsonBody.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> html = glance(missing, "*/*");
        assertEquals(
                "text/html; charset=UTF-8",
                html.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  "
                        + "No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n\n </body>\n</html>",
                html.body());

        HttpResponse<String> plain =
                send("GET", cloud.imageEndpoint() + "/v2/images/nope", null, "X-Auth-Token", token);
        assertEquals("404 Not Found\n\nNo image found with ID nope\n\n   ", plain.body());

        assertEquals(
                "{\"message\": \"No image found with ID nope<br /><br />\\n\\n\\n\", \"code\": \"400 Bad Request\", "
                        + "\"title\": \"Bad Request\"}",
                glance("/v2/images?marker=nope", "application/json").body());
        assertEquals(
                "{\"message\": \"limit param must be an integer<br /><br />\\n\\n\\n\", \"code\": \"400 Bad Request\", "
                        + "\"title\": \"Bad Request\"}",
                glance("/v2/images?limit=abc", "application/json").body());
    }

    @Test
    void unauthenticated_isWebOb401WithoutRequestId() {
        HttpResponse<String> r = send("GET", cloud.imageEndpoint() + "/v2/images", null, "Accept", "application/json");

        assertEquals(401, r.statusCode());
        assertEquals(
                "{\"message\": \"This server could not verify that you are authorized to access the document you "
                        + "requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not "
                        + "understand how to supply the credentials required.<br /><br />\\n\\n\\n\", \"code\": \"401 Unauthorized\", "
                        + "\"title\": \"Unauthorized\"}",
                r.body());
        assertEquals(
                "Keystone uri=\"" + cloud.identityRoot() + "\"",
                r.headers().firstValue("Www-Authenticate").orElseThrow());
        assertTrue(r.headers().firstValue("X-Openstack-Request-Id").isEmpty());
    }

    @Test
    void requestId_echoesTheCallersWithReqPrefix() {
        HttpResponse<String> r = send(
                "GET",
                cloud.imageEndpoint() + "/v2/images",
                null,
                "X-Auth-Token",
                token,
                "X-Openstack-Request-Id",
                "abc123");

        assertEquals(
                "req-abc123", r.headers().firstValue("X-Openstack-Request-Id").orElseThrow());
    }

    @Test
    void novaImageProxy_existsUntil235() {
        HttpResponse<String> list = Http.nova(cloud, token, "GET", "/images/detail", "2.35", null);
        assertEquals(200, list.statusCode());
        JsonNode first = json(list).get("images").get(0);
        assertEquals(
                List.of(
                        "id",
                        "name",
                        "minRam",
                        "minDisk",
                        "metadata",
                        "created",
                        "updated",
                        "status",
                        "progress",
                        "OS-EXT-IMG-SIZE:size",
                        "links"),
                KeystoneTokenTest.keys(first));
        assertEquals("SAVING", first.get("status").asText());
        assertEquals(25, first.get("progress").asInt());
        assertEquals(
                cloud.imageEndpoint() + "//images/" + first.get("id").asText(),
                first.get("links").get(2).get("href").asText());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Image not found.\"}}",
                Http.nova(cloud, token, "GET", "/images/nope", "2.1", null).body());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}",
                Http.nova(cloud, token, "GET", "/images", "2.36", null).body());
    }
}
