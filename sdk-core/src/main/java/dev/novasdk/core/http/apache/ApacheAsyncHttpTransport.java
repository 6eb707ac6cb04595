package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.DeadlineExceededException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.ResponseTooLargeException;
import dev.novasdk.core.internal.DaemonThreads;
import dev.novasdk.core.internal.ResponseLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;

/**
 * The non-blocking transport on Apache HttpClient 5's {@link CloseableHttpAsyncClient}: a few I/O threads
 * run every exchange, so a thousand requests in flight hold no thread each. It speaks HTTP/1.1 on a pool of
 * keep-alive connections, and HTTP/2 where a server offers it over TLS (negotiated by ALPN); plain-http
 * connections never try {@code h2c}, which uwsgi-hosted OpenStack APIs do not handle.
 *
 * <p>It behaves like {@link ApacheHttpTransport} and takes the same options: HttpClient's retries, redirect
 * handling, cookies, decompression and default {@code User-Agent} are off; bodies are sent with
 * {@code Content-Length}; failures are classified alike (connect, TLS and pool timeouts as
 * {@link ConnectException}); a request's {@link Deadline} aborts the exchange in any phase, on one shared
 * timer thread; a body over {@link Builder#maxResponseSize} fails with {@link ResponseTooLargeException} and
 * drops the connection as soon as the limit is passed. Differences, due to the async client: waiting for a
 * pooled connection and opening it share one budget, {@code poolTimeout + connectTimeout}, since the async
 * pool checks its own lease timeout only when a connection comes back; the header
 * limits are enforced by HttpClient's count and line length limits while the head is parsed (never more than
 * {@code maxResponseHeaderSize / 4} fields, since a field takes at least four bytes), and the total size
 * once it is parsed; a stream {@link RequestBody} is read on an I/O thread, so it should come from memory or
 * a local file, never from the network.
 *
 * <p>Threads, all daemons, all ended by {@link #close()}: {@link Builder#ioThreads} I/O threads and one
 * thread that starts them, named {@code nova-apache-async-io-N}; one {@code nova-apache-async-deadline} timer
 * thread while requests are pending, for their deadlines and their waits for a connection; and one
 * {@code nova-apache-async-dns} thread while host names are looked up. HttpClient would resolve the host of a
 * new connection on the thread that asks for it, the caller of {@link #executeAsync} included; the transport
 * looks names up on its own thread first and reuses the answer for 30 s, so the caller never waits for DNS. Futures complete on the I/O threads: code
 * chained with the non-{@code Async} methods of {@link CompletableFuture} must not block, or every exchange of
 * the transport waits for it.
 *
 * <p>Thread-safe: share one instance between threads and clients, and {@link #close()} it once at the end.
 *
 * <pre>{@code
 * AsyncHttpTransport transport = ApacheAsyncHttpTransport.builder()
 *         .ioThreads(2)
 *         .caBundle(Path.of("/etc/ssl/openstack-ca.pem"))
 *         .build();
 * transport.executeAsync(HttpRequest.get(uri)).thenAccept(r -> System.out.println(r.statusCode()));
 * }</pre>
 */
public final class ApacheAsyncHttpTransport implements AsyncHttpTransport {
    private static final String BUILDER = "ApacheAsyncHttpTransport.Builder";
    private static final byte[] NO_BYTES = new byte[0];
    // Marks an exchange whose request has no User-Agent, for the interceptor that takes HttpClient's default
    // one off again (the async client, unlike the classic one, cannot be told not to add it).
    private static final String NO_USER_AGENT = "dev.novasdk.no-user-agent";
    // The exchange a request belongs to, for the chain step that tells it a connection is ready.
    private static final String EXCHANGE = "dev.novasdk.exchange";

    private final CloseableHttpAsyncClient client;
    private final AheadOfTimeDns dns;
    // The host whose name a new connection resolves: the proxy's when there is one.
    private final String proxyHost;
    private final ScheduledThreadPoolExecutor timer;
    private final int maxResponseSize;
    private final int maxResponseHeaderCount;
    private final int maxResponseHeaderSize;
    private final long connectBudgetNanos;
    private final String connectBudget;
    private volatile boolean closed;

