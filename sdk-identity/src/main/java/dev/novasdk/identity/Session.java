package dev.novasdk.identity;

import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.CachingTokenProvider;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.filter.RetryFilter;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.TransportSource;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.internal.Checks;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.HttpUrls;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An authenticated connection to one cloud: it authenticates with Keystone on first use, caches the token,
 * refreshes it shortly before it expires and after a 401 (one re-authentication however many threads ask),
 * and resolves service endpoints from the token's catalog. Service clients take it as their
 * {@link TokenProvider} and {@link EndpointResolver}.
 *
 * <p>Immutable configuration, thread-safe: build one per cloud and share it between threads and clients.
 *
 * <pre>{@code
 * try (Session session = Session.builder()
 *         .authUrl("https://keystone.example.com:5000/v3")
 *         .auth(KeystoneAuth.password().username("demo").userDomainName("Default").password(pw)
 *                 .projectName("demo").projectDomainName("Default").build())
 *         .region("RegionOne")
 *         .build()) {
 *     URI nova = session.endpoint("compute");
 * }
 * }</pre>
 */
public final class Session implements TokenProvider, EndpointResolver, TransportSource, AutoCloseable {
    private final URI authUrl;
    private final KeystoneAuth auth;
    private final String region;
    private final EndpointInterface endpointInterface;
    private final Map<String, URI> endpointOverrides;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final HttpPipeline pipeline;
    private final KeystoneProtocol protocol;
    private final CachingTokenProvider<Token> tokens;
    private volatile KeystoneProtocol.IdentityEndpoint identity;

    private Session(Builder b) {
        this.authUrl = b.authUrl;
        this.auth = b.auth;
        this.region = b.region;
        this.endpointInterface = b.endpointInterface;
        this.endpointOverrides = Map.copyOf(b.endpointOverrides);
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null
                ? b.transport
                : b.ownedTransport != null ? b.ownedTransport.get() : ApacheHttpTransport.create();
        HttpPipeline.Builder pb = HttpPipeline.builder()
                .transport(transport)
                .retryPolicy(b.retryPolicy)
                .sleeper(b.sleeper)
                .clock(b.clock)
                .callTimeout(b.callTimeout)
                .attemptTimeout(b.attemptTimeout);
        if (b.userAgentSuffix != null) {
            pb.userAgentSuffix(b.userAgentSuffix);
        }
        this.pipeline = pb.build();
        this.protocol = new KeystoneProtocol(pipeline, JsonCodec.defaultMapper());
        this.tokens = CachingTokenProvider.builder(this::authenticate)
                .expirySkew(b.expirySkew)
                .clock(b.clock)
                .build();
    }

    /** A builder; the auth URL and the authentication are required. */
    public static Builder builder() {
        return new Builder();
    }

    private Token authenticate() {
        KeystoneProtocol.IdentityEndpoint id = identity;
        if (id == null) {
            id = protocol.discover(authUrl);
            identity = id;
        }
        return protocol.authenticate(id, auth);
    }

    /**
     * The cached token, authenticating first when there is none or it expires within the skew.
     *
     * @throws dev.novasdk.core.error.AuthenticationException when Keystone refuses the credentials (one request,
     *         no retry loop)
     * @throws dev.novasdk.core.error.TransportException when Keystone cannot be reached
     */
    @Override
    public Token token() {
        return tokens.token();
    }

    /** Re-authenticates because a service refused {@code staleToken}, unless another thread already did. */
    @Override
    public Token refresh(AuthToken staleToken) {
        return tokens.refresh(staleToken);
    }

    /** The cached token when it is not due for renewal; never blocks (the async clients' fast path). */
    @Override
    public java.util.Optional<AuthToken> cachedToken() {
        return tokens.cachedToken();
    }

    /** Drops the cached token, so the next call authenticates again. */
    public void invalidate() {
        tokens.invalidate();
    }

    /**
     * The base URL of a service: an override when one is configured for the type, else the catalog entry for
     * the query, with this session's interface and region unless the query names others.
     *
     * @throws dev.novasdk.core.error.EndpointNotFoundException listing the candidates when none or several match
     */
    @Override
    public URI resolve(EndpointQuery query) {
        Objects.requireNonNull(query, "query");
        URI override = endpointOverrides.get(query.serviceType().toLowerCase(Locale.ROOT));
        if (override != null) {
            return override;
        }
        return token().catalog().resolve(query, endpointInterface, Optional.ofNullable(region));
    }

    /** {@code resolve(EndpointQuery.of(serviceType))}. */
    public URI endpoint(String serviceType) {
        return resolve(EndpointQuery.of(serviceType));
    }

    /** The catalog of the current token (authenticating first if needed). */
    public ServiceCatalog catalog() {
        return token().catalog();
    }

    /** The identity API version in use ({@code v3} or {@code v2.0}), discovering it if needed. */
    public String identityVersion() {
        return token().identityVersion();
    }

    /** The transport, for service clients that should share this session's connection pool. */
    @Override
    public HttpTransport transport() {
        return transport;
    }

    /** The region endpoints are chosen in, if set. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The interface endpoints are chosen from. */
    public EndpointInterface endpointInterface() {
        return endpointInterface;
    }

