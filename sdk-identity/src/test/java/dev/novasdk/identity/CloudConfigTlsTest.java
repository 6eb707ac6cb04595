package dev.novasdk.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.novasdk.identity.TestClouds.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.core.error.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CloudConfig#newSession()} talks TLS as configured: against a server with a self-signed certificate
 * (WireMock's), {@code insecure} lets the token request through and its absence fails the handshake.
 */
class CloudConfigTlsTest {
    @RegisterExtension
    static WireMockExtension keystone = WireMockExtension.newInstance()
            .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
            .build();

    @TempDir
    Path dir;

    @BeforeEach
    void stubKeystone() {
        // The sample token expired in 2015; newSession() runs on the real clock, so it gets a later expiry.
        String body = Fixtures.read("v3/responses/project-scoped-password.json")
                .replace("2015-11-07T02:58:43.578887Z", "2999-01-01T00:00:00.000000Z");
        keystone.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Subject-Token", "tls-token")
                        .withBody(body)));
    }

    private CloudConfig config(String... extra) {
        Map<String, String> vars = env(
                TestClouds.LAB_OPENRC, "OS_AUTH_URL", keystone.getRuntimeInfo().getHttpsBaseUrl() + "/v3");
        return CloudConfig.builder()
                .environment(env(vars, extra))
                .searchPaths(List.of(dir))
                .build();
    }

    @Test
    void newSession_insecure_acceptsTheSelfSignedCertificate() {
        try (Session session = config("OS_INSECURE", "true").newSession()) {
            assertEquals("tls-token", session.token().id());
        }
        keystone.verify(1, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
    }

    @Test
    void newSession_verifying_refusesTheSelfSignedCertificate() {
        try (Session session = config().newSession()) {
            assertThrows(TransportException.class, session::token);
        }
        keystone.verify(0, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
    }

    @Test
    void newSession_clientCertificateWithoutKey_failsBuildingItsTransport() throws Exception {
        Path cert = Files.writeString(dir.resolve("client.pem"), "not used: the key is checked first");
        CloudConfig config = config("OS_CERT", cert.toString());
        CloudConfigException e = assertThrows(CloudConfigException.class, config::newSession);
        assertEquals("a client certificate (OS_CERT / cert) needs its key (OS_KEY / key)", e.getMessage());
    }
}
