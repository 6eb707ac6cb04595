package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogRedactionTest {
    private static final String KEYSTONE = "http://127.0.0.1/identity";
    private static final String NOVA = "http://127.0.0.1:8774/v2.1";

    private static String resource(String path) {
        try (InputStream in = LogRedactionTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest post(String uri, String json, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.builder(HttpMethod.POST, URI.create(uri)).body(RequestBody.json(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static HttpResponse json(int status, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return HttpResponse.of(status, Headers.of(all), body);
    }

    private static String masked(String json) {
        return LogRedaction.maskJson(json.getBytes(StandardCharsets.UTF_8), 8192)
                .orElseThrow();
    }

    @Test
    void noSecretEverAppearsInDebugOutput() {
        String userToken = "gAAAAABmUserTokenD0NotLogMe1";
        String subjectToken = "gAAAAABmSubjectTokenD0NotLogMe2";
        String serviceToken = "gAAAAABmServiceTokenD0NotLogMe3";
        String bearer = "Bearer eyJhbGciOiJSUzI1NiJ9.oauthAccessToken4";
        String oauthAccessToken = "oauthAccessTokenInBody5";
        String createAdminPass = "CreateAdminPass6";
        String changeAdminPass = "ChangedAdminPass7";
        String queryPassword = "QueryPassword8";
        String userInfoPassword = "UserInfoPassword9";
        String malformedPassword = "MalformedPassword10";
        String malformedResponseSecret = "MalformedResponseSecret11";
        String consoleToken = "daae261f-474d-4cae-8f6a-1865278ed8c9";
        String cookie = "session=CookieValue12";
        // From the samples: v3 password, v3 token method, totp passcode, application credential secret,
        // v2.0 password and token, nova's create response adminPass.
        List<String> sampleSecrets = List.of(
                "devstacker",
                "$OS_TOKEN",
                "123456",
                "rEaqvJka48mpv",
                "secretsecret",
                "cbc36478b0bd8e67e89469c7749d4127",
                "6NpUwoz2QDRN");

        List<HttpRequest> requests = new ArrayList<>();
        List<HttpResponse> responses = new ArrayList<>();
        // Keystone v3: password, token and totp methods; the token response carries X-Subject-Token.
        for (String sample : List.of(
                "project-id-password.json",
                "project-id-token.json",
                "project-id-totp.json",
                "auth-application-credential-id-request.json")) {
            requests.add(post(KEYSTONE + "/v3/auth/tokens", resource("identity/auth/" + sample)));
            responses.add(json(
                    201,
                    "{\"token\": {\"methods\": [\"password\"], \"expires_at\": \"2030-01-01T00:00:00Z\"}}",
                    "X-Subject-Token",
                    subjectToken));
        }
        // Keystone v3 token validation: both tokens as headers, the token again in the response header.
        requests.add(HttpRequest.builder(HttpMethod.GET, URI.create(KEYSTONE + "/v3/auth/tokens"))
                .header("X-Auth-Token", userToken)
                .header("X-Subject-Token", subjectToken)
                .build());
        responses.add(json(200, "{\"token\": {\"audit_ids\": [\"x\"]}}", "X-Subject-Token", subjectToken));
        // Keystone v2.0: passwordCredentials and token; the token id is in the response body.
        requests.add(
                post(KEYSTONE + "/v2.0/tokens", resource("identity/auth/v2.0-authenticate-credentials-request.json")));
        responses.add(json(200, "{\"access\": {\"token\": {\"id\": \"" + userToken + "\"}}}"));
        requests.add(post(KEYSTONE + "/v2.0/tokens", resource("identity/auth/v2.0-authenticate-token-request.json")));
        responses.add(json(200, "{\"access\": {\"token\": {\"id\": \"" + userToken + "\"}}}"));
        // OAuth2 client credentials.
        requests.add(post(KEYSTONE + "/v3/OS-OAUTH2/token", "{}", "Authorization", "Basic Y2xpZW50OnNlY3JldA=="));
        responses.add(json(200, "{\"access_token\": \"" + oauthAccessToken + "\", \"token_type\": \"Bearer\"}"));
        // Application credential creation returns its secret once.
        requests.add(post(
                KEYSTONE + "/v3/users/u1/application_credentials",
                "{\"application_credential\": {\"name\": \"monitoring\", \"secret\": \"rEaqvJka48mpv\"}}",
                "X-Auth-Token",
                userToken));
        responses.add(json(201, resource("identity/auth/application-credential-create-response.json")));
        // Nova: create with adminPass, the generated adminPass in the response, changePassword.
        requests.add(post(
                NOVA + "/servers",
                "{\"server\": {\"name\": \"vm1\", \"imageRef\": \"70a599e0\","
                        + " \"flavorRef\": \"1\", \"adminPass\": \"" + createAdminPass + "\"}}",
                "X-Auth-Token",
                userToken,
                "X-Service-Token",
                serviceToken,
                "Cookie",
                cookie));
        responses.add(json(202, resource("compute/servers/server-create-resp.json"), "Set-Cookie", cookie));
        requests.add(post(
                NOVA + "/servers/f5dc/action",
                resource("compute/servers/admin-password-change-password.json")
                        .replace("\"foo\"", "\"" + changeAdminPass + "\""),
                "X-Auth-Token",
                userToken));
        responses.add(HttpResponse.of(202, Headers.empty(), ""));
        // Nova remote console: the console token is inside the URL value.
        requests.add(post(
                NOVA + "/servers/f5dc/remote-consoles",
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}",
                "Authorization",
                bearer));
        responses.add(json(
                200,
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\", \"url\":"
                        + " \"http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3D" + consoleToken + "\"}}"));
        // Secrets in the URL: a query parameter and user info.
        requests.add(HttpRequest.builder(
                        HttpMethod.GET,
                        URI.create("http://admin:" + userInfoPassword + "@127.0.0.1:8774/v2.1/servers?password="
                                + queryPassword + "&limit=1"))
                .header("X-Auth-Token", userToken)
                .build());
        responses.add(json(200, "{\"servers\": []}"));
        // Malformed JSON around a secret, both ways.
        requests.add(post(NOVA + "/servers", "{\"server\": {\"adminPass\": " + malformedPassword + "}}"));
        responses.add(json(
                400, "{\"badRequest\": {\"message\": \"bad\", \"password\": \"" + malformedResponseSecret + "\",,}"));
        requests.add(post(
                KEYSTONE + "/v3/auth/tokens",
                "{\"auth\": {\"identity\": {\"password\": {\"user\": {\"password\": \"" + malformedPassword + "\"}}}"));
        responses.add(json(401, "{\"error\": {\"code\": 401, \"password\": " + malformedResponseSecret + "}}"));

        try (LogCapture logs = LogCapture.httpDebug()) {
            LoggingFilter filter = LoggingFilter.of(logs.logger(), () -> 0L);
            for (int i = 0; i < requests.size(); i++) {
                HttpResponse response = responses.get(i);
                try {
                    filter.filter(requests.get(i), request -> response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            // A transport failure whose message quotes the URI with its query.
            HttpRequest withQuery = HttpRequest.get(URI.create(NOVA + "/servers?password=" + queryPassword));
            assertThrows(
                    ConnectException.class,
                    () -> filter.filter(withQuery, request -> {
                        throw new ConnectException("Connect to " + request.uri() + " failed: Connection refused");
                    }));

            assertEquals(2 * (requests.size() + 1), logs.events().size(), "one REQ and one RESP per exchange");
            String everything = logs.everything();
            List<String> secrets = new ArrayList<>(sampleSecrets);
            secrets.addAll(List.of(
                    userToken,
                    subjectToken,
                    serviceToken,
                    bearer,
                    "eyJhbGciOiJSUzI1NiJ9",
                    "Y2xpZW50OnNlY3JldA==",
                    oauthAccessToken,
                    createAdminPass,
                    changeAdminPass,
                    queryPassword,
                    userInfoPassword,
                    malformedPassword,
                    malformedResponseSecret,
                    consoleToken,
                    cookie,
                    "CookieValue12"));
            for (String secret : secrets) {
                if (everything.contains(secret)) {
                    fail("secret '" + secret + "' leaked into the debug log:\n" + everything);
                }
            }
            for (String header : List.of(
                    "X-Auth-Token: {SHA256}" + sha256Hex(userToken),
                    "X-Subject-Token: {SHA256}" + sha256Hex(subjectToken),
                    "X-Service-Token: {SHA256}" + sha256Hex(serviceToken),
                    "Authorization: {SHA256}" + sha256Hex(bearer),
                    "Cookie: {SHA256}" + sha256Hex(cookie),
                    "Set-Cookie: {SHA256}" + sha256Hex(cookie))) {
                assertTrue(everything.contains(header), header + " in\n" + everything);
            }
            // Redaction left the rest useful.
            assertTrue(
                    everything.contains("\"user\":{\"id\":\"ee4dfb6e5540447cb3741905149d9b6e\",\"password\":\"***\"}"),
                    everything);
            assertTrue(everything.contains("\"adminPass\":\"***\""), everything);
            assertTrue(everything.contains("RESP BODY: <omitted: token response>"), everything);
            assertTrue(everything.contains("?password=***&limit=1"), everything);
        }
    }

    @Test
    void maskJson_keystonePasswordMethod_masksPasswordKeepsUser() {
        assertEquals(
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                        + "\"domain\":{\"name\":\"Default\"},\"password\":\"***\"}}}}}",
                masked(
                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\","
                                + " \"domain\": {\"name\": \"Default\"}, \"password\": \"devstacker\"}}}}}"));
    }

    @Test
    void maskJson_serverPasswordResponse_masksTheEncryptedPassword() {
        // GET /servers/{id}/os-server-password (nova's get-password-resp.json, shortened).
        assertEquals(
                "{\"password\":\"***\"}", masked("{\"password\": \"xlozO3wLCBRWAa2yDjCCVx8vwNPypxnypmRYDa/zErlQ==\"}"));
    }

    @Test
    void maskJson_tokenObject_masksOnlyItsId() {
        assertEquals(
                "{\"auth\":{\"tenantName\":\"demo\",\"token\":{\"id\":\"***\",\"tenant\":{\"id\":\"t1\"}}},\"id\":\"keep\"}",
                masked(
                        "{\"auth\": {\"tenantName\": \"demo\", \"token\": {\"id\": \"cbc364\", \"tenant\": {\"id\": \"t1\"}}}, \"id\": \"keep\"}"));
    }

    @Test
    void maskJson_tokenString_isMasked() {
        assertEquals(
                "{\"console\":{\"token\":\"***\",\"methods\":[\"token\"]}}",
                masked("{\"console\": {\"token\": \"abc\", \"methods\": [\"token\"]}}"));
    }

    @Test
    void maskJson_secretKeyWithObjectOrArrayValue_replacesWholeValue() {
        assertEquals(
                "{\"secret\":\"***\",\"adminPass\":\"***\",\"after\":1}",
                masked(
                        "{\"secret\": {\"nested\": {\"value\": \"s1\"}}, \"adminPass\": [\"s2\", {\"x\": \"s3\"}], \"after\": 1}"));
    }

    @Test
    void maskJson_keysMatchIgnoringCase() {
        assertEquals(
                "{\"PASSWORD\":\"***\",\"AdminPass\":\"***\",\"Client_Secret\":\"***\",\"ACCESS_TOKEN\":\"***\"}",
                masked(
                        "{\"PASSWORD\": \"a\", \"AdminPass\": \"b\", \"Client_Secret\": \"c\", \"ACCESS_TOKEN\": \"d\"}"));
    }

    @Test
    void maskJson_everyListedSecretKey_isMasked() {
        for (String key : List.of(
                "password",
                "adminPass",
                "admin_pass",
                "secret",
                "new_password",
                "original_password",
                "passcode",
                "private_key",
                "access_token",
                "refresh_token",
                "client_secret",
                "blob",
                "user_data",
                "token")) {
            assertEquals("{\"" + key + "\":\"***\"}", masked("{\"" + key + "\": \"s3cr3t\"}"), key);
            assertEquals("{\"" + key + "\":\"***\"}", masked("{\"" + key + "\": 123456}"), key);
        }
    }

    @Test
    void maskJson_ordinaryValues_areKeptExactly() {
        String json = "{\"server\":{\"name\":\"vm\",\"min_count\":1,"
                + "\"ratio\":1.5,\"big\":123456789012345678901234567890,\"ok\":true,\"none\":null,"
                + "\"password_expires_at\":\"keep?\",\"key_name\":\"k\",\"public_key\":\"ssh-rsa AAA\",\"unicode\":\"caf\u00e9\"}}";

        String out = masked(json);

        // password_expires_at only mentions a password: the key rules look at how a name ends.
        assertEquals(json, out);
    }

    @Test
    void maskJson_urlWithTokenParameter_isMaskedWhole() {
        assertEquals(
                "{\"url\":\"***\",\"href\":\"http://nova/v2.1/servers?marker=x\"}",
                masked(
                        "{\"url\": \"http://h:6080/vnc_auto.html?path=%3Ftoken%3Dabc\", \"href\": \"http://nova/v2.1/servers?marker=x\"}"));
    }

    @Test
    void maskJson_deeplyNestedDocument_isHandled() {
        String json = "[".repeat(200) + "{\"password\": \"deep\"}" + "]".repeat(200);

        assertEquals("[".repeat(200) + "{\"password\":\"***\"}" + "]".repeat(200), masked(json));
    }

    @Test
    void maskJson_malformedJson_returnsNothing() {
        for (String bad : List.of(
                "{\"password\": hunter2}",
                "{\"password\": \"hunter2\"",
                "{\"a\": 1,,}",
                "<html>password=hunter2</html>",
                "password: hunter2",
                "{\"password\":")) {
            assertEquals(Optional.empty(), LogRedaction.maskJson(bad.getBytes(StandardCharsets.UTF_8), 8192), bad);
        }
    }

    @Test
    void maskJson_overLimit_isCutAndSaysSo() {
        String json = "{\"name\": \"" + "a".repeat(100) + "\"}";

        String out =
                LogRedaction.maskJson(json.getBytes(StandardCharsets.UTF_8), 20).orElseThrow();

        assertEquals("{\"name\":\"aaaaaaaaaaa... (truncated, " + json.length() + " bytes in total)", out);
    }

    @Test
    void headerValue_credentialHeaders_areSha256Hashed() {
        for (String name : List.of(
                "X-Auth-Token",
                "x-subject-token",
                "X-Service-Token",
                "Authorization",
                "Proxy-Authorization",
                "Cookie",
                "Set-Cookie")) {
            assertEquals(
                    "{SHA256}9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    LogRedaction.headerValue(name, "test"),
                    name);
        }
    }

    @Test
    void headerValue_ordinaryHeaders_areKeptWithControlCharactersEscaped() {
        assertEquals("application/json", LogRedaction.headerValue("Accept", "application/json"));
        assertEquals("compute 2.37", LogRedaction.headerValue("OpenStack-API-Version", "compute 2.37"));
        assertEquals("a\\r\\nb", LogRedaction.headerValue("X-Note", "a\r\nb"));
    }

    @Test
    void uri_secretsInUri_areMasked() {
        assertEquals(
                "http://h:8774/v2.1/servers?password=***&sort_key=name&marker=m1",
                LogRedaction.uri(
                        URI.create("http://u:p@h:8774/v2.1/servers?password=pw&sort_key=name&marker=m1#frag")));
        assertEquals("http://h/v2.0/tokens/***", LogRedaction.uri(URI.create("http://h/v2.0/tokens/abc123")));
        assertEquals(
                "http://h/v2.1/os-console-auth-tokens/***",
                LogRedaction.uri(URI.create("http://h/v2.1/os-console-auth-tokens/b60bcfc3")));
        assertEquals("http://h/v3/auth/tokens", LogRedaction.uri(URI.create("http://h/v3/auth/tokens")));
        assertEquals(
                "https://h/v2.1/servers/detail?limit=10",
                LogRedaction.uri(URI.create("https://h/v2.1/servers/detail?limit=10")));
    }

    @Test
    void isTokenEndpoint_keystoneTokenCalls_areRecognized() {
        assertTrue(LogRedaction.isTokenEndpoint(HttpMethod.POST, URI.create("http://k/identity/v3/auth/tokens")));
        assertTrue(LogRedaction.isTokenEndpoint(HttpMethod.GET, URI.create("http://k/v3/auth/tokens/")));
        assertTrue(LogRedaction.isTokenEndpoint(HttpMethod.POST, URI.create("http://k/v2.0/tokens")));
        assertTrue(LogRedaction.isTokenEndpoint(HttpMethod.POST, URI.create("http://k/v3/OS-OAUTH2/token")));
        assertFalse(LogRedaction.isTokenEndpoint(HttpMethod.DELETE, URI.create("http://k/v3/auth/tokens")));
        assertFalse(LogRedaction.isTokenEndpoint(HttpMethod.GET, URI.create("http://k/v2.1/servers")));
        assertFalse(LogRedaction.isTokenEndpoint(
                HttpMethod.POST, URI.create("http://k/v3/users/u/application_credentials")));
    }

    @Test
    void isJsonType_jsonVariants_areRecognized() {
        for (String type : List.of(
                "application/json", "application/problem+json", "application/openstack-images-v2.1-json-patch")) {
            assertTrue(LogRedaction.isJsonType(type), type);
        }
        for (String type : List.of("text/plain", "text/html", "application/octet-stream", "")) {
            assertFalse(LogRedaction.isJsonType(type), type);
        }
    }

    @Test
    void escapeControl_controlCharacters_areEscaped() {
        assertEquals("a\\nb\\tc\\u0007d\\u2028", LogRedaction.escapeControl("a\nb\tc\u0007d\u2028"));
        assertEquals("plain", LogRedaction.escapeControl("plain"));
    }
}
