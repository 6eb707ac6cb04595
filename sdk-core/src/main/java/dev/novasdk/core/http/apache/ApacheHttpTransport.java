package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.DeadlineExceededException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.ResponseTooLargeException;
import dev.novasdk.core.internal.Checks;
import dev.novasdk.core.internal.ResponseLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.ConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default transport, on Apache HttpClient 5 (classic API) with a pool of keep-alive connections.
 *
 * <p>HttpClient's own retries, redirect handling, cookies, content decompression, protocol upgrade and
 * default {@code User-Agent} are off: the SDK's filters decide all of that. Bodies are always sent with
 * {@code Content-Length}, never chunked, because uwsgi-hosted OpenStack APIs drop chunked bodies. Failures are
 * thrown as {@link IOException}s shaped for {@link dev.novasdk.core.error.TransportException#classify}; in
 * particular a connect or TLS handshake timeout and a wait for a free pooled connection surface as
 * {@link ConnectException}, since the request was not sent. A request's {@link Deadline} is enforced by a
 * watchdog thread that aborts the exchange, so a server that trickles its headers or body cannot hold a
 * call past it; a response head over {@link Builder#maxResponseHeaderCount} fields or
 * {@link Builder#maxResponseHeaderSize} bytes, or a body over {@link Builder#maxResponseSize}, fails with
 * {@link ResponseTooLargeException} without being read to its end.
 *
 * <p>Thread-safe: share one instance between threads and clients, and {@link #close()} it once at the end.
 * This class logs neither headers nor bodies, but HttpClient's own {@code org.apache.hc.client5.http.headers}
 * and {@code .wire} loggers print raw headers, tokens included, at DEBUG; keep them off outside debugging.
 *
 * <pre>{@code
 * HttpTransport transport = ApacheHttpTransport.builder()
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .caBundle(Path.of("/etc/ssl/openstack-ca.pem"))
 *         .build();
 * }</pre>
 */
public final class ApacheHttpTransport implements HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ApacheHttpTransport.class);

    // A pooled connection idle longer than this is checked for a server-side close before reuse, catching
    // servers (Apache httpd's default KeepAliveTimeout is 5 s) that silently drop idle connections.
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);
    private static final byte[] NO_BYTES = new byte[0];

    private final CloseableHttpClient client;
    private final int maxResponseSize;
    // Aborts requests whose deadline passes; one thread, started on the first request with a deadline.
    private final DeadlineWatchdog watchdog = new DeadlineWatchdog("nova-apache-deadline");

    private ApacheHttpTransport(CloseableHttpClient client, int maxResponseSize) {
        this.client = client;
        this.maxResponseSize = maxResponseSize;
    }

    /** A transport with the defaults of {@link Builder}. */
    public static ApacheHttpTransport create() {
        return builder().build();
    }

    /** A builder for a transport with non-default timeouts, pool sizes, TLS or proxy. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request on a pooled connection and reads the whole response body before returning. When the
     * request carries a {@link Deadline}, the exchange is aborted there, whatever phase it is in.
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
        HttpUriRequestBase outgoing = toApacheRequest(request);
        // Cancelling closes the connection, which ends a blocked read in any phase: pool lease, connect,
        // headers or body. Only this alarm cancels requests, so a cancelled request means the deadline passed.
        DeadlineWatchdog.Alarm alarm = deadline == null ? null : watchdog.arm(outgoing, deadline.remainingNanos());
        String phase = "waiting for the response";
        try {
            ClassicHttpResponse response = open(outgoing);
            phase = "reading the response body";
            boolean complete = false;
            try {
                HttpResponse result = toResponse(response);
                complete = true;
                return result;
            } finally {
                close(response, complete);
            }
        } catch (IOException | RuntimeException e) {
            if (outgoing.isCancelled()) {
                DeadlineExceededException late = deadline.exceeded(phase);
                late.initCause(e);
                throw late;
            }
            throw translate(e);
        } finally {
            if (alarm != null) {
                watchdog.disarm(alarm);
            }
        }
    }

    private ClassicHttpResponse open(HttpUriRequestBase outgoing) throws IOException {
        try {
            return client.executeOpen(null, outgoing, HttpClientContext.create());
        } finally {
            closeQuietly(outgoing.getEntity());
        }
    }

    private static IOException translate(Exception e) {
        return ApacheMessages.translate(e, "ApacheHttpTransport.Builder");
    }

    /** Closes every pooled connection and stops the idle-connection evictor and the deadline watchdog. */
    @Override
    public void close() {
        watchdog.close();
        client.close(CloseMode.GRACEFUL);
    }

    private static HttpUriRequestBase toApacheRequest(HttpRequest request) {
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method().name(), request.uri());
        ApacheMessages.copyHeaders(request, outgoing);
        RequestBody body = request.body().orElse(null);
        if (body != null) {
            byte[] bytes = body.bytesUnsafe().orElse(null);
            outgoing.setEntity(
                    bytes != null
                            ? new ByteArrayEntity(bytes, null)
                            : new InputStreamEntity(body.openStream(), body.length(), null));
        } else if (ApacheMessages.needsEmptyBody(request)) {
            outgoing.setEntity(new ByteArrayEntity(NO_BYTES, null));
        }
        return outgoing;
    }

    private HttpResponse toResponse(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        String reason = response.getReasonPhrase();
        Headers headers = ApacheMessages.toHeaders(response.getHeaders());
        HttpEntity entity = response.getEntity();
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return HttpResponse.of(status, reason, headers, NO_BYTES);
        }
        long declared = entity.getContentLength();
        if (declared > maxResponseSize) {
            throw tooLarge(" of " + declared + " bytes");
        }
        // Reading to end of stream hands the connection back to the pool; closing early would instead drain it.
        if (declared > 0 && status >= 200 && status < 300) {
            // The usual case, a document the SDK decodes and releases: read into the thread's reusable buffer.
            // Error bodies end up in exceptions, which keep them, so those get arrays of their own.
            byte[] buffer = BodyBuffers.borrow((int) declared);
            boolean lent = false;
            try {
                readExactly(in, buffer, (int) declared);
                lent = true;
                return HttpResponse.ofLent(status, reason, headers, buffer, (int) declared, BodyBuffers::giveBack);
            } finally {
                if (!lent) {
                    BodyBuffers.giveBack(buffer);
                }
            }
        }
        if (declared >= 0) {
            // One exact allocation instead of chunks copied together.
            byte[] body = new byte[(int) declared];
            readExactly(in, body, body.length);
            return HttpResponse.of(status, reason, headers, body);
        }
        byte[] body = in.readNBytes(maxResponseSize + 1);
        if (body.length > maxResponseSize) {
            throw tooLarge("");
        }
        return HttpResponse.of(status, reason, headers, body);
    }

    private static void readExactly(InputStream in, byte[] into, int length) throws IOException {
        int read = in.readNBytes(into, 0, length);
        if (read < length) {
            throw new org.apache.hc.core5.http.ConnectionClosedException(
                    "premature end of response body: expected " + length + " bytes, got " + read);
        }
        if (in.read() != -1) {
            throw new IOException("response body is longer than its Content-Length of " + length + " bytes");
        }
    }

    private IOException tooLarge(String detail) {
        return ResponseLimits.bodyTooLarge(detail, maxResponseSize, "ApacheHttpTransport.Builder");
    }

    // A stream body belongs to the request; it must be closed even when the connection failed before sending.
    private static void closeQuietly(HttpEntity entity) {
        if (entity != null) {
            try {
                entity.close();
            } catch (IOException ignored) {
                // Nothing useful to do; the request outcome is already decided.
            }
        }
    }

    private static void close(ClassicHttpResponse response, boolean complete) {
        if (!complete && response instanceof ModalCloseable) {
            // Aborts the connection instead of draining a body we gave up on (too large, truncated, timed out).
            ((ModalCloseable) response).close(CloseMode.IMMEDIATE);
            return;
        }
        try {
            response.close();
        } catch (IOException ignored) {
            // The whole response was read and the connection already returned to the pool.
        }
    }

    /**
     * Mutable builder of {@link ApacheHttpTransport}; not thread-safe. Each {@link #build()} creates a new,
     * independent connection pool.
     */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private Duration poolTimeout = Duration.ofSeconds(30);
        private Duration connectionTimeToLive = Duration.ofMinutes(5);
        private Duration maxIdleTime = Duration.ofSeconds(30);
        private int maxConnectionsTotal = 64;
        private int maxConnectionsPerRoute = 16;
        private int maxResponseSize = 64 * 1024 * 1024;
        private int maxResponseHeaderCount = 100;
        private int maxResponseHeaderSize = 64 * 1024;
        private List<X509Certificate> caCertificates;
        private SSLContext sslContext;
        private KeyManager[] keyManagers;
        private boolean insecure;
        private String proxyHost;
        private int proxyPort;
        private String proxyUsername;
        private char[] proxyPassword;

        private Builder() {}

        /**
         * Limit for opening a TCP connection and completing its TLS handshake; default 10 s. When it passes
         * the request was not sent, so it is reported as a connect failure.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Limit for the server's silence while waiting for or reading the response (the socket read timeout);
         * default 60 s. Nova answers slow actions with 202 quickly, but Keystone token issue under load and
         * Glance listings can take many seconds.
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Checks.positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * How long a request waits for a free pooled connection when {@link #maxConnectionsPerRoute} are all
         * busy; default 30 s. Reported as a connect failure, since nothing was sent.
         */
        public Builder poolTimeout(Duration timeout) {
            this.poolTimeout = Checks.positive(timeout, "poolTimeout");
            return this;
        }

        /** Connections open at once over all hosts; default 64. */
        public Builder maxConnectionsTotal(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnectionsTotal must be >= 1, got " + max);
            }
            this.maxConnectionsTotal = max;
            return this;
        }

        /** Connections open at once to one host and port (one OpenStack endpoint); default 16. */
        public Builder maxConnectionsPerRoute(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnectionsPerRoute must be >= 1, got " + max);
            }
            this.maxConnectionsPerRoute = max;
            return this;
        }

        /**
         * Maximum age of a pooled connection, after which it is closed instead of reused; default 5 min.
         * Bounds how long a connection outlives a load balancer or DNS change.
         */
        public Builder connectionTimeToLive(Duration ttl) {
            this.connectionTimeToLive = Checks.positive(ttl, "connectionTimeToLive");
            return this;
        }

        /**
         * How long a connection may sit idle in the pool before it is closed; default 30 s. A longer
         * {@code Keep-Alive: timeout} from the server is capped to this. Services that send
         * {@code Connection: close} (uwsgi) never leave a connection in the pool at all.
         */
        public Builder maxIdleTime(Duration idle) {
            this.maxIdleTime = Checks.positive(idle, "maxIdleTime");
            return this;
        }

        /**
         * Largest response body read into memory, in bytes; default 64 MiB. A larger body fails the request
         * with a {@link ResponseTooLargeException}, which is not retried, rather than exhausting the heap; the
         * connection is dropped instead of reading the rest.
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
         * Largest size of the status line and header fields of a response together, in bytes, line ends
         * included; default 64 KiB. A larger head fails the request with a {@link ResponseTooLargeException} as
         * soon as the limit is passed.
         */
        public Builder maxResponseHeaderSize(int bytes) {
            this.maxResponseHeaderSize =
                    Checks.inRange(bytes, 256, Integer.MAX_VALUE - 8, "maxResponseHeaderSize", "bytes");
            return this;
        }

        /**
         * Trust exactly the CA certificates in this PEM file (like {@code cacert} in {@code clouds.yaml})
         * instead of the JVM's default trust store. Read when called.
         *
         * @throws UncheckedIOException when the file cannot be read
         * @throws IllegalArgumentException when it holds no decodable PEM certificate
         */
        public Builder caBundle(Path pemFile) {
            Objects.requireNonNull(pemFile, "pemFile");
            this.caCertificates = TlsMaterial.parseCertificates(read(pemFile), "CA bundle " + pemFile);
            return this;
        }

        /**
         * Trust exactly the CA certificates in this PEM file path; see {@link #caBundle(Path)}.
         */
        public Builder caBundle(String pemFile) {
            return caBundle(Path.of(Objects.requireNonNull(pemFile, "pemFile")));
        }

        /**
         * Trust exactly the PEM CA certificates read from {@code pem}, which is read to its end now; the caller
         * keeps ownership and closes it.
         *
         * @throws UncheckedIOException when the stream cannot be read
         * @throws IllegalArgumentException when it holds no decodable PEM certificate
         */
        public Builder caBundle(InputStream pem) {
            Objects.requireNonNull(pem, "pem");
            try {
                this.caCertificates = TlsMaterial.parseCertificates(pem.readAllBytes(), "CA bundle stream");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CA bundle stream", e);
            }
            return this;
        }

        /**
         * Use this TLS context as is, for trust and client keys set up by the caller. Excludes
         * {@link #caBundle}, the client certificate methods and {@link #insecure}. Host names are still
         * verified.
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Present this client certificate for mutual TLS (like {@code cert} and {@code key} in
         * {@code clouds.yaml}). Read when called.
         *
         * @param certificatePem PEM certificate, optionally followed by its intermediate chain
         * @param privateKeyPem  unencrypted PKCS#8 PEM key ({@code -----BEGIN PRIVATE KEY-----})
         * @throws IllegalArgumentException when a file holds no usable certificate or key; for PKCS#1
         *                                  ({@code BEGIN RSA PRIVATE KEY}) keys the message names the openssl
         *                                  command that converts them
         */
        public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            List<X509Certificate> chain =
                    TlsMaterial.parseCertificates(read(certificatePem), "client certificate " + certificatePem);
            PrivateKey key = TlsMaterial.parsePrivateKey(read(privateKeyPem), "client key " + privateKeyPem);
            this.keyManagers = TlsMaterial.keyManagers(key, chain);
            return this;
        }

        /**
         * Present a client certificate from a key store (PKCS#12 or JKS) for mutual TLS.
         *
         * @param keyPassword protects the key entries; the array is used now and may be cleared afterwards
         */
        public Builder clientKeyStore(KeyStore keyStore, char[] keyPassword) {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(keyPassword, "keyPassword");
            this.keyManagers = TlsMaterial.keyManagers(keyStore, keyPassword);
            return this;
        }

        /**
         * Trust every server certificate and skip host name checks. Anyone on the path can then read and
         * change the traffic, tokens included; use it only against throwaway test clouds. Building such a
         * transport logs a WARN.
         */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
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
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        /**
         * Basic credentials for the proxy set with {@link #proxy}, sent when it answers 407. The password is
         * never logged.
         */
        public Builder proxyCredentials(String username, String password) {
            this.proxyUsername = Objects.requireNonNull(username, "username");
            this.proxyPassword = Objects.requireNonNull(password, "password").toCharArray();
            return this;
        }

        /**
         * A new transport with its own connection pool.
         *
         * @throws IllegalStateException when the TLS settings contradict each other, or proxy credentials are
         *                               set without a proxy
         */
        public ApacheHttpTransport build() {
            checkProxy();
            Http1Config http1 = http1Config();
            ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
                    .http1Config(http1)
                    .responseParserFactory(new LimitedResponseParserFactory(http1, maxResponseHeaderSize))
                    .build();
            PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionFactory(connections)
                    .setTlsSocketStrategy(tlsStrategy())
                    .setMaxConnTotal(maxConnectionsTotal)
                    .setMaxConnPerRoute(maxConnectionsPerRoute)
                    .setDefaultSocketConfig(SocketConfig.custom()
                            .setSoTimeout(Timeout.of(responseTimeout))
                            .setTcpNoDelay(true)
                            .build())
                    .setDefaultConnectionConfig(connectionConfig())
                    .setDefaultTlsConfig(tlsConfig().build());
            HttpClientBuilder client = HttpClients.custom()
                    .setConnectionManager(pool.build())
                    .setDefaultRequestConfig(requestConfig())
                    .setKeepAliveStrategy(keepAliveStrategy())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableContentCompression()
                    .disableDefaultUserAgent()
                    // One transport speaks for one identity; per-principal connection state would only stop
                    // connections opened with a client certificate from being reused.
                    .disableConnectionState()
                    .evictExpiredConnections()
                    .evictIdleConnections(TimeValue.of(maxIdleTime));
            if (proxyHost != null) {
                client.setProxy(proxy());
                if (proxyUsername != null) {
                    client.setDefaultCredentialsProvider(proxyCredentialsProvider());
                }
            }
            return new ApacheHttpTransport(client.build(), maxResponseSize);
        }

        // The settings below are shared with ApacheAsyncHttpTransport.Builder, which keeps its options here.

        void checkProxy() {
            if (proxyUsername != null && proxyHost == null) {
                throw new IllegalStateException("proxyCredentials need a proxy(host, port)");
            }
        }

        // HttpClient has no limit on a response head by default; each line is capped at the whole budget here
        // so that no single line is buffered beyond it, and the parser counts the head as it reads it.
        Http1Config http1Config() {
            return Http1Config.custom()
                    .setMaxHeaderCount(maxResponseHeaderCount)
                    .setMaxLineLength(maxResponseHeaderSize)
                    .build();
        }

        ConnectionConfig connectionConfig() {
            return ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(responseTimeout))
                    .setTimeToLive(TimeValue.of(connectionTimeToLive))
                    .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                    .build();
        }

        TlsConfig.Builder tlsConfig() {
            return TlsConfig.custom().setHandshakeTimeout(Timeout.of(connectTimeout));
        }

        RequestConfig requestConfig() {
            return RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(responseTimeout))
                    .setConnectionRequestTimeout(Timeout.of(poolTimeout))
                    .setConnectionKeepAlive(TimeValue.of(maxIdleTime))
                    .setRedirectsEnabled(false)
                    .setContentCompressionEnabled(false)
                    .setExpectContinueEnabled(false)
                    // Otherwise HttpClient 5.4 adds "Upgrade: TLS/1.2" to plain-http GETs.
                    .setProtocolUpgradeEnabled(false)
                    .build();
        }

        ConnectionKeepAliveStrategy keepAliveStrategy() {
            TimeValue idle = TimeValue.of(maxIdleTime);
            return (response, context) -> {
                TimeValue offered = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(response, context);
                return offered == null || offered.compareTo(idle) > 0 ? idle : offered;
            };
        }

        Duration maxIdleTime() {
            return maxIdleTime;
        }

        Duration connectTimeout() {
            return connectTimeout;
        }

        Duration poolTimeout() {
            return poolTimeout;
        }

        int maxConnectionsTotal() {
            return maxConnectionsTotal;
        }

        int maxConnectionsPerRoute() {
            return maxConnectionsPerRoute;
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

        /** The proxy, or {@code null} for direct connections. */
        HttpHost proxy() {
            return proxyHost == null ? null : new HttpHost("http", proxyHost, proxyPort);
        }

        /** The proxy's credentials, or {@code null} when none are set. */
        BasicCredentialsProvider proxyCredentialsProvider() {
            if (proxyUsername == null) {
                return null;
            }
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    new AuthScope(proxy()), new UsernamePasswordCredentials(proxyUsername, proxyPassword.clone()));
            return credentials;
        }

        DefaultClientTlsStrategy tlsStrategy() {
            SSLContext context;
            HostnameVerifier verifier = HttpsSupport.getDefaultHostnameVerifier();
            if (insecure) {
                if (sslContext != null || caCertificates != null) {
                    throw new IllegalStateException("insecure(true) contradicts sslContext and caBundle: choose one");
                }
                context = TlsMaterial.context(keyManagers, TlsMaterial.trustAll());
                verifier = NoopHostnameVerifier.INSTANCE;
                LOG.warn("TLS certificate and host name verification are disabled (insecure mode): anyone on the"
                        + " network path can read and alter requests, tokens included. Use it only for test clouds.");
            } else if (sslContext != null) {
                if (caCertificates != null || keyManagers != null) {
                    throw new IllegalStateException("sslContext excludes caBundle and client certificates:"
                            + " put them into the SSLContext instead");
                }
                context = sslContext;
            } else {
                TrustManager[] trust = caCertificates == null ? null : TlsMaterial.trustManagers(caCertificates);
                context = TlsMaterial.context(keyManagers, trust);
            }
            // CLIENT: HttpClient checks the host name after the handshake, so a mismatch surfaces as
            // SSLPeerUnverifiedException, which callers classify as a TLS failure.
            return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.CLIENT, verifier);
        }

        private static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
