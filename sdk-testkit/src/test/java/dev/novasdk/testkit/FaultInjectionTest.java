package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.nova;
import static dev.novasdk.testkit.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The knobs a user's test turns to make the cloud fail, and the request log it asserts on. */
class FaultInjectionTest {
    private final FakeCloud cloud = FakeCloud.builder().instantBoot(true).start();
    private final String token = Http.token(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void failNext_429_failsExactlyNComputeCallsWithRetryAfter() {
        cloud.failNext(2, 429, Duration.ofMillis(1500));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = nova(cloud, token, "GET", "/servers", "2.93", null);
            assertEquals(429, r.statusCode());
            assertEquals(
                    "{\"overLimit\": {\"code\": 429, \"message\": \"This request was rate-limited.\", "
                            + "\"retryAfter\": \"2\"}}",
                    r.body());
            assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(r.headers().firstValue("x-compute-request-id").isPresent());
        }
        assertEquals(200, nova(cloud, token, "GET", "/servers", "2.93", null).statusCode());
        assertEquals(
                200,
                send("GET", cloud.imageEndpoint() + "/v2/images", null, "X-Auth-Token", token)
                        .statusCode());
    }

    @Test
    void failNext_503_onComputeHasNoRetryAfterWhenNoneIsGiven() {
        cloud.failNext(1, 503, null);

        HttpResponse<String> r = nova(cloud, token, "POST", "/servers", "2.93", Http.bootBody(cloud, "vm"));

        assertEquals(503, r.statusCode());
        assertEquals(
                "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"The server is currently unavailable. Please "
                        + "try again at a later time.\"}}",
                r.body());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        assertEquals(0, cloud.servers().size(), "an injected failure does not reach Nova");
    }

    @Test
    void failNext_onImageAndIdentity_useThoseServicesShapes() {
        cloud.failNext(FakeCloud.Service.IMAGE, 1, 503, Duration.ofSeconds(3));
        cloud.failNext(FakeCloud.Service.IDENTITY, 1, 503, Duration.ofSeconds(1));

        HttpResponse<String> image = send(
                "GET", cloud.imageEndpoint() + "/v2/images", null, "X-Auth-Token", token, "Accept", "application/json");
        assertEquals(503, image.statusCode());
        assertEquals(
                "{\"message\": \"The server is currently unavailable. Please try again at a later time.<br /><br />"
                        + "\\n\\n\\n\", \"code\": \"503 Service Unavailable\", \"title\": \"Service Unavailable\"}",
                image.body());
        assertEquals("3", image.headers().firstValue("Retry-After").orElseThrow());

        HttpResponse<String> identity =
                send("POST", cloud.authUrl() + "/auth/tokens", Http.passwordBody("admin", "secretadmin", "admin"));
        assertEquals(503, identity.statusCode());
        assertEquals(
                "{\"error\":{\"code\":503,\"message\":\"The server is currently unavailable. Please try again at a "
                        + "later time.\",\"title\":\"Service Unavailable\"}}",
                identity.body());
        assertEquals("1", identity.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(
                201,
                send("POST", cloud.authUrl() + "/auth/tokens", Http.passwordBody("admin", "secretadmin", "admin"))
                        .statusCode());
    }

    @Test
    void failNext_rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> cloud.failNext(1, 200, null));
        assertThrows(IllegalArgumentException.class, () -> cloud.failNext(-1, 503, null));
        assertThrows(IllegalArgumentException.class, () -> cloud.failNext(1, 503, Duration.ofSeconds(-1)));
    }

    @Test
    void requestLog_recordsMethodPathHeadersBodyStatusAndRequestId() {
        cloud.clearRequests();
        HttpResponse<String> r = nova(cloud, token, "POST", "/servers", "2.93", Http.bootBody(cloud, "logged"));

        List<RecordedRequest> log = cloud.requests();
        assertEquals(1, log.size());
        RecordedRequest req = log.get(0);
        assertEquals("POST", req.method());
        assertEquals("/compute/v2.1/servers", req.path());
        assertEquals("compute 2.93", req.header("openstack-api-version").orElseThrow());
        assertEquals(token, req.header("X-Auth-Token").orElseThrow());
        assertTrue(req.body().contains("\"name\": \"logged\""));
        assertEquals(202, req.statusCode());
        assertEquals(
                r.headers().firstValue("x-openstack-request-id").orElseThrow(),
                req.requestId().orElseThrow());
        assertTrue(!req.toString().contains(token), "toString must not leak the token");
        assertEquals(1, cloud.requestCount("POST", "/compute/v2.1/servers"));
        assertEquals(0, cloud.requestCount("GET", "/compute"));
    }

    @Test
    void authenticationCount_countsEveryTokenRequest() {
        int before = cloud.authenticationCount();
        send("POST", cloud.authUrl() + "/auth/tokens", Http.passwordBody("admin", "nope", "admin"));
        Http.token(cloud);

        assertEquals(before + 2, cloud.authenticationCount());
    }
}
