package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument checks of {@link ApacheHttpTransport.Builder}: bad settings fail when set, not on first use. */
class ApacheHttpTransportBuilderTest {
    @TempDir
    Path dir;

    @Test
    void connectTimeout_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .connectTimeout(Duration.ZERO));
    }

    @Test
    void responseTimeout_negative_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .responseTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void responseTimeout_null_throwsNullPointerNamingIt() {
        NullPointerException e = assertThrows(
                NullPointerException.class, () -> ApacheHttpTransport.builder().responseTimeout(null));

        assertTrue(e.getMessage().contains("responseTimeout"), e::getMessage);
    }

    @Test
    void maxConnections_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .maxConnectionsTotal(0));
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .maxConnectionsPerRoute(0));
    }

    @Test
    void maxResponseSize_outOfRange_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .maxResponseSize(-1));
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .maxResponseSize(Integer.MAX_VALUE));
    }

    @Test
    void proxy_portOutOfRange_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .proxy("proxy", 0));
        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .proxy("proxy", 65536));
    }

    @Test
    void build_proxyCredentialsWithoutProxy_throwsIllegalState() {
        ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder().proxyCredentials("user", "pw");

        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

        assertFalse(e.getMessage().contains("pw"), e::getMessage);
    }

    @Test
    void caBundle_fileWithoutCertificate_throwsIllegalArgument() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .caBundle(empty));
    }

    @Test
    void caBundle_streamWithCorruptCertificate_throwsIllegalArgument() {
        byte[] pem =
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);

        assertThrows(IllegalArgumentException.class, () -> ApacheHttpTransport.builder()
                .caBundle(new ByteArrayInputStream(pem)));
    }

    @Test
    void caBundle_missingFile_throwsUncheckedIo() {
        assertThrows(
                UncheckedIOException.class, () -> ApacheHttpTransport.builder().caBundle(dir.resolve("missing.pem")));
    }
}
