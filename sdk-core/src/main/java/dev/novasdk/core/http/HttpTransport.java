package dev.novasdk.core.http;

import java.io.IOException;

/**
 * The pluggable HTTP client under the SDK: it sends one request and returns the response, whatever its
 * status. Implementations must be thread-safe and must not retry, follow redirects, log bodies or add
 * headers of their own; the SDK's filters do all of that.
 *
 * <p>Failures are reported as {@link IOException}s classified so the retry logic can tell whether the
 * request may have reached the server:
 * <ul>
 *   <li>failures before any byte of the request was sent (refused, unreachable, unknown host, connect
 *       timeout, TLS handshake) as {@link java.net.ConnectException}, {@link java.net.UnknownHostException}
 *       or {@link javax.net.ssl.SSLHandshakeException} (or a subclass, or with one as the cause);</li>
 *   <li>a response that did not arrive in time as {@link java.net.SocketTimeoutException};</li>
 *   <li>anything else (reset, truncated or malformed response) as another {@code IOException}.</li>
 * </ul>
 */
@FunctionalInterface
public interface HttpTransport extends AutoCloseable {
    /**
     * Sends the request and reads the whole response. Bodies are sent with {@code Content-Length}.
     *
     * @throws IOException when no complete response was received
     */
    HttpResponse execute(HttpRequest request) throws IOException;

    /** Releases pooled connections and threads; the default does nothing. */
    @Override
    default void close() {}
}
