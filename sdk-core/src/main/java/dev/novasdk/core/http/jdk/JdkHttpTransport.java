package dev.novasdk.core.http.jdk;

import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.DeadlineExceededException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.ResponseTooLargeException;
import dev.novasdk.core.internal.Checks;
import dev.novasdk.core.internal.DaemonThreads;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.internal.ResponseLimits;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A transport on the JDK's {@link HttpClient}, for applications that avoid the Apache HttpClient dependency.
 * It speaks HTTP/1.1 only (uwsgi-hosted OpenStack APIs do not handle the {@code h2c} upgrade), never follows
 * redirects and sends bodies with {@code Content-Length}.
 *
 * <p>Differences from {@link dev.novasdk.core.http.apache.ApacheHttpTransport}, all due to the JDK client: the
 * response timeout bounds the wait for the status line and headers as a whole and then each silence while
 * the body arrives; the reason phrase is not available, so responses carry the standard one; header names
 * arrive in lower case; the header limits are checked once the JDK has parsed the head, which the JVM-wide
 * {@code jdk.http.maxHeaderSize} system property bounds (384 KiB by default on current JDKs); and the
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
    private final int maxResponseHeaderCount;
    private final int maxResponseHeaderSize;

    private JdkHttpTransport(Builder b, HttpClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
        this.responseTimeout = b.responseTimeout;
        this.maxResponseSize = b.maxResponseSize;
        this.maxResponseHeaderCount = b.maxResponseHeaderCount;
        this.maxResponseHeaderSize = b.maxResponseHeaderSize;
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
     * interrupted, it throws {@link InterruptedIOException} with the interrupt flag set again. When the request
     * carries a {@link Deadline}, the exchange is abandoned there, whatever phase it is in.
     *
     * @throws DeadlineExceededException when the request's deadline passed first
     * @throws ResponseTooLargeException when the body or the headers exceed the configured limits
     * @throws IOException when no complete, well-formed response arrived
     */
    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        Deadline deadline = request.attribute(Deadline.ATTRIBUTE).orElse(null);
        if (deadline != null && deadline.isExpired()) {
            throw deadline.exceeded("before the request was sent");
        }
        BodyReader body =
                new BodyReader(request.method(), maxResponseSize, maxResponseHeaderCount, maxResponseHeaderSize);
        CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(toJdkRequest(request, responseTimeout), body);
        } catch (IllegalArgumentException e) {
            throw new IOException("unusable request: " + e.getMessage(), e);
        }
        java.net.http.HttpResponse<byte[]> response = await(exchange, body, deadline, request);
        return HttpResponse.of(
                response.statusCode(), null, toHeaders(response.headers().map()), response.body());
    }

    // Waits for the whole response, waking whenever a limit may have passed: the deadline, or the response
    // timeout counted from the headers or the last body bytes. Before the headers the JDK's own request
    // timeout applies.
    private java.net.http.HttpResponse<byte[]> await(
            CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange,
            BodyReader body,
            Deadline deadline,
            HttpRequest request)
            throws IOException {
        long silence = responseTimeout.toNanos();
        try {
            while (true) {
                try {
                    return exchange.get(body.nextCheckNanos(deadline, silence), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    IOException passed = body.limitPassed(deadline, responseTimeout);
                    if (passed != null) {
                        abandon(exchange, body);
                        throw passed;
                    }
                }
            }
        } catch (InterruptedException e) {
            abandon(exchange, body);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.method() + " " + request.uri().getHost());
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), request);
        }
    }

    // Cancelling the subscription closes the connection during the body; cancelling the future aborts the
    // exchange before the headers (Java 16 and later).
    static void abandon(CompletableFuture<?> exchange, BodyReader body) {
        body.cancel();
        exchange.cancel(true);
    }

    // The JDK completes the exchange with its own exceptions, some of them unchecked (a Content-Length that
    // is not a number); shape them by the SPI contract.
    static IOException failure(Throwable cause, HttpRequest request) {
        Throwable t = Futures.unwrap(cause);
        if (t instanceof ConnectException) {
            return unresolvedAsUnknownHost((ConnectException) t, request);
        }
        if (t instanceof ProtocolException && String.valueOf(t.getMessage()).startsWith("Header size too big")) {
            ResponseTooLargeException tooLarge = new ResponseTooLargeException("response headers exceed the JDK's"
                    + " limit (the jdk.http.maxHeaderSize system property): " + t.getMessage());
            tooLarge.initCause(t);
            return tooLarge;
        }
        if (t instanceof IOException) {
            return (IOException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IOException("malformed response: " + t, t);
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

    static java.net.http.HttpRequest toJdkRequest(HttpRequest request, Duration responseTimeout) {
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

    static Headers toHeaders(Map<String, List<String>> received) throws IOException {
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

    static IOException tooLarge(String detail, int maxResponseSize) {
        return ResponseLimits.bodyTooLarge(detail, maxResponseSize, "JdkHttpTransport.Builder");
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
        private int maxResponseHeaderCount = 100;
        private int maxResponseHeaderSize = 64 * 1024;
        private SSLContext sslContext;
        private InetSocketAddress proxy;

        private Builder() {}

        /** Limit for opening a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Limit from sending the request until the response headers arrive, and then for each silence while
         * the body arrives; default 60 s. It does not bound a server that keeps sending slowly: the SDK's
         * attempt and call timeouts do.
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Checks.positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * Largest response body read into memory, in bytes; default 64 MiB. A larger body fails the request
         * with a {@link ResponseTooLargeException}, which is not retried; the connection is dropped instead of
         * reading the rest.
         */
        public Builder maxResponseSize(long bytes) {
            this.maxResponseSize = Checks.inRange(bytes, 0, Integer.MAX_VALUE - 8, "maxResponseSize", "bytes");
            return this;
        }

        /**
         * Most header fields a response may have; default 100. More fail the request with a
         * {@link ResponseTooLargeException}.
         */
        public Builder maxResponseHeaderCount(int count) {
            this.maxResponseHeaderCount = Checks.inRange(count, 1, Integer.MAX_VALUE, "maxResponseHeaderCount", "");
            return this;
        }

        /**
         * Largest size of the header fields of a response together, in bytes, counted as
         * {@code name: value} and a line end each; default 64 KiB. A larger head fails the request with a
         * {@link ResponseTooLargeException}. The JDK reads the whole head before this check, up to its own
         * JVM-wide limit ({@code jdk.http.maxHeaderSize}).
         */
        public Builder maxResponseHeaderSize(int bytes) {
            this.maxResponseHeaderSize =
                    Checks.inRange(bytes, 256, Integer.MAX_VALUE - 8, "maxResponseHeaderSize", "bytes");
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
            ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("nova-jdk-http"));
            return new JdkHttpTransport(this, clientBuilder(executor).build(), executor);
        }

        // The settings below are shared with JdkAsyncHttpTransport.Builder, which keeps its options here.

        HttpClient.Builder clientBuilder(Executor executor) {
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
            return b;
        }

        Duration responseTimeout() {
            return responseTimeout;
        }

        int maxResponseSize() {
            return maxResponseSize;
        }

        int maxResponseHeaderCount() {
            return maxResponseHeaderCount;
        }

        int maxResponseHeaderSize() {
            return maxResponseHeaderSize;
        }
    }
}
