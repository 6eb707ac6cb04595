package dev.novasdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A bare HTTP client for the tests: they talk to FakeCloud on the wire, never through the SDK, so they
 * check exactly what a client would receive.
 */
final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    /** Sends a request; {@code headers} are name/value pairs. */
    static HttpResponse<String> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A compute request with a token, a microversion (null for none) and {@code Accept: application/json}. */
    static HttpResponse<String> nova(
            FakeCloud cloud, String token, String method, String path, String version, String body) {
        return send(
                method,
                cloud.computeEndpoint() + path,
                body,
                "X-Auth-Token",
                token,
                "Accept",
                "application/json",
                "OpenStack-API-Version",
                version == null ? null : "compute " + version);
    }

    static String passwordBody(String user, String password, String project) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"" + user
                + "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" + password
                + "\"}}}, \"scope\": {\"project\": "
                + "{\"name\": \"" + project + "\", \"domain\": {\"name\": \"Default\"}}}}}";
    }

    /** A project-scoped token for the default admin user. */
    static String token(FakeCloud cloud) {
        return token(cloud, cloud.username(), cloud.password(), cloud.projectName());
    }

    static String token(FakeCloud cloud, String user, String password, String project) {
        HttpResponse<String> r = send("POST", cloud.authUrl() + "/auth/tokens", passwordBody(user, password, project));
        if (r.statusCode() != 201) {
            throw new AssertionError("authentication failed: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static List<String> header(HttpResponse<String> r, String name) {
        return r.headers().allValues(name);
    }

    /** A minimal valid boot request at 2.37 or later. */
    static String bootBody(FakeCloud cloud, String name) {
        return "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", \"imageRef\": \""
                + cloud.imageId("cirros") + "\", \"networks\": \"none\"}}";
    }

    static String createServer(FakeCloud cloud, String token, String name) {
        HttpResponse<String> r = nova(cloud, token, "POST", "/servers", "2.93", bootBody(cloud, name));
        if (r.statusCode() != 202) {
            throw new AssertionError("create failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).get("server").get("id").asText();
    }
}
