package dev.novasdk.core.http;

import java.io.IOException;

/**
 * The pluggable HTTP client under the SDK: it sends one request and returns the response, whatever its
 * status. Implementations must be thread-safe and must not retry, follow redirects, log bodies or add
 * headers of their own; the SDK's filters do all of that.
 *
 * <p>A request may carry a {@link Deadline} as {@link Deadline#ATTRIBUTE}: the transport must give up once it
 * passes, in every phase (waiting for a connection, for the headers, or for the rest of a body that arrives
 * slowly), and throw {@link DeadlineExceededException}.
 *
 * <p>Failures are reported as {@link IOException}s, never unchecked exceptions, classified so the retry logic
 * can tell whether the request may have reached the server and whether trying again can help:
 * <ul>
 *   <li>failures before any byte of the request was sent (refused, unreachable, unknown host, connect
 *       timeout, TLS handshake) as {@link java.net.ConnectException}, {@link java.net.UnknownHostException}
 *       or {@link javax.net.ssl.SSLHandshakeException} (or a subclass, or with one as the cause);</li>
 *   <li>the request's deadline passing as {@link DeadlineExceededException};</li>
 *   <li>a server silent for longer than the transport's response timeout as
 *       {@link java.net.SocketTimeoutException};</li>
 *   <li>a body or headers over the transport's size limits as {@link ResponseTooLargeException}, after
 *       dropping the connection rather than reading the rest;</li>
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
