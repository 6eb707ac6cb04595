package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and protocol negotiation of {@link ApacheAsyncHttpTransport} against WireMock HTTPS servers that offer
 * HTTP/2 by ALPN, with certificates generated per run: the TLS settings reach the async client, and HTTPS
 * exchanges use HTTP/2 where the server offers it.
 */
class ApacheAsyncHttpTransportTlsTest {
    @TempDir
    static Path dir;

    private static TestCertificates certs;
    private static WireMockServer https;
    private static WireMockServer mutualTls;

    @BeforeAll
    static void startServers() throws IOException {
        certs = TestCertificates.generate(dir);
        https = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(certs.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD));
        mutualTls = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(certs.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD)
                .needClientAuth(true)
                .trustStorePath(certs.clientTrustStore().toString())
                .trustStoreType("PKCS12")
                .trustStorePassword(TestCertificates.PASSWORD));
        https.start();
        mutualTls.start();
        https.stubFor(get("/v3").willReturn(aResponse().withStatus(200).withBody("secure")));
        mutualTls.stubFor(get("/v3").willReturn(aResponse().withStatus(200).withBody("mutual")));
    }

    @AfterAll
    static void stopServers() {
        if (https != null) {
            https.stop();
        }
        if (mutualTls != null) {
            mutualTls.stop();
        }
    }

    @Test
    void executeAsync_selfSignedServerWithDefaultTrust_failsWithTls() {
        try (AsyncHttpTransport transport = ApacheAsyncHttpTransport.create()) {
            ExecutionException e = assertThrows(
                    ExecutionException.class,
                    () -> transport.executeAsync(requestTo(https)).get(30, TimeUnit.SECONDS));

            IOException failure = assertInstanceOf(IOException.class, e.getCause());
            assertEquals(TransportException.Kind.TLS, TransportException.classify(failure));
        }
    }

    @Test
    void executeAsync_serverOfferingHttp2_negotiatesHttp2() throws Exception {
        try (AsyncHttpTransport transport = ApacheAsyncHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .build()) {
            HttpResponse response = transport.executeAsync(requestTo(https)).get(30, TimeUnit.SECONDS);

            assertEquals("secure", response.bodyAsString());
            List<LoggedRequest> seen = https.findAll(getRequestedFor(urlEqualTo("/v3")));
            assertEquals("HTTP/2.0", seen.get(seen.size() - 1).getProtocol());
        }
    }

    @Test
    void executeAsync_clientCertificatePem_acceptedByMutualTlsServer() throws Exception {
        try (AsyncHttpTransport transport = ApacheAsyncHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .clientCertificate(certs.clientCertificatePem(), certs.clientKeyPem())
                .build()) {
            assertEquals(
                    "mutual",
                    transport
                            .executeAsync(requestTo(mutualTls))
                            .get(30, TimeUnit.SECONDS)
                            .bodyAsString());
        }
    }

    private static HttpRequest requestTo(WireMockServer server) {
        return HttpRequest.get(URI.create("https://localhost:" + server.httpsPort() + "/v3"));
    }
}
