package dev.novasdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The token request bodies the SDK sends are exactly Keystone's api-ref samples (see
 * {@code src/test/resources/identity/SOURCES.md}).
 */
class KeystoneRequestBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER_ID = "ee4dfb6e5540447cb3741905149d9b6e";

    private static void assertV3(String sample, KeystoneAuth auth) throws Exception {
        JsonNode expected = MAPPER.readTree(Fixtures.read("v3/requests/" + sample));
        assertEquals(expected, MAPPER.valueToTree(KeystoneProtocol.v3Body(auth)), sample);
    }

    private static KeystoneAuth.PasswordBuilder devstacker() {
        return KeystoneAuth.password().userId(USER_ID).password("devstacker");
    }

    @Test
    void v3Body_passwordProjectNameWithDomainId_matchesSample() throws Exception {
        assertV3(
                "project-name-password.json",
                devstacker().projectName("admin").projectDomainId("default").build());
    }

    @Test
    void v3Body_passwordProjectId_matchesSample() throws Exception {
        assertV3(
                "project-id-password.json",
                devstacker().projectId("a6944d763bf64ee6a275f1263fae0352").build());
    }

    @Test
    void v3Body_passwordDomainScopes_matchSamples() throws Exception {
        assertV3("domain-name-password.json", devstacker().domainName("Default").build());
        assertV3("domain-id-password.json", devstacker().domainId("default").build());
    }

    @Test
    void v3Body_passwordSystemScope_matchesSamples() throws Exception {
        assertV3("system-password.json", devstacker().systemScope().build());
        assertV3(
                "auth-password-system-scoped-request-with-domain.json",
                KeystoneAuth.password()
                        .username("admin")
                        .userDomainName("Default")
                        .password("devstacker")
                        .systemScope()
                        .build());
    }

    @Test
    void v3Body_explicitlyUnscoped_matchesSamples() throws Exception {
        assertV3(
                "auth-password-explicit-unscoped-request.json",
                devstacker().scope(Scope.unscoped()).build());
        assertV3(
                "auth-token-explicit-unscoped-request.json",
                KeystoneAuth.token()
                        .tokenId("'$OS_TOKEN'")
                        .scope(Scope.unscoped())
                        .build());
    }

    @Test
    void v3Body_tokenRescoping_matchesSamples() throws Exception {
        assertV3(
                "project-id-token.json",
                KeystoneAuth.token()
                        .tokenId("'$OS_TOKEN'")
                        .projectId("a6944d763bf64ee6a275f1263fae0352")
                        .build());
        JsonNode expected = MAPPER.readTree(Fixtures.read("v3/requests/project-name-token.json"));
        JsonNode project = expected.at("/auth/scope/project");
        KeystoneAuth.TokenBuilder b = KeystoneAuth.token()
                .tokenId(expected.at("/auth/identity/token/id").asText())
                .projectName(project.get("name").asText());
        JsonNode domain = project.get("domain");
        if (domain.has("id")) {
            b.projectDomainId(domain.get("id").asText());
        } else {
            b.projectDomainName(domain.get("name").asText());
        }
        assertEquals(expected, MAPPER.valueToTree(KeystoneProtocol.v3Body(b.build())));
    }

    @Test
    void v3Body_applicationCredentials_matchSamples() throws Exception {
        assertV3(
                "auth-application-credential-id-request.json",
                KeystoneAuth.applicationCredential()
                        .id("423f19a4ac1e4f48bbb4180756e6eb6c")
                        .secret("rEaqvJka48mpv")
                        .build());
        assertV3(
                "auth-application-credential-name-request.json",
                KeystoneAuth.applicationCredential()
                        .name("monitoring")
                        .userId("423f19a4ac1e4f48bbb4180756e6eb6c")
                        .secret("rEaqvJka48mpv")
                        .build());
    }

    @Test
    void v2Body_passwordAndToken_matchSamples() throws Exception {
        assertEquals(
                MAPPER.readTree(Fixtures.read("v2/authenticate-credentials-request.json")),
                MAPPER.valueToTree(KeystoneProtocol.v2Body(KeystoneAuth.password()
                        .username("admin")
                        .password("secretsecret")
                        .projectName("admin")
                        .build())));
        assertEquals(
                MAPPER.readTree(Fixtures.read("v2/authenticate-token-request.json")),
                MAPPER.valueToTree(KeystoneProtocol.v2Body(KeystoneAuth.token()
                        .tokenId("cbc36478b0bd8e67e89469c7749d4127")
                        .projectName("demo")
                        .build())));
    }
}
