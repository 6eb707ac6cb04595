package dev.novasdk.core.http.jdk;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A transport on the JDK's {@link HttpClient}, for applications that avoid the Apache HttpClient dependency.
 * It speaks HTTP/1.1 only (uwsgi-hosted OpenStack APIs do not handle the {@code h2c} upgrade), never follows
 * redirects and sends bodies with {@code Content-Length}.
 *
 * <p>Differences from {@link dev.novasdk.core.http.apache.ApacheHttpTransport}, all due to the JDK client: the
 * response timeout bounds the wait for the status line and headers, not the reading of the body; the reason
 * phrase is not available, so responses carry the standard one; header names arrive in lower case; and the
 * restricted headers {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host} and
 * {@code Upgrade} of a request are left to the client. The JDK also adds its own {@code User-Agent} when a
 * request has none, which the SDK always sets. The pool's idle timeout is the JVM-wide
 * {@code jdk.httpclient.keepalive.timeout} system property.
 *
 * <p>One breach of the transport contract cannot be switched off per client: when the connection breaks
 * before the first response byte, the JDK sends a GET or HEAD once more on its own (it takes the break for a
 * stale pooled connection). Other methods are never resent, so a POST is not repeated.
 *
 * <p>Thread-safe: share one instance and {@link #close()} it once at the end.
 */
public final class JdkHttpTransport implements HttpTransport {
    // java.net.http rejects these names (and Transfer-Encoding would contradict the publisher's length).
    private static final Set<String> SKIPPED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

    private final HttpClient client;
    private final ExecutorService executor;
    private final Duration responseTimeout;
    private final int maxResponseSize;

    private JdkHttpTransport(
            HttpClient client, ExecutorService executor, Duration responseTimeout, int maxResponseSize) {
        this.client = client;
        this.executor = executor;
        this.responseTimeout = responseTimeout;
        this.maxResponseSize = maxResponseSize;
    }

    /** A transport with the defaults of {@link Builder}. */
    public static JdkHttpTransport create() {
        return builder().build();
    }

    /** A builder for a transport with non-default timeouts, TLS or proxy. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request and reads the whole response body before returning. When the calling thread is
     * interrupted, it throws {@link InterruptedIOException} with the interrupt flag set again.
     *
     * @throws IOException when no complete response arrived, or its body is larger than the configured maximum
     */
    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        java.net.http.HttpResponse<InputStream> response;
        try {
            response = client.send(toJdkRequest(request), BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.method() + " " + request.uri().getHost());
            interrupted.initCause(e);
            throw interrupted;
        } catch (ConnectException e) {
            throw unresolvedAsUnknownHost(e, request);
        }
        try (InputStream in = response.body()) {
            return HttpResponse.of(
                    response.statusCode(),
                    null,
                    toHeaders(response.headers().map()),
                    readBody(request.method(), response, in));
        }
    }

    /**
     * Stops the client's worker threads. On Java 21 and later the client itself is closed too, which also
     * closes its connections; on Java 17 they close when the client is garbage collected.
     */
    @Override
    public void close() {
        Object c = client;
        if (c instanceof AutoCloseable) {
            try {
                ((AutoCloseable) c).close();
            } catch (Exception e) {
                // Closing is best effort; the executor below is stopped regardless.
            }
        }
        executor.shutdownNow();
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder b =
                java.net.http.HttpRequest.newBuilder(request.uri()).timeout(responseTimeout);
        request.headers().forEach((name, value) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, value);
            }
        });
        RequestBody body = request.body().orElse(null);
        BodyPublisher publisher;
        if (body != null) {
            if (!request.headers().contains("Content-Type")) {
                b.header("Content-Type", body.contentType());
            }
            byte[] bytes = body.bytesUnsafe().orElse(null);
            publisher = bytes != null
                    ? BodyPublishers.ofByteArray(bytes)
                    : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body::openStream), body.length());
        } else {
            publisher = BodyPublishers.noBody();
        }
        return b.method(request.method().name(), publisher).build();
    }

    private static Headers toHeaders(Map<String, List<String>> received) throws IOException {
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, List<String>> e : received.entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-headers; not expected over HTTP/1.1
            }
            try {
                e.getValue().forEach(v -> headers.add(e.getKey(), v));
            } catch (IllegalArgumentException bad) {
                throw new IOException("malformed response header name: " + bad.getMessage(), bad);
            }
        }
        return headers.build();
    }

    private byte[] readBody(HttpMethod method, java.net.http.HttpResponse<InputStream> response, InputStream in)
            throws IOException {
        // A HEAD, 204 or 304 response has no body whatever its Content-Length says (a Glance image HEAD
        // declares the image size).
        boolean hasBody = method != HttpMethod.HEAD && response.statusCode() != 204 && response.statusCode() != 304;
        long declared =
                hasBody ? response.headers().firstValueAsLong("Content-Length").orElse(-1L) : -1L;
        if (declared > maxResponseSize) {
            throw tooLarge(" of " + declared + " bytes");
        }
        byte[] body = in.readNBytes(maxResponseSize + 1);
        if (body.length > maxResponseSize) {
            throw tooLarge("");
        }
        return body;
    }

    private IOException tooLarge(String detail) {
        return new IOException("response body" + detail + " exceeds the maximum of " + maxResponseSize
                + " bytes (see JdkHttpTransport.Builder.maxResponseSize)");
    }

    // The JDK reports an unresolvable host as a ConnectException caused by UnresolvedAddressException; the
    // SPI contract has UnknownHostException for it, so callers can tell a typo from a down server.
    private static IOException unresolvedAsUnknownHost(ConnectException e, HttpRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                UnknownHostException unknown =
                        new UnknownHostException(request.uri().getHost());
                unknown.initCause(e);
                return unknown;
            }
        }
        return e;
    }

    /** Mutable builder of {@link JdkHttpTransport}; not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private int maxResponseSize = 64 * 1024 * 1024;
        private SSLContext sslContext;
        private InetSocketAddress proxy;

        private Builder() {}

        /** Limit for opening a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Limit from sending the request until the response headers arrive; default 60 s. It does not bound
         * reading the body.
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** Largest response body read into memory, in bytes; default 64 MiB. */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "maxResponseSize must be between 0 and " + (Integer.MAX_VALUE - 8) + " bytes, got " + bytes);
            }
            this.maxResponseSize = (int) bytes;
            return this;
        }

        /** TLS context for trust and client certificates; default the JVM's default context. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Send every request through this HTTP proxy ({@code CONNECT} tunnels for https). */
        public Builder proxy(String host, int port) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("proxy host must not be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be between 1 and 65535, got " + port);
            }
            this.proxy = InetSocketAddress.createUnresolved(host, port);
            return this;
        }

        /** A new transport with its own client and worker threads. */
        public JdkHttpTransport build() {
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
            HttpClient.Builder b = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .executor(executor);
            if (sslContext != null) {
                b.sslContext(sslContext);
            }
            if (proxy != null) {
                b.proxy(ProxySelector.of(proxy));
            }
            return new JdkHttpTransport(b.build(), executor, responseTimeout, maxResponseSize);
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "nova-jdk-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