    /** The auth URL as configured. */
    public URI authUrl() {
        return authUrl;
    }

    /** Closes the transport if the session created it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "Session{authUrl=" + authUrl + ", auth=" + auth + ", region=" + region + ", interface="
                + endpointInterface.wireName() + "}";
    }

    /** Mutable builder of {@link Session}; not thread-safe. */
    public static final class Builder {
        private URI authUrl;
        private KeystoneAuth auth;
        private String region;
        private EndpointInterface endpointInterface = EndpointInterface.PUBLIC;
        private final Map<String, URI> endpointOverrides = new TreeMap<>();
        private HttpTransport transport;
        private Supplier<HttpTransport> ownedTransport;
        private Duration expirySkew = Duration.ofSeconds(120);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration callTimeout = RetryFilter.DEFAULT_CALL_TIMEOUT;
        private Duration attemptTimeout = RetryFilter.DEFAULT_ATTEMPT_TIMEOUT;
        private String userAgentSuffix;

        private Builder() {}

        /** The Keystone URL, with or without a version ({@code http://h:5000}, {@code .../v3}, {@code .../v2.0}). */
        public Builder authUrl(String authUrl) {
            Objects.requireNonNull(authUrl, "authUrl");
            try {
                return authUrl(new URI(authUrl.trim()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("authUrl '" + authUrl + "' is not a valid URL: " + e.getReason(), e);
            }
        }

        /**
         * The Keystone URL.
         *
         * @throws IllegalArgumentException unless it is an absolute http(s) URL with a host, and a port between
         *         1 and 65535 if it has one
         */
        public Builder authUrl(URI authUrl) {
            Objects.requireNonNull(authUrl, "authUrl");
            this.authUrl = HttpUrls.check(authUrl, "authUrl");
            return this;
        }

        /** How to authenticate. */
        public Builder auth(KeystoneAuth auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** The region to pick endpoints in; needed when the catalog has several. */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            this.region = region.isBlank() ? null : region;
            return this;
        }

        /** The endpoint interface (default public). */
        public Builder endpointInterface(EndpointInterface endpointInterface) {
            this.endpointInterface = Objects.requireNonNull(endpointInterface, "endpointInterface");
            return this;
        }

        /**
         * Uses {@code url} for {@code serviceType} instead of the catalog's endpoint.
         *
         * @throws IllegalArgumentException unless {@code url} is an absolute http(s) URL with a host and a valid
         *         port
         */
        public Builder endpointOverride(String serviceType, URI url) {
            Objects.requireNonNull(serviceType, "serviceType");
            Objects.requireNonNull(url, "url");
            HttpUrls.check(url, "endpoint override for " + serviceType);
            endpointOverrides.put(serviceType.toLowerCase(Locale.ROOT), url);
            return this;
        }

        /**
         * The transport, shared with service clients; the session will not close it. It replaces the transport
         * a {@link CloudConfig} would build for its TLS settings.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        // The transport CloudConfig's TLS settings call for, built only by build() and only when no transport
        // was given, so that replacing it leaves no connection pool behind; the session closes it.
        Builder ownedTransport(Supplier<HttpTransport> factory) {
            this.ownedTransport = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** How long before expiry a token is replaced (default 120 s). */
        public Builder expirySkew(Duration skew) {
            Objects.requireNonNull(skew, "expirySkew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("expirySkew must not be negative, got " + skew);
            }
            this.expirySkew = skew;
            return this;
        }

        /** The clock tokens' expiry is compared with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How retries of Keystone requests wait; tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Retries of Keystone requests (default: the SDK's defaults; a refused password is never retried). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The time budget of one Keystone call (discovery or token request), retries included (default 5 min);
         * when it runs out the call fails with
         * {@link dev.novasdk.core.error.TransportException.Kind#DEADLINE_EXCEEDED}.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.positive(timeout, "callTimeout");
            return this;
        }

        /**
         * The time budget of one attempt of a Keystone call, response body included (default 2 min); unlike
         * the transport's response timeout it also stops a server that answers slowly but never stops.
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = Checks.positive(timeout, "attemptTimeout");
            return this;
        }

        /** Appended to the SDK's {@code User-Agent}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = Objects.requireNonNull(suffix, "userAgentSuffix");
            return this;
        }

        /**
         * A new session; nothing is sent until the first token or endpoint is needed.
         *
         * @throws IllegalArgumentException when the auth URL or authentication is missing, or the URL names a
         *         version the authentication cannot use
         */
        public Session build() {
            if (authUrl == null) {
                throw new IllegalArgumentException("authUrl is not set (OS_AUTH_URL)");
            }
            if (auth == null) {
                throw new IllegalArgumentException("auth is not set: give a password, token or application credential");
            }
            KeystoneProtocol.IdentityEndpoint fromPath = KeystoneProtocol.fromPath(authUrl);
            if (fromPath != null) {
                if (fromPath.version() == KeystoneProtocol.Version.V3) {
                    auth.checkForV3();
                } else {
                    auth.checkForV2();
                }
            }
            return new Session(this);
        }
    }
}
