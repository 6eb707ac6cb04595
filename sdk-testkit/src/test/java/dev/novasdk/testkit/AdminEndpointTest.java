package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static dev.novasdk.testkit.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code /_fake} endpoint: the fault knobs over HTTP, for clouds run with {@code java -jar}. */
class AdminEndpointTest {
    private final FakeCloud cloud = FakeCloud.builder()
            .adminEndpoint(true)
            .clock(FakeClock.startingAt(Instant.parse("2026-01-02T03:04:05Z")))
            .start();
    private final String token = Http.token(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return send(method, cloud.baseUrl() + "/_fake" + path, body);
    }

    @Test
    void get_describesTheCloudAndItsRoutes() {
        HttpResponse<String> r = admin("GET", "", null);
        assertEquals(200, r.statusCode());
        assertEquals(cloud.authUrl(), json(r).get("auth_url").asText());
        assertEquals(
                "2026-01-02T03:04:05.000000Z", json(r).get("clock").get("now").asText());
        assertEquals(false, json(r).get("clock").get("ticking").asBoolean());
        assertTrue(json(r).get("routes").toString().contains("/_fake/fail"));
    }

    @Test
    void fail_makesTheNextComputeRequestsFailWithTheStatus() {
        HttpResponse<String> r = admin("POST", "/fail", "{\"count\": 2, \"status\": 429, \"retry_after\": 3}");
        assertEquals(200, r.statusCode(), r.body());

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = nova(cloud, token, "GET", "/servers", "2.93", null);
            assertEquals(429, failed.statusCode());
            assertEquals("3", failed.headers().firstValue("Retry-After").orElseThrow());
        }
        assertEquals(200, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode());
    }

    @Test
    void fail_identity_hitsKeystoneOnly() {
        assertEquals(
                200,
                admin("POST", "/fail", "{\"service\": \"identity\", \"status\": 503}")
                        .statusCode());
        HttpResponse<String> r =
                send("POST", cloud.authUrl() + "/auth/tokens", Http.passwordBody("admin", "secretadmin", "admin"));
        assertEquals(503, r.statusCode());
        assertEquals(200, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode());
    }

    @Test
    void expireTokens_makesTheNextCallA401() {
        assertEquals(200, admin("POST", "/expire-tokens", null).statusCode());
        assertEquals(401, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode());
    }

    @Test
    void clockAdvance_movesTheCloudsClockAndABootAlong() {
        String id = Http.createServer(cloud, token, "vm");
        HttpResponse<String> r = admin("POST", "/clock/advance", "{\"seconds\": 4.5}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                "2026-01-02T03:04:09.000000Z", json(r).get("clock").get("now").asText());
        assertEquals(Instant.parse("2026-01-02T03:04:09.500Z"), cloud.clock().instant());
        assertEquals("ACTIVE", cloud.server(id).orElseThrow().status());
    }

    @Test
    void slow_delaysTheNextResponseInRealTime() {
        assertEquals(200, admin("POST", "/slow", "{\"seconds\": 0.3}").statusCode());
        long start = System.nanoTime();
        assertEquals(200, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(300)) >= 0);
    }

    @Test
    void serverError_putsTheServerInErrorWithTheFault() {
        String id = Http.createServer(cloud, token, "vm");
        HttpResponse<String> r = admin(
                "POST", "/servers/" + id + "/error", "{\"code\": 500, \"message\": \"No valid host was found. \"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ERROR", cloud.server(id).orElseThrow().status());
        assertEquals(
                "No valid host was found. ",
                cloud.server(id).orElseThrow().faultMessage().orElseThrow());
        assertEquals(400, admin("POST", "/servers/nope/error", "{}").statusCode());
    }

    @Test
    void mistakes_getA4xxWithAMessage() {
        assertEquals(400, admin("POST", "/fail", "{\"status\": 200}").statusCode());
        assertEquals(400, admin("POST", "/fail", "{\"service\": \"network\"}").statusCode());
        assertEquals(400, admin("POST", "/fail", "[1]").statusCode());
        assertEquals(400, admin("POST", "/clock/advance", "{}").statusCode());
        assertEquals(400, admin("POST", "/clock/advance", "{\"seconds\": -1}").statusCode());
        assertEquals(400, admin("POST", "/slow", "{\"seconds\": \"2s\"}").statusCode());
        HttpResponse<String> unknown = admin("POST", "/bogus", "{}");
        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown).get("error").asText().contains("GET /_fake"));
        HttpResponse<String> wrongMethod = admin("GET", "/fail", null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void handle_fromANonLoopbackAddress_isRefused() {
        Req req = new Req("POST", "/_fake/expire-tokens", null, java.util.Map.of(), new byte[0], cloud.baseUrl());
        Resp r = new AdminEndpoint(cloud).handle(req, "/expire-tokens", false);
        assertEquals(403, r.status);
        assertEquals(200, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode(), "tokens still valid");
    }

    @Test
    void adminEndpoint_isOffUnlessAsked() {
        try (FakeCloud plain = FakeCloud.builder().start()) {
            assertEquals(
                    404,
                    send("POST", plain.baseUrl() + "/_fake/expire-tokens", "{}").statusCode());
        }
    }
}