    private ApacheAsyncHttpTransport(
            CloseableHttpAsyncClient client, AheadOfTimeDns dns, ApacheHttpTransport.Builder settings) {
        this.client = client;
        this.dns = dns;
        this.proxyHost = settings.proxy() == null ? null : settings.proxy().getHostName();
        this.timer = DaemonThreads.timer("nova-apache-async-deadline");
        this.maxResponseSize = settings.maxResponseSize();
        this.maxResponseHeaderCount = settings.maxResponseHeaderCount();
        this.maxResponseHeaderSize = settings.maxResponseHeaderSize();
        this.connectBudgetNanos =
                settings.poolTimeout().plus(settings.connectTimeout()).toNanos();
        this.connectBudget = "the pool timeout of " + settings.poolTimeout().toMillis()
                + " ms and the connect timeout of " + settings.connectTimeout().toMillis() + " ms";
    }

    /** A transport with the defaults of {@link Builder}. */
    public static ApacheAsyncHttpTransport create() {
        return builder().build();
    }

    /** A builder for a transport with non-default I/O threads, timeouts, pool sizes, TLS or proxy. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the exchange and returns at once; the request is sent on a pooled connection from an I/O thread.
     * The future fails with {@link DeadlineExceededException} when the request's deadline passes first (the
     * exchange is then aborted), {@link ResponseTooLargeException} when the body or the headers exceed the
     * configured limits, or another {@link IOException} when no complete, well-formed response arrived.
     */
    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        Deadline deadline = request.attribute(Deadline.ATTRIBUTE).orElse(null);
        if (deadline != null && deadline.isExpired()) {
            return CompletableFuture.failedFuture(deadline.exceeded("before the request was sent"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the transport is closed"));
        }
        Exchange exchange = new Exchange(deadline);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(EXCHANGE, exchange);
        if (!request.headers().contains("User-Agent")) {
            context.setAttribute(NO_USER_AGENT, Boolean.TRUE);
        }
        // The deadline counts from here: a slow name lookup before the exchange is part of the request's time.
        exchange.arm();
        dns.whenResolved(proxyHost != null ? proxyHost : request.uri().getHost(), () -> {
            if (exchange.result.isDone()) {
                return; // cancelled or past its deadline while the name was looked up: send nothing
            }
            try {
                exchange.start(
                        client.execute(toProducer(request), new BodyConsumer(exchange), null, context, exchange));
            } catch (RuntimeException e) {
                // A closed client, or a request HttpClient cannot express; nothing was sent either way.
                exchange.failed(new IOException("cannot send the request: " + e.getMessage(), e));
            }
        });
        return exchange.result;
    }

    /**
     * Closes every pooled connection, fails the exchanges still running and ends the I/O and timer threads;
     * returns once they have ended.
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        dns.close();
        client.close(CloseMode.IMMEDIATE);
        try {
            client.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AsyncRequestProducer toProducer(HttpRequest request) {
        BasicHttpRequest outgoing = new BasicHttpRequest(request.method().name(), request.uri());
        ApacheMessages.copyHeaders(request, outgoing);
        RequestBody body = request.body().orElse(null);
        AsyncEntityProducer entity = null;
        if (body != null) {
            byte[] bytes = body.bytesUnsafe().orElse(null);
            entity = bytes != null ? new BasicAsyncEntityProducer(bytes, null) : new StreamProducer(body);
        } else if (ApacheMessages.needsEmptyBody(request)) {
            entity = new BasicAsyncEntityProducer(NO_BYTES, null);
        }
        return new BasicRequestProducer(outgoing, entity);
    }

    private static IOException translate(Exception e) {
        if (e instanceof TimeoutException) {
            // The pool's lease timeout: every connection of the route stayed busy, and nothing was sent.
            ConnectException connect = new ConnectException("no pooled connection became free in time ("
                    + e.getMessage() + "; see " + BUILDER + ".poolTimeout and maxConnectionsPerRoute)");
            connect.initCause(e);
            return connect;
        }
        return ApacheMessages.translate(e, BUILDER);
    }

    /**
     * One exchange: the future handed to the caller, HttpClient's callback that completes it, and the alarms
     * for its deadline and its wait for a connection. Whatever completes the caller's future first wins;
     * completing it any other way than with a response (cancellation, an alarm) aborts HttpClient's exchange,
     * which closes its connection.
     */
    private final class Exchange implements FutureCallback<HttpResponse> {
        final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        private final Deadline deadline;
        private volatile Future<HttpResponse> call;
        private volatile ScheduledFuture<?> connectAlarm;
        private volatile boolean headersReceived;

        Exchange(Deadline deadline) {
            this.deadline = deadline;
        }

        void arm() {
            ScheduledFuture<?> alarm = null;
            ScheduledFuture<?> connecting = null;
            try {
                if (deadline != null) {
                    alarm = timer.schedule(this::deadlinePassed, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                }
                connecting = timer.schedule(this::notConnected, connectBudgetNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                failed(new IOException("the transport is closed"));
            }
            this.connectAlarm = connecting;
            ScheduledFuture<?> armed = alarm;
            result.whenComplete((response, failure) -> {
                if (armed != null) {
                    armed.cancel(false);
                }
                connected();
                Future<HttpResponse> c = call;
                if (failure != null && c != null) {
                    c.cancel(true);
                }
            });
        }

        /** A connection is leased and open: the wait for one is over. */
        void connected() {
            ScheduledFuture<?> a = connectAlarm;
            if (a != null) {
                a.cancel(false);
            }
        }

        // HttpClient's async pool checks a waiting lease's timeout only when the pool changes, which may be never
        // while every connection hangs on a silent server; this alarm bounds the wait for a connection.
        private void notConnected() {
            ConnectException e = new ConnectException("no connection became ready within " + connectBudget
                    + ": every pooled connection stayed busy (see " + BUILDER
                    + ".poolTimeout and maxConnectionsPerRoute)");
            result.completeExceptionally(e);
        }

        void start(Future<HttpResponse> call) {
            this.call = call;
            // Completed while HttpClient took the request: the completion above may not have seen the call.
            if (result.isCompletedExceptionally()) {
                call.cancel(true);
            }
        }

        private void deadlinePassed() {
            result.completeExceptionally(
                    deadline.exceeded(headersReceived ? "reading the response body" : "waiting for the response"));
        }

        @Override
        public void completed(HttpResponse response) {
            result.complete(response);
        }

        @Override
        public void failed(Exception e) {
            result.completeExceptionally(translate(e));
        }

        @Override
        public void cancelled() {
            // Only this class and close() cancel exchanges; after a cancellation here the result is already done.
            result.completeExceptionally(new IOException("the transport was closed before the response arrived"));
        }
    }

    /** Collects one response into memory within the size limits; HttpClient calls it on one I/O thread. */
    private final class BodyConsumer implements AsyncResponseConsumer<HttpResponse> {
        private final Exchange exchange;
        private FutureCallback<HttpResponse> callback;
        private int status;
        private String reason;
        private Headers headers;
        private byte[] buffer = NO_BYTES;
        private int length;

        BodyConsumer(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void consumeResponse(
                org.apache.hc.core5.http.HttpResponse response,
                EntityDetails entity,
                HttpContext context,
                FutureCallback<HttpResponse> callback)
                throws IOException {
            exchange.headersReceived = true;
            Header[] fields = response.getHeaders();
            long size = ResponseLimits.HEAD_FRAMING_BYTES;
            for (Header h : fields) {
                size += ResponseLimits.fieldBytes(h.getName(), h.getValue() == null ? "" : h.getValue());
            }
            ResponseTooLargeException tooLarge = ResponseLimits.checkHead(
                    fields.length, size, maxResponseHeaderCount, maxResponseHeaderSize, BUILDER);
            if (tooLarge != null) {
                // Thrown, the exchange fails and HttpClient closes the connection instead of reading on.
                throw tooLarge;
            }
            this.status = response.getCode();
            this.reason = response.getReasonPhrase();
            this.headers = ApacheMessages.toHeaders(fields);
            if (entity == null) {
                // HEAD, 204 and 304 responses: HttpClient knows there is no body, whatever Content-Length says.
                callback.completed(HttpResponse.of(status, reason, headers, NO_BYTES));
                return;
            }
            long declared = entity.getContentLength();
            if (declared > maxResponseSize) {
                throw ResponseLimits.bodyTooLarge(" of " + declared + " bytes", maxResponseSize, BUILDER);
            }
            // The usual case: one exact allocation instead of chunks copied together.
            this.buffer = declared > 0 ? new byte[(int) declared] : NO_BYTES;
            this.callback = callback;
        }

        @Override
        public void informationResponse(org.apache.hc.core5.http.HttpResponse response, HttpContext context) {
            // 1xx responses carry nothing the SDK uses.
        }

        @Override
        public void updateCapacity(CapacityChannel channel) throws IOException {
            // The body is collected in memory up to the size limit anyway; no need to throttle the server.
            channel.update(Integer.MAX_VALUE);
        }

        @Override
        public void consume(ByteBuffer src) throws IOException {
            int n = src.remaining();
            if ((long) length + n > maxResponseSize) {
                throw ResponseLimits.bodyTooLarge("", maxResponseSize, BUILDER);
            }
            if (length + n > buffer.length) {
                buffer = Arrays.copyOf(
                        buffer, (int) Math.min(maxResponseSize, Math.max(length + n, 2L * buffer.length)));
            }
            src.get(buffer, length, n);
            length += n;
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
            byte[] body = length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            callback.completed(HttpResponse.of(status, reason, headers, body));
        }

        @Override
        public void failed(Exception cause) {
            // HttpClient reports the failure to the exchange's callback as well.
        }

        @Override
        public void releaseResources() {
            buffer = NO_BYTES;
        }
    }

    /**
     * Sends a stream body with its declared length, reading it on the I/O thread as the connection takes
     * data; the stream is closed at its end or when the exchange fails.
     */
    private static final class StreamProducer implements AsyncEntityProducer {
        private final RequestBody body;
        private final InputStream in;
        private final ByteBuffer pending = ByteBuffer.allocate(16 * 1024).flip();
        private boolean closed;

        // Opening a stream body only hands over the caller's stream; reading it waits for the connection.
        StreamProducer(RequestBody body) {
            this.body = body;
            this.in = body.openStream();
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public String getContentType() {
            return null; // sent as a header by copyHeaders
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public boolean isChunked() {
            return false;
        }

        @Override
        public Set<String> getTrailerNames() {
            return Set.of();
        }

        @Override
        public int available() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            while (true) {
                if (!pending.hasRemaining()) {
                    int n = in.read(pending.array());
                    if (n < 0) {
                        channel.endStream();
                        releaseResources();
                        return;
                    }
                    pending.clear().limit(n);
                }
                channel.write(pending);
                if (pending.hasRemaining()) {
                    return; // the connection's buffer is full; HttpClient asks again when it drains
                }
            }
        }

        @Override
        public void failed(Exception cause) {
            releaseResources();
        }

        @Override
        public synchronized void releaseResources() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The exchange's outcome is decided; a failing close changes nothing.
            }
        }
    }

    /**
     * Mutable builder of {@link ApacheAsyncHttpTransport}; not thread-safe. The options and their defaults are
     * those of {@link ApacheHttpTransport.Builder}, plus {@link #ioThreads}. Each {@link #build()} creates a
     * new, independent connection pool and I/O threads.
     */
    public static final class Builder {
        // Holds and checks every option shared with the classic transport, so both read them alike.
        private final ApacheHttpTransport.Builder settings = ApacheHttpTransport.builder();
        private int ioThreads = Math.min(2, Runtime.getRuntime().availableProcessors());

        private Builder() {}

        /**
         * How many I/O threads run the exchanges; default {@code min(2, available processors)}. Each can serve
         * thousands of connections; more help only when a single core cannot keep up with TLS and parsing.
         */
        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads must be >= 1, got " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#connectTimeout}; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            settings.connectTimeout(timeout);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#responseTimeout}; default 60 s. */
        public Builder responseTimeout(Duration timeout) {
            settings.responseTimeout(timeout);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#poolTimeout}; default 30 s. */
        public Builder poolTimeout(Duration timeout) {
            settings.poolTimeout(timeout);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#maxConnectionsTotal}; default 64. */
        public Builder maxConnectionsTotal(int max) {
            settings.maxConnectionsTotal(max);
            return this;
        }

        /**
         * See {@link ApacheHttpTransport.Builder#maxConnectionsPerRoute}; default 16. Requests beyond it wait
         * for a free connection without holding a thread; an HTTP/2 connection carries many at once.
         */
        public Builder maxConnectionsPerRoute(int max) {
            settings.maxConnectionsPerRoute(max);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#connectionTimeToLive}; default 5 min. */
        public Builder connectionTimeToLive(Duration ttl) {
            settings.connectionTimeToLive(ttl);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#maxIdleTime}; default 30 s. */
        public Builder maxIdleTime(Duration idle) {
            settings.maxIdleTime(idle);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#maxResponseSize}; default 64 MiB. */
        public Builder maxResponseSize(long bytes) {
            settings.maxResponseSize(bytes);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#maxResponseHeaderCount}; default 100. */
        public Builder maxResponseHeaderCount(int count) {
            settings.maxResponseHeaderCount(count);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#maxResponseHeaderSize}; default 64 KiB. */
        public Builder maxResponseHeaderSize(int bytes) {
            settings.maxResponseHeaderSize(bytes);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#caBundle(Path)}. */
        public Builder caBundle(Path pemFile) {
            settings.caBundle(pemFile);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#sslContext}. */
        public Builder sslContext(SSLContext context) {
            settings.sslContext(context);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#clientCertificate}. */
        public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
            settings.clientCertificate(certificatePem, privateKeyPem);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#clientKeyStore}. */
        public Builder clientKeyStore(KeyStore keyStore, char[] keyPassword) {
            settings.clientKeyStore(keyStore, keyPassword);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#insecure}: for throwaway test clouds only. */
        public Builder insecure(boolean insecure) {
            settings.insecure(insecure);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#proxy}. */
        public Builder proxy(String host, int port) {
            settings.proxy(host, port);
            return this;
        }

        /** See {@link ApacheHttpTransport.Builder#proxyCredentials}. */
        public Builder proxyCredentials(String username, String password) {
            settings.proxyCredentials(username, password);
            return this;
        }

        /**
         * A new transport with its own connection pool, its I/O threads already started.
         *
         * @throws IllegalStateException when the TLS settings contradict each other, or proxy credentials are
         *                               set without a proxy
         */
        public ApacheAsyncHttpTransport build() {
            settings.checkProxy();
            int headerSize = settings.maxResponseHeaderSize();
            // The async parser cannot count the bytes of a head as it reads it (the classic one can); capping the
            // field count at what fits in the size limit bounds a flood of headers all the same.
            Http1Config http1 = Http1Config.custom()
                    .setMaxHeaderCount(Math.min(settings.maxResponseHeaderCount(), headerSize / 4))
                    .setMaxLineLength(headerSize)
                    .build();
            AheadOfTimeDns dns = new AheadOfTimeDns();
            PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                    .setDnsResolver(dns)
                    .setTlsStrategy(settings.tlsStrategy())
                    .setMaxConnTotal(settings.maxConnectionsTotal())
                    .setMaxConnPerRoute(settings.maxConnectionsPerRoute())
                    .setDefaultConnectionConfig(settings.connectionConfig())
                    // HTTP/2 where the server offers it by ALPN; plain http stays HTTP/1.1.
                    .setDefaultTlsConfig(settings.tlsConfig()
                            .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                            .build());
            HttpAsyncClientBuilder client = HttpAsyncClients.custom()
                    .setConnectionManager(pool.build())
                    .setIOReactorConfig(IOReactorConfig.custom()
                            .setIoThreadCount(ioThreads)
                            .setTcpNoDelay(true)
                            .build())
                    .setThreadFactory(DaemonThreads.named("nova-apache-async-io"))
                    .setHttp1Config(http1)
                    .setH2Config(H2Config.custom()
                            .setMaxHeaderListSize(headerSize)
                            .setPushEnabled(false)
                            .build())
                    .setDefaultRequestConfig(settings.requestConfig())
                    .setKeepAliveStrategy(settings.keepAliveStrategy())
                    // After the connect step of HttpClient's chain, a connection is leased and open.
                    .addExecInterceptorAfter(
                            ChainElement.CONNECT.name(),
                            "nova-connected",
                            (request, entity, scope, chain, callback) -> {
                                Object exchange = scope.clientContext.getAttribute(EXCHANGE);
                                if (exchange instanceof Exchange) {
                                    ((Exchange) exchange).connected();
                                }
                                chain.proceed(request, entity, scope, callback);
                            })
                    .addRequestInterceptorLast((request, entity, context) -> {
                        if (context != null && context.getAttribute(NO_USER_AGENT) != null) {
                            request.removeHeaders("User-Agent");
                        }
                    })
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    // One transport speaks for one identity; see ApacheHttpTransport.
                    .disableConnectionState();
            // No idle-connection evictor thread: the I/O reactor sees a server close an idle connection at
            // once, and a connection past its keep-alive time is dropped when next leased.
            if (settings.proxy() != null) {
                client.setProxy(settings.proxy());
                if (settings.proxyCredentialsProvider() != null) {
                    client.setDefaultCredentialsProvider(settings.proxyCredentialsProvider());
                }
            }
            CloseableHttpAsyncClient built = client.build();
            built.start();
            return new ApacheAsyncHttpTransport(built, dns, settings);
        }
    }
}
