package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * TLS settings of {@link ApacheHttpTransport} against WireMock HTTPS servers whose certificates are generated
 * per run: one server with a self-signed {@code localhost} certificate, one that also requires a client
 * certificate.
 */
class ApacheHttpTransportTlsTest {
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
    void execute_selfSignedServerWithDefaultTrust_throwsTls() {
        try (HttpTransport transport = ApacheHttpTransport.create()) {
            IOException e = assertThrows(IOException.class, () -> transport.execute(requestTo(https, "localhost")));

            assertEquals(TransportException.Kind.TLS, TransportException.classify(e));
        }
    }

    @Test
    void execute_caBundleFile_trustsServer() throws IOException {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .build()) {
            assertEquals(
                    "secure", transport.execute(requestTo(https, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_caBundlePathString_trustsServer() throws IOException {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem().toString())
                .build()) {
            assertEquals(
                    "secure", transport.execute(requestTo(https, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_caBundleStream_trustsServer() throws IOException {
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder();
        try (InputStream pem = Files.newInputStream(certs.serverCertificatePem())) {
            builder.caBundle(pem);
        }
        try (HttpTransport transport = builder.build()) {
            assertEquals(
                    "secure", transport.execute(requestTo(https, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_caBundleOfAnotherCa_throwsTls() {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.clientCertificatePem())
                .build()) {
            IOException e = assertThrows(IOException.class, () -> transport.execute(requestTo(https, "localhost")));

            assertEquals(TransportException.Kind.TLS, TransportException.classify(e));
        }
    }

    @Test
    void execute_hostNameNotInCertificate_throwsTls() {
        // The certificate names only "localhost"; the same server reached as 127.0.0.1 must be refused.
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .build()) {
            IOException e = assertThrows(IOException.class, () -> transport.execute(requestTo(https, "127.0.0.1")));

            assertEquals(TransportException.Kind.TLS, TransportException.classify(e));
        }
    }

    @Test
    void execute_insecure_acceptsUntrustedCertificateForAnyHostName() throws IOException {
        try (HttpTransport transport =
                ApacheHttpTransport.builder().insecure(true).build()) {
            assertEquals(
                    "secure", transport.execute(requestTo(https, "127.0.0.1")).bodyAsString());
            assertEquals(
                    "secure", transport.execute(requestTo(https, "localhost")).bodyAsString());
        }
    }

    @Test
    void build_insecure_logsOneWarning() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(ApacheHttpTransport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (HttpTransport transport =
                ApacheHttpTransport.builder().insecure(true).build()) {
            transport.execute(requestTo(https, "localhost"));
            transport.execute(requestTo(https, "localhost"));
        } finally {
            logger.detachAppender(appender);
        }

        List<ILoggingEvent> warnings =
                appender.list.stream().filter(e -> e.getLevel() == Level.WARN).collect(Collectors.toList());
        assertEquals(1, warnings.size(), () -> appender.list.toString());
        assertTrue(warnings.get(0).getFormattedMessage().contains("insecure"), warnings.get(0)::getFormattedMessage);
    }

    @Test
    void execute_explicitSslContext_trustsWhatItTrusts() throws IOException {
        try (HttpTransport transport =
                ApacheHttpTransport.builder().sslContext(certs.trustingServer()).build()) {
            assertEquals(
                    "secure", transport.execute(requestTo(https, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_clientCertificatePem_acceptedByMutualTlsServer() throws IOException {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .clientCertificate(certs.clientCertificatePem(), certs.clientKeyPem())
                .build()) {
            assertEquals(
                    "mutual",
                    transport.execute(requestTo(mutualTls, "localhost")).bodyAsString());
            assertEquals(
                    "mutual",
                    transport.execute(requestTo(mutualTls, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_clientKeyStore_acceptedByMutualTlsServer() throws IOException {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .clientKeyStore(TestCertificates.load(certs.clientKeyStore()), TestCertificates.PASSWORD.toCharArray())
                .build()) {
            assertEquals(
                    "mutual",
                    transport.execute(requestTo(mutualTls, "localhost")).bodyAsString());
        }
    }

    @Test
    void execute_noClientCertificate_rejectedByMutualTlsServer() {
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .build()) {
            assertThrows(IOException.class, () -> transport.execute(requestTo(mutualTls, "localhost")));
        }
    }

    @Test
    void clientCertificate_pkcs1Key_throwsNamingTheConversion() throws IOException {
        Path pkcs1 = dir.resolve("pkcs1-key.pem");
        Files.writeString(
                pkcs1,
                "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n"
                        + "-----END RSA PRIVATE KEY-----\n");
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder();

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> builder.clientCertificate(certs.clientCertificatePem(), pkcs1));

        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e::getMessage);
    }

    @Test
    void clientCertificate_encryptedKey_throwsIllegalArgument() throws IOException {
        Path encrypted = dir.resolve("encrypted-key.pem");
        Files.writeString(
                encrypted,
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n"
                        + "-----END ENCRYPTED PRIVATE KEY-----\n");
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder();

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> builder.clientCertificate(certs.clientCertificatePem(), encrypted));

        assertTrue(e.getMessage().contains("encrypted"), e::getMessage);
    }

    @Test
    void build_insecureWithCaBundle_throwsIllegalState() {
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder()
                .caBundle(certs.serverCertificatePem())
                .insecure(true);

        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void build_sslContextWithClientCertificate_throwsIllegalState() throws IOException {
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder()
                .sslContext(certs.trustingServer())
                .clientCertificate(certs.clientCertificatePem(), certs.clientKeyPem());

        assertThrows(IllegalStateException.class, builder::build);
    }

    private static HttpRequest requestTo(WireMockServer server, String host) {
        return HttpRequest.get(java.net.URI.create("https://" + host + ":" + server.httpsPort() + "/v3"));
    }
}
