package dev.novasdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.client.HttpPipeline;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance against the real Keystone named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*} (the lab's
 * {@code openrc}); skipped when no cloud is configured.
 */
class KeystoneAcceptanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CloudConfig config;
    private static Session session;
    private static HttpPipeline admin;

    @BeforeAll
    static void connect() {
        Optional<CloudConfig> detected = CloudConfig.detect();
        if (detected.isEmpty()) {
            System.out.println("KeystoneAcceptanceIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        Assumptions.assumeTrue(detected.isPresent(), "no cloud configured");
        config = detected.get();
        System.out.println("KeystoneAcceptanceIT runs against " + config.source());
        session = config.newSession();
        admin = HttpPipeline.builder().transport(session.transport()).tokenProvider(session).build();
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    private static URI identity(String path) {
        String base = session.endpoint("identity").toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private static JsonNode send(HttpMethod method, URI uri, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.builder(method, uri);
        if (body != null) {
            b.body(RequestBody.json(body));
        }
        HttpResponse r = admin.send(b.build());
        return r.bodyLength() == 0 ? JSON.nullNode() : JSON.readTree(r.bodyUnsafe());
    }

    @Test
    void passwordProjectScope_tokenWithProjectAndCatalog() {
        Token t = session.token();

        assertTrue(t.project().isPresent(), "project-scoped token expected from " + config.source());
        assertTrue(t.expiresAt().isPresent());
        assertTrue(t.catalog().serviceTypes().contains("compute"), t.catalog().toString());
        assertFalse(t.toString().contains(t.id()));
    }

    @Test
    void computeAndImageEndpoints_resolveOnEveryInterface() {
        for (EndpointInterface iface : EndpointInterface.values()) {
            URI compute = session.resolve(EndpointQuery.builder("compute").endpointInterface(iface).build());
            URI image = session.resolve(EndpointQuery.builder("image").endpointInterface(iface).build());
            assertTrue(compute.isAbsolute() && image.isAbsolute(), iface + ": " + compute + " " + image);
        }
    }

    @Test
    void tokenRescoping_sameProjectThroughTheTokenMethod() {
        Token original = session.token();
        NamedRef project = original.project().orElseThrow();
        try (Session rescoped = config.toSessionBuilder()
                .auth(KeystoneAuth.token().tokenId(original.id()).projectId(project.id().orElseThrow()).build())
                .build()) {
            Token t = rescoped.token();

            assertTrue(t.methods().contains("token"), t.methods().toString());
            assertEquals(project.id(), t.project().flatMap(NamedRef::id));
            assertNotEquals(original.id(), t.id());
        }
    }

    @Test
    void domainScope_afterGrantingARoleOnTheDomain() throws IOException {
        Token t = session.token();
        String userId = t.user().flatMap(NamedRef::id).orElseThrow();
        String domainId = t.project().flatMap(NamedRef::domain).flatMap(NamedRef::id).orElseThrow();
        String roleId = t.roles().get(0).id().orElseThrow();
        // Idempotent: the lab's admin has no role on its domain until a test gives it one.
        send(HttpMethod.PUT, identity("domains/" + domainId + "/users/" + userId + "/roles/" + roleId), null);

        KeystoneAuth base = config.auth();
        try (Session domainScoped = config.toSessionBuilder().auth(base.withScope(Scope.domainId(domainId))).build()) {
            assertEquals(Optional.of(domainId), domainScoped.token().domain().flatMap(NamedRef::id));
            assertTrue(domainScoped.token().project().isEmpty());
        }
    }

    @Test
    void applicationCredential_createdAuthenticatedAndDeleted() throws IOException {
        String userId = session.token().user().flatMap(NamedRef::id).orElseThrow();
        JsonNode created = send(HttpMethod.POST, identity("users/" + userId + "/application_credentials"),
                "{\"application_credential\": {\"name\": \"novasdk-it-" + UUID.randomUUID() + "\"}}")
                .get("application_credential");
        String id = created.get("id").asText();
        try (Session ac = config.toSessionBuilder().auth(KeystoneAuth.applicationCredential().id(id)
                .secret(created.get("secret").asText()).build()).build()) {
            Token t = ac.token();

            assertEquals(java.util.List.of("application_credential"), t.methods());
            assertEquals(session.token().project().flatMap(NamedRef::id), t.project().flatMap(NamedRef::id));
            assertTrue(ac.endpoint("compute").isAbsolute());
        } finally {
            send(HttpMethod.DELETE, identity("users/" + userId + "/application_credentials/" + id), null);
        }
    }

    @Test
    void wrongPassword_authenticationExceptionWithRequestId() {
        KeystoneAuth wrong = KeystoneAuth.password().userId(session.token().user().flatMap(NamedRef::id).orElseThrow())
                .password("not-the-password-" + UUID.randomUUID()).build();
        try (Session bad = config.toSessionBuilder().auth(wrong).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, bad::token);

            assertEquals(401, e.statusCode());
            assertTrue(e.requestId().isPresent(), e.getMessage());
        }
    }
}
