package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Argument checks of {@link ApacheAsyncHttpTransport.Builder}: its own option, and the shared options checked
 * as strictly as by {@link ApacheHttpTransport.Builder}.
 */
class ApacheAsyncHttpTransportBuilderTest {
    @Test
    void ioThreads_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheAsyncHttpTransport.builder()
                .ioThreads(0));
    }

    @Test
    void connectTimeout_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ApacheAsyncHttpTransport.builder()
                .connectTimeout(Duration.ZERO));
    }

    @Test
    void build_proxyCredentialsWithoutProxy_throwsIllegalState() {
        ApacheAsyncHttpTransport.Builder builder =
                ApacheAsyncHttpTransport.builder().proxyCredentials("u", "p");

        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void build_insecureWithSslContext_throwsIllegalState() throws Exception {
        ApacheAsyncHttpTransport.Builder builder =
                ApacheAsyncHttpTransport.builder().insecure(true).sslContext(SSLContext.getDefault());

        assertThrows(IllegalStateException.class, builder::build);
    }
}
