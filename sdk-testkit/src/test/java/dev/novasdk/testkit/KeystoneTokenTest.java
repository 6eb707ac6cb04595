package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keystone tokens: issue, scopes, expiry on the controlled clock, revocation, and the 401s Nova and Glance
 * give for bad tokens. Expected error bodies are the ones the Zed lab returned.
 */
class KeystoneTokenTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final FakeClock clock = FakeClock.startingAt(START);
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpResponse<String> issue(String body) {
        return send("POST", cloud.authUrl() + "/auth/tokens", body);
    }

    @Test
    void root_get_returnsMultipleChoicesWithV3AndLocation() {
        HttpResponse<String> r = send("GET", cloud.identityRoot(), null);

        assertEquals(300, r.statusCode());
        assertEquals(
                cloud.identityRoot() + "v3/", r.headers().firstValue("Location").orElseThrow());
        assertEquals(
                "{\"versions\": {\"values\": [{\"id\": \"v3.14\", \"status\": \"stable\", \"updated\": "
                        + "\"2020-04-07T00:00:00Z\", \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.identityRoot() + "v3/\"}], "
                        + "\"media-types\": [{\"base\": \"application/json\", \"type\": \"application/vnd.openstack.identity-v3+json\"}]}]}}",
                r.body());
        assertTrue(
                r.headers().firstValue("x-openstack-request-id").orElseThrow().startsWith("req-"));
    }

    @Test
    void passwordAuth_projectScope_returnsTokenWithCatalogPointingAtTheCloud() {
        HttpResponse<String> r = issue(Http.passwordBody("admin", "secretadmin", "admin"));

        assertEquals(201, r.statusCode());
        assertFalse(r.headers().firstValue("X-Subject-Token").orElseThrow().isEmpty());
        JsonNode t = json(r).get("token");
        assertEquals("[\"password\"]", t.get("methods").toString());
        assertEquals("admin", t.get("user").get("name").asText());
        assertEquals(
                "{\"id\":\"default\",\"name\":\"Default\"}",
                t.get("user").get("domain").toString());
        assertTrue(t.get("user").get("password_expires_at").isNull());
        assertEquals("2026-01-01T10:00:00.000000Z", t.get("issued_at").asText());
        assertEquals("2026-01-01T11:00:00.000000Z", t.get("expires_at").asText());
        assertEquals(cloud.projectId(), t.get("project").get("id").asText());
        assertFalse(t.get("is_domain").asBoolean());
        Set<String> roles = new HashSet<>();
        t.get("roles").forEach(role -> roles.add(role.get("name").asText()));
        assertEquals(Set.of("admin", "member", "reader"), roles);
        Set<String> seen = new HashSet<>();
        for (JsonNode service : t.get("catalog")) {
            assertEquals(3, service.get("endpoints").size());
            for (JsonNode ep : service.get("endpoints")) {
                assertEquals("RegionOne", ep.get("region_id").asText());
                assertEquals("RegionOne", ep.get("region").asText());
                seen.add(service.get("type").asText() + " "
                        + ep.get("interface").asText() + " " + ep.get("url").asText());
            }
        }
        Set<String> expected = new HashSet<>();
        for (String iface : List.of("public", "internal", "admin")) {
            expected.add("compute " + iface + " " + cloud.computeEndpoint());
            expected.add("identity " + iface + " " + cloud.identityRoot() + "v3/");
            expected.add("image " + iface + " " + cloud.imageEndpoint());
        }
        assertEquals(expected, seen);
        assertEquals(1, cloud.authenticationCount());
    }

    @Test
    void passwordAuth_wrongPassword_returnsKeystone401() {
        HttpResponse<String> r = issue(Http.passwordBody("admin", "wrong", "admin"));

        assertEquals(401, r.statusCode());
        assertEquals(
                "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\","
                        + "\"title\":\"Unauthorized\"}}",
                r.body());
        assertEquals(
                "Keystone uri=\"" + cloud.identityRoot() + "v3\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(r.headers().firstValue("x-openstack-request-id").isPresent());
        assertEquals(1, cloud.authenticationCount());
    }

    @Test
    void passwordAuth_unknownProjectOrNoRole_returns401() {
        assertEquals(
                401, issue(Http.passwordBody("admin", "secretadmin", "nope")).statusCode());
        assertEquals(
                401, issue(Http.passwordBody("demo", "secretdemo", "admin")).statusCode());
        assertEquals(401, issue(Http.passwordBody("nouser", "wrong", "admin")).statusCode());
        assertEquals(201, issue(Http.passwordBody("demo", "secretdemo", "demo")).statusCode());
    }

    @Test
    void passwordAuth_userNameWithoutDomain_returnsLabsBadRequest() {
        HttpResponse<String> r = issue("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"name\":\"admin\",\"password\":\"secretadmin\"}}}}}");

        assertEquals(400, r.statusCode());
        assertEquals(
                "{\"error\":{\"code\":400,\"message\":\"Expecting to find domain in user. The server could not comply"
                        + " with the request since it is either malformed or otherwise incorrect. The client is assumed to be in"
                        + " error.\",\"title\":\"Bad Request\"}}",
                r.body());
    }

    @Test
    void passwordAuth_byUserId_works() {
        HttpResponse<String> r = issue("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"id\":\"" + cloud.userId() + "\",\"password\":\"secretadmin\"}}},\"scope\":{\"project\":{\"id\":\""
                + cloud.projectId() + "\"}}}}");

        assertEquals(201, r.statusCode());
        assertEquals(
                cloud.projectId(), json(r).get("token").get("project").get("id").asText());
    }

    @Test
    void passwordAuth_unscopedDomainAndSystem_haveLabShapes() {
        String identity = "{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"name\":"
                + "\"Default\"},\"password\":\"secretadmin\"}}}";

        JsonNode unscoped = json(issue("{\"auth\":{\"identity\":" + identity + ",\"scope\":\"unscoped\"}}"))
                .get("token");
        JsonNode none =
                json(issue("{\"auth\":{\"identity\":" + identity + "}}")).get("token");
        String domainScope = "{\"auth\":{\"identity\":" + identity + ",\"scope\":{\"domain\":{\"name\":\"Default\"}}}}";
        // As in the lab, the admin needs a role on the domain before it can get a domain-scoped token.
        assertEquals(401, issue(domainScope).statusCode());
        String adminToken = Http.token(cloud);
        String adminRole = json(send(
                        "GET",
                        cloud.authUrl() + "/auth/tokens",
                        null,
                        "X-Auth-Token",
                        adminToken,
                        "X-Subject-Token",
                        adminToken))
                .get("token")
                .get("roles")
                .get(0)
                .get("id")
                .asText();
        assertEquals(
                204,
                send(
                                "PUT",
                                cloud.authUrl() + "/domains/default/users/" + cloud.userId() + "/roles/" + adminRole,
                                null,
                                "X-Auth-Token",
                                adminToken)
                        .statusCode());
        JsonNode domain = json(issue(domainScope)).get("token");
        JsonNode system = json(issue(
                        "{\"auth\":{\"identity\":" + identity + ",\"scope\":{\"system\":{\"all\":true}}}}"))
                .get("token");

        assertEquals(List.of("methods", "user", "audit_ids", "expires_at", "issued_at"), keys(unscoped));
        assertEquals(keys(unscoped), keys(none));
        assertEquals(
                List.of("methods", "user", "audit_ids", "expires_at", "issued_at", "domain", "roles", "catalog"),
                keys(domain));
        assertEquals(
                List.of("methods", "user", "audit_ids", "expires_at", "issued_at", "roles", "system", "catalog"),
                keys(system));
        assertEquals("{\"all\":true}", system.get("system").toString());
    }

    static List<String> keys(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void tokenMethod_keepsOriginalExpiryAndAddsMethod() {
        String first = Http.token(cloud);
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> r = issue("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + first
                + "\"}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}");

        assertEquals(201, r.statusCode());
        JsonNode t = json(r).get("token");
        assertEquals("[\"token\",\"password\"]", t.get("methods").toString());
        assertEquals("2026-01-01T11:00:00.000000Z", t.get("expires_at").asText());
        assertEquals("2026-01-01T10:10:00.000000Z", t.get("issued_at").asText());
        assertEquals(2, t.get("audit_ids").size());
    }

    @Test
    void tokenMethod_unknownToken_returnsLabs404() {
        HttpResponse<String> r =
                issue("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"bogus\"}}}}");

        assertEquals(404, r.statusCode());
        assertEquals(
                "{\"error\":{\"code\":404,\"message\":\"Could not recognize Fernet token\",\"title\":\"Not Found\"}}",
                r.body());
    }

    @Test
    void token_afterLifetime_isRefusedByNovaWithKeystonemiddlewareBody() {
        String token = Http.token(cloud);
        assertEquals(200, Http.nova(cloud, token, "GET", "/servers", null, null).statusCode());

        clock.advance(Duration.ofMinutes(59));
        assertEquals(200, Http.nova(cloud, token, "GET", "/servers", null, null).statusCode());
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> r = Http.nova(cloud, token, "GET", "/servers", null, null);

        assertEquals(401, r.statusCode());
        assertEquals(
                "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made"
                        + " requires authentication.\"}}",
                r.body());
        assertEquals(
                "Keystone uri=\"" + cloud.identityRoot() + "\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        String rid = r.headers().firstValue("x-openstack-request-id").orElseThrow();
        assertEquals(rid, r.headers().firstValue("x-compute-request-id").orElseThrow());
        assertTrue(r.headers().firstValue("OpenStack-API-Version").isEmpty());
    }

    @Test
    void tokenLifetime_isConfigurable() {
        try (FakeCloud shortLived = FakeCloud.builder()
                .clock(clock)
                .tokenLifetime(Duration.ofMinutes(5))
                .start()) {
            JsonNode t = json(send(
                            "POST",
                            shortLived.authUrl() + "/auth/tokens",
                            Http.passwordBody("admin", "secretadmin", "admin")))
                    .get("token");
            assertEquals("2026-01-01T10:05:00.000000Z", t.get("expires_at").asText());
        }
    }

    @Test
    void revoke_deleteAuthTokens_returns204ThenTokenIsRefusedEverywhere() {
        String admin = Http.token(cloud);
        String victim = Http.token(cloud);

        HttpResponse<String> validate =
                send("GET", cloud.authUrl() + "/auth/tokens", null, "X-Auth-Token", admin, "X-Subject-Token", victim);
        assertEquals(200, validate.statusCode());
        assertEquals(victim, validate.headers().firstValue("X-Subject-Token").orElseThrow());

        HttpResponse<String> revoke = send(
                "DELETE", cloud.authUrl() + "/auth/tokens", null, "X-Auth-Token", admin, "X-Subject-Token", victim);
        assertEquals(204, revoke.statusCode());

        HttpResponse<String> again = send(
                "DELETE", cloud.authUrl() + "/auth/tokens", null, "X-Auth-Token", admin, "X-Subject-Token", victim);
        assertEquals(404, again.statusCode());
        assertEquals(
                "{\"error\":{\"code\":404,\"message\":\"Failed to validate token\",\"title\":\"Not Found\"}}",
                again.body());
        assertEquals(
                401, Http.nova(cloud, victim, "GET", "/servers", null, null).statusCode());
        assertEquals(200, Http.nova(cloud, admin, "GET", "/servers", null, null).statusCode());
    }

    @Test
    void revoke_withoutValidCallerToken_returns401() {
        String victim = Http.token(cloud);

        HttpResponse<String> r = send("DELETE", cloud.authUrl() + "/auth/tokens", null, "X-Subject-Token", victim);

        assertEquals(401, r.statusCode());
        assertEquals(
                "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\","
                        + "\"title\":\"Unauthorized\"}}",
                r.body());
    }

    @Test
    void expireAllTokensAndRevokeToken_knobs_makeNovaAnswer401() {
        String a = Http.token(cloud);
        String b = Http.token(cloud);

        cloud.revokeToken(a);
        assertEquals(401, Http.nova(cloud, a, "GET", "/servers", null, null).statusCode());
        assertEquals(200, Http.nova(cloud, b, "GET", "/servers", null, null).statusCode());

        cloud.expireAllTokens();
        assertEquals(401, Http.nova(cloud, b, "GET", "/servers", null, null).statusCode());
        String fresh = Http.token(cloud);
        assertEquals(200, Http.nova(cloud, fresh, "GET", "/servers", null, null).statusCode());
        assertEquals(3, cloud.authenticationCount());
        assertThrows(IllegalArgumentException.class, () -> cloud.revokeToken("never-issued"));
    }

    @Test
    void unscopedToken_isRefusedByNova() {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                + "\"domain\":{\"name\":\"Default\"},\"password\":\"secretadmin\"}}},\"scope\":\"unscoped\"}}";
        String token = issue(body).headers().firstValue("X-Subject-Token").orElseThrow();

        assertEquals(401, Http.nova(cloud, token, "GET", "/servers", null, null).statusCode());
    }

    @Test
    void applicationCredential_createAuthenticateDelete_likeTheLab() {
        String token = Http.token(cloud);
        HttpResponse<String> created = send(
                "POST",
                cloud.authUrl() + "/users/" + cloud.userId() + "/application_credentials",
                "{\"application_credential\":{\"name\":\"ci\",\"description\":\"probe\"}}",
                "X-Auth-Token",
                token);
        assertEquals(201, created.statusCode());
        JsonNode ac = json(created).get("application_credential");
        assertEquals(
                List.of(
                        "id",
                        "name",
                        "description",
                        "user_id",
                        "project_id",
                        "system",
                        "expires_at",
                        "unrestricted",
                        "roles",
                        "secret",
                        "links"),
                keys(ac));
        String id = ac.get("id").asText();
        String secret = ac.get("secret").asText();

        HttpResponse<String> auth = issue("{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"id\":\"" + id + "\",\"secret\":\"" + secret + "\"}}}}");
        assertEquals(201, auth.statusCode());
        JsonNode t = json(auth).get("token");
        assertEquals("[\"application_credential\"]", t.get("methods").toString());
        assertEquals(
                "{\"id\":\"" + id + "\",\"name\":\"ci\",\"restricted\":true}",
                t.get("application_credential").toString());
        assertEquals(cloud.projectId(), t.get("project").get("id").asText());
        String acToken = auth.headers().firstValue("X-Subject-Token").orElseThrow();
        assertEquals(
                200, Http.nova(cloud, acToken, "GET", "/servers", null, null).statusCode());

        HttpResponse<String> byName = issue("{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"name\":\"ci\",\"user\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"}},"
                + "\"secret\":\"wrong\"}}}}");
        assertEquals(401, byName.statusCode());

        String deleteUrl = cloud.authUrl() + "/users/" + cloud.userId() + "/application_credentials/" + id;
        assertEquals(204, send("DELETE", deleteUrl, null, "X-Auth-Token", token).statusCode());
        HttpResponse<String> gone = send("DELETE", deleteUrl, null, "X-Auth-Token", token);
        assertEquals(404, gone.statusCode());
        assertEquals(
                "{\"error\":{\"code\":404,\"message\":\"Could not find Application Credential: " + id + ".\","
                        + "\"title\":\"Not Found\"}}",
                gone.body());
        assertEquals(
                401, Http.nova(cloud, acToken, "GET", "/servers", null, null).statusCode());
    }

    @Test
    void v2_disabledByDefault_isKeystonesNotFoundPage() {
        HttpResponse<String> r = send("POST", cloud.identityRoot() + "v2.0/tokens", "{\"auth\":{}}");

        assertEquals(404, r.statusCode());
        assertTrue(r.body().startsWith("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>"));
        assertThrows(IllegalStateException.class, cloud::authUrlV2);
    }

    @Test
    void v2_enabled_issuesAccessDocumentWithV2Catalog() {
        try (FakeCloud v2 = FakeCloud.builder().clock(clock).keystoneV2(true).start()) {
            HttpResponse<String> r = send(
                    "POST",
                    v2.authUrlV2() + "/tokens",
                    "{\"auth\":{\"passwordCredentials\":"
                            + "{\"username\":\"admin\",\"password\":\"secretadmin\"},\"tenantName\":\"admin\"}}");

            assertEquals(200, r.statusCode());
            JsonNode access = json(r).get("access");
            assertEquals(List.of("token", "serviceCatalog", "user", "metadata"), keys(access));
            assertEquals(
                    "2026-01-01T11:00:00Z", access.get("token").get("expires").asText());
            assertEquals("admin", access.get("token").get("tenant").get("name").asText());
            String token = access.get("token").get("id").asText();
            Set<String> urls = new HashSet<>();
            access.get("serviceCatalog")
                    .forEach(s -> urls.add(s.get("type").asText() + " "
                            + s.get("endpoints").get(0).get("publicURL").asText()));
            assertEquals(
                    Set.of(
                            "compute " + v2.computeEndpoint(),
                            "identity " + v2.authUrlV2(),
                            "image " + v2.imageEndpoint()),
                    urls);
            assertEquals(
                    200, Http.nova(v2, token, "GET", "/servers", null, null).statusCode());

            HttpResponse<String> wrong = send(
                    "POST",
                    v2.authUrlV2() + "/tokens",
                    "{\"auth\":{\"passwordCredentials\":"
                            + "{\"username\":\"admin\",\"password\":\"nope\"},\"tenantName\":\"admin\"}}");
            assertEquals(401, wrong.statusCode());
            assertEquals(2, v2.authenticationCount());
            JsonNode versions =
                    json(send("GET", v2.identityRoot(), null)).get("versions").get("values");
            assertEquals("v2.0", versions.get(1).get("id").asText());
        }
    }

    @Test
    void tokens_areDistinctPerIssue() {
        assertNotEquals(Http.token(cloud), Http.token(cloud));
    }
}
