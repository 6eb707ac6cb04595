package dev.novasdk.benchmarks;

import java.io.IOException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled {@link CloseableHttpClient} a hand-written application builds, configured like the SDK's
 * {@code ApacheHttpTransport} (pool of 64, 16 per route, no automatic retries, redirects, cookies,
 * decompression or protocol upgrade, TCP_NODELAY), so that a difference in cost is the SDK's own code and not
 * an HttpClient option.
 */
final class HandWrittenHttp {
    private HandWrittenHttp() {}

    /** A new client; the caller closes it. */
    static CloseableHttpClient newClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(16)
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setTcpNoDelay(true)
                                .setSoTimeout(Timeout.ofSeconds(60))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(60))
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .disableConnectionState()
                .build();
    }

    /**
     * Adds the headers the SDK sends to Nova, so that both clients put the same bytes on the wire: the user
     * agent, {@code Accept}, both microversion headers and the token.
     */
    static <R extends HttpRequest> R novaHeaders(R request, String token, String microversion, String userAgent) {
        request.addHeader("User-Agent", userAgent);
        request.addHeader("Accept", "application/json");
        request.addHeader("OpenStack-API-Version", "compute " + microversion);
        request.addHeader("X-OpenStack-Nova-API-Version", microversion);
        request.addHeader("X-Auth-Token", token);
        return request;
    }

    /** Fails unless the response has {@code status}, as an application checks before reading a body. */
    static void expectStatus(ClassicHttpResponse response, int status) throws IOException {
        if (response.getCode() != status) {
            EntityUtils.consume(response.getEntity());
            throw new IOException("unexpected status " + response.getCode() + ", expected " + status);
        }
    }
}
