package dev.novasdk.core.http.jdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS of {@link JdkHttpTransport} against a WireMock HTTPS server with a per-run self-signed certificate. */
class JdkHttpTransportTlsTest {
    @TempDir
    static Path dir;

    private static TestCertificates certs;
    private static WireMockServer https;

    @BeforeAll
    static void startServer() throws IOException {
        certs = TestCertificates.generate(dir);
        https = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(certs.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD));
        https.start();
        https.stubFor(get("/v3").willReturn(aResponse().withStatus(200).withBody("secure")));
    }

    @AfterAll
    static void stopServer() {
        if (https != null) {
            https.stop();
        }
    }

    @Test
    void execute_selfSignedServerWithDefaultTrust_throwsTls() {
        try (HttpTransport transport = JdkHttpTransport.create()) {
            IOException e = assertThrows(IOException.class, () -> transport.execute(secureRequest()));

            assertEquals(TransportException.Kind.TLS, TransportException.classify(e));
        }
    }

    @Test
    void execute_sslContextTrustingServer_succeeds() throws IOException {
        try (HttpTransport transport =
                JdkHttpTransport.builder().sslContext(certs.trustingServer()).build()) {
            assertEquals("secure", transport.execute(secureRequest()).bodyAsString());
        }
    }

    private static HttpRequest secureRequest() {
        return HttpRequest.get(URI.create("https://localhost:" + https.httpsPort() + "/v3"));
    }
}
