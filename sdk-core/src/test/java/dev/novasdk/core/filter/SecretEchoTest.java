package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.HttpPipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services that echo the request in their error bodies: whatever secret the client sent must not come back
 * out of the SDK, neither in the exception (message, toString, printed stack trace, service message, body
 * excerpt) nor in the debug log.
 */
class SecretEchoTest {
    private static final URI KEYSTONE = URI.create("http://127.0.0.1:5000/v3/auth/tokens");
    private static final URI SERVERS = URI.create("http://127.0.0.1:8774/v2.1/servers");
    private static final String PASSWORD = "Pa\"ss/w\u00f6rd'42";
    private static final String TOKEN = "gAAAAABmEchoedTokenValue0123456789";
    private static final String ADMIN_PASS = "Adm1n-Pass-7x";
    private static final String USER_DATA = "IyEvYmluL3NoCmVjaG8gcm9vdDpodW50ZXIyIHwgY2hwYXNzd2QK";

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.httpDebug();
    }

    @AfterEach
    void restoreLogs() {
        logs.close();
    }

    private static HttpPipeline pipeline(Function<HttpRequest, HttpResponse> server, boolean authenticated) {
        HttpTransport transport = server::apply;
        HttpPipeline.Builder b = HttpPipeline.builder().transport(transport).retryPolicy(RetryPolicy.none());
        if (authenticated) {
            b.tokenProvider(TokenProvider.of(AuthToken.of(TOKEN, null)));
        }
        return b.build();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String requestText(HttpRequest r) {
        return new String(r.body().orElseThrow().bytesUnsafe().orElseThrow(), StandardCharsets.UTF_8);
    }

    // Everything the caller or an operator could see of the failure.
    private String everythingShown(ApiException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return String.join(
                "\n",
                e.getMessage(),
                e.toString(),
                trace.toString(),
                e.bodyExcerpt(),
                e.serviceMessage().orElse(""),
                e.faultName().orElse(""),
                e.uri().toString(),
                e.error().toString(),
                logs.everything());
    }

    private static void assertNoneOf(String text, List<String> secrets) {
        for (String s : secrets) {
            assertFalse(text.contains(s), () -> "'" + s + "' leaked into:\n" + text);
        }
    }

    @Test
    void keystone400EchoingTheAuthDocument_passwordScrubbedEverywhere() {
        // Keystone's schema errors quote the offending document, once as Python repr and once as the JSON
        // text of the request, which the error body escapes a second time.
        HttpPipeline keystone = pipeline(
                request -> HttpResponse.of(
                        400,
                        Headers.of("Content-Type", "application/json", "x-openstack-request-id", "req-1"),
                        "{\"error\": {\"code\": 400, \"title\": \"Bad Request\", \"message\": \"Invalid input for"
                                + " field 'identity': {'password': {'user': {'name': 'admin', 'password': '"
                                + json(PASSWORD.replace("'", "\\'")) + "'}}} echo: "
                                + json(requestText(request))
                                        .replace("\\", "\\\\")
                                        .replace("\"", "\\\"")
                                + "\"}}"),
                false);
        HttpRequest auth = HttpRequest.builder(HttpMethod.POST, KEYSTONE)
                .body(RequestBody.json("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\":"
                        + " {\"user\": {\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}, \"password\": \""
                        + json(PASSWORD) + "\"}}}}}"))
                .build();

        BadRequestException e = assertThrows(BadRequestException.class, () -> keystone.send(auth));

        String shown = everythingShown(e);
        assertNoneOf(shown, List.of(PASSWORD, json(PASSWORD), "w\u00f6rd", "w\\u00f6rd"));
        assertTrue(e.getMessage().contains("'name': 'admin'"), e.getMessage());
        assertTrue(e.getMessage().contains("***"), e.getMessage());
        assertTrue(e.bodyExcerpt().contains("***"), e.bodyExcerpt());
        assertFalse(logs.messagesStartingWith("RESP: [400]").isEmpty());
    }

    @Test
    void nova400EchoingAdminPassUserDataAndToken_scrubbedEverywhere() {
        HttpPipeline nova = pipeline(
                request -> HttpResponse.of(
                        400,
                        Headers.of("Content-Type", "application/json; charset=UTF-8"),
                        "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute"
                                + " adminPass. Value: " + ADMIN_PASS + ". '" + USER_DATA + "' is not a 'base64'"
                                + " (token "
                                + request.headers().firstValue("X-Auth-Token").orElse("") + ")\"}}"),
                true);
        HttpRequest create = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"server\": {\"name\": \"vm1\", \"adminPass\": \"" + ADMIN_PASS
                        + "\", \"user_data\": \"" + USER_DATA + "\"}}"))
                .build();

        BadRequestException e = assertThrows(BadRequestException.class, () -> nova.send(create));

        assertNoneOf(everythingShown(e), List.of(ADMIN_PASS, USER_DATA, TOKEN));
        assertEquals(
                "Invalid input for field/attribute adminPass. Value: ***. '***' is not a 'base64' (token ***)",
                e.serviceMessage().orElseThrow());
    }

    @Test
    void htmlErrorPageEchoingThePassword_scrubbedFromMessageAndLog() {
        HttpPipeline keystone = pipeline(
                request -> HttpResponse.of(
                        400,
                        Headers.of("Content-Type", "text/html; charset=UTF-8"),
                        "<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1>"
                                + "Could not parse: p&quot;="
                                + PASSWORD.replace("\"", "&quot;").replace("'", "&#x27;")
                                + "</body></html>"),
                false);
        HttpRequest auth = HttpRequest.builder(HttpMethod.POST, KEYSTONE)
                .body(RequestBody.json("{\"auth\": {\"identity\": {\"password\": {\"user\": {\"password\": \""
                        + json(PASSWORD) + "\"}}}}}"))
                .build();

        BadRequestException e = assertThrows(BadRequestException.class, () -> keystone.send(auth));

        assertNoneOf(everythingShown(e), List.of(PASSWORD, "w\u00f6rd"));
        assertTrue(e.getMessage().contains("Could not parse"), e.getMessage());
    }

    @Test
    void secretStraddlingTheExcerptCut_neitherWholeNorInPart() {
        String padding = "x".repeat(2040);
        HttpPipeline nova = pipeline(
                request -> HttpResponse.of(
                        400,
                        Headers.of("Content-Type", "text/plain"),
                        padding + USER_DATA + " and more text after the echo"),
                true);
        HttpRequest create = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"server\": {\"user_data\": \"" + USER_DATA + "\"}}"))
                .build();

        ApiException e = assertThrows(ApiException.class, () -> nova.send(create));

        assertTrue(
                e.bodyExcerpt().length() <= 2048,
                "excerpt of " + e.bodyExcerpt().length());
        assertFalse(e.bodyExcerpt().contains(USER_DATA.substring(0, 6)), e.bodyExcerpt());
        assertNoneOf(everythingShown(e), List.of(USER_DATA, USER_DATA.substring(0, 8)));
    }

    @Test
    void adminPassGeneratedByNova_laterEcho_isScrubbed() {
        String generated = "GenPw9zKq2Lm";
        int[] calls = {0};
        HttpPipeline nova = pipeline(
                request -> calls[0]++ == 0
                        ? HttpResponse.of(
                                202,
                                Headers.of("Content-Type", "application/json"),
                                "{\"server\": {\"id\": \"s1\", \"adminPass\": \"" + generated + "\"}}")
                        : HttpResponse.of(
                                409,
                                Headers.of("Content-Type", "application/json"),
                                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"password " + generated
                                        + " in use\"}}"),
                true);
        nova.send(HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"server\": {\"name\": \"vm\"}}"))
                .build());

        ApiException e = assertThrows(ApiException.class, () -> nova.send(HttpRequest.get(SERVERS)));

        assertNoneOf(everythingShown(e), List.of(generated));
    }
}
