package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's uwsgi (Keystone, Nova) does not de-chunk request bodies: a chunked body arrives empty. FakeCloud
 * does the same, so a client that forgets Content-Length fails here as it would against a real cloud.
 */
class ChunkedRequestBodyTest {
    private static FakeCloud cloud;

    @BeforeAll
    static void start() {
        cloud = FakeCloud.builder().start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> chunked(String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("OpenStack-API-Version", "compute 2.93")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keystone_chunkedBody_isEmptyLikeTheLabs() throws Exception {
        HttpResponse<String> r =
                chunked(cloud.authUrl() + "/auth/tokens", Http.passwordBody("admin", "secretadmin", "admin"), null);

        assertEquals(400, r.statusCode());
        assertEquals(
                "{\"error\":{\"code\":400,\"message\":\"Expecting to find auth in request body. The server could not"
                        + " comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be"
                        + " in error.\",\"title\":\"Bad Request\"}}",
                r.body());
    }

    @Test
    void nova_chunkedBody_isNoneLikeTheLabs() throws Exception {
        HttpResponse<String> r =
                chunked(cloud.computeEndpoint() + "/servers", Http.bootBody(cloud, "vm"), Http.token(cloud));

        assertEquals(400, r.statusCode());
        assertEquals("{\"badRequest\": {\"code\": 400, \"message\": \"None is not of type 'object'\"}}", r.body());
    }
}
