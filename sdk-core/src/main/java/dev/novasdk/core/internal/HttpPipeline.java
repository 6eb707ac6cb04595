package dev.novasdk.core.internal;

import dev.novasdk.core.auth.AsyncTokenProvider;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.OpenStackException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.AsyncFilter;
import dev.novasdk.core.filter.AuthFilter;
import dev.novasdk.core.filter.Filter;
import dev.novasdk.core.filter.FilterChain;
import dev.novasdk.core.filter.GlobalRequestIdFilter;
import dev.novasdk.core.filter.LoggingFilter;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.filter.Position;
import dev.novasdk.core.filter.RetryFilter;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.filter.UserAgentFilter;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.core.waiter.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The filter chain and transport that every service client sends its requests through, in the fixed order
 * of the SDK: user agent, microversion, user per-call filters, retries, then per attempt authentication,
 * user per-attempt filters, secret learning ({@link Secrets}) and logging, then the transport. Statuses become
 * exceptions once, after the chain, through {@link ErrorMapper}, which scrubs them of every secret the
 * pipeline has sent.
 *
 * <p>Immutable and thread-safe: build one per service client and share it between threads.
 *
 * <pre>{@code
 * HttpPipeline pipeline = HttpPipeline.builder().tokenProvider(session).build();
 * HttpResponse r = pipeline.send(HttpRequest.get(URI.create("https://nova/v2.1/servers")));
 * }</pre>
 */
public final class HttpPipeline implements AutoCloseable {
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final FilterChain head;
    private final ErrorMapper errorMapper;
    private final Secrets secrets;

    private HttpPipeline(Builder b) {
        this.ownsTransport = b.transport == null;
        this.transport = ownsTransport ? ApacheHttpTransport.create() : b.transport;
        this.secrets = b.secrets != null ? b.secrets : Secrets.create();
        this.errorMapper = ErrorMapper.create(b.clock, secrets);

        List<Filter> filters = new ArrayList<>();
        for (Object f : b.filters(false, secrets)) {
            filters.add((Filter) f);
        }
        FilterChain chain = request -> execute(transport, request);
        for (int i = filters.size() - 1; i >= 0; i--) {
            Filter f = filters.get(i);
            FilterChain next = chain;
            chain = request -> f.filter(request, next);
        }
        this.head = chain;
    }

    // A transport may fail with an unchecked exception on input it did not expect (a library parsing a
    // malformed response); the caller must still get a TransportException naming the request, and the retry
    // logic must see an IOException it can classify. SDK exceptions pass through as they are.
    private static HttpResponse execute(HttpTransport transport, HttpRequest request) throws IOException {
        try {
            return transport.execute(request);
        } catch (OpenStackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(
                    "the transport failed with " + e.getClass().getName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }

    /** A builder with the defaults: Apache transport, default retries, logging on, no authentication. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request through the chain and returns a 2xx response.
     *
     * @throws ApiException for any other status (a subclass per status: 404 is
     *         {@link dev.novasdk.core.error.NotFoundException}, ...)
     * @throws TransportException when no response was received
     */
    public HttpResponse send(HttpRequest request) {
        HttpResponse response = exchange(request);
        if (!response.isSuccessful()) {
            throw errorMapper.toException(request, response);
        }
        return response;
    }

    /**
     * Sends the request through the chain and returns the response whatever its status, for callers that
     * handle some statuses themselves (version discovery's 300).
     *
     * @throws TransportException when no response was received
     */
    public HttpResponse exchange(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return head.proceed(request);
        } catch (IOException e) {
            throw TransportException.of(request.method(), request.uri(), e);
        }
    }

    /** The mapper that turns error responses into exceptions, scrubbing them of this pipeline's secrets. */
    public ErrorMapper errorMapper() {
        return errorMapper;
    }

    /** The secrets this pipeline has sent or been given, learned as requests pass. */
    public Secrets secrets() {
        return secrets;
    }

    /** Closes the transport if this pipeline created it; a transport passed in is left open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Mutable builder of {@link HttpPipeline} and {@link AsyncHttpPipeline}; not thread-safe. */
    public static final class Builder {
        private HttpTransport transport;
        private Filter userAgent = UserAgentFilter.create();
        private MicroversionFilter microversion;
        private GlobalRequestIdFilter globalRequestId;
        private final List<Filter> perCall = new ArrayList<>();
        private final List<Filter> perAttempt = new ArrayList<>();
        // Holds the policy, sleeper and time budgets, so they are checked once, where they are used.
        private final RetryFilter.Builder retry = RetryFilter.builder();
        private TokenProvider tokenProvider;
        private Clock clock = Clock.systemUTC();
        private boolean logging = true;
        private Secrets secrets;
        private final List<AsyncFilter> perCallAsync = new ArrayList<>();
        private final List<AsyncFilter> perAttemptAsync = new ArrayList<>();
        private AsyncTokenProvider asyncTokens;

        private Builder() {}

        // The SDK's filters in the fixed order; each of the SDK's own serves both pipelines, only the user's
        // differ. The same auth filter instance serves both, so its backoff after refused tokens is shared.
        private AuthFilter auth;

        List<Object> filters(boolean async, Secrets secrets) {
            List<Object> filters = new ArrayList<>();
            filters.add(userAgent);
            if (microversion != null) {
                filters.add(microversion);
            }
            if (globalRequestId != null) {
                filters.add(globalRequestId);
            }
            filters.addAll(async ? perCallAsync : perCall);
            filters.add(retry.clock(clock).build());
            if (tokenProvider != null) {
                if (auth == null) {
                    auth = asyncTokens != null
                            ? AuthFilter.of(tokenProvider, asyncTokens, clock)
                            : AuthFilter.of(tokenProvider, clock);
                }
                filters.add(auth);
            }
            filters.addAll(async ? perAttemptAsync : perAttempt);
            // Below authentication and the user's filters, so it learns the token and body that go on the wire;
            // above logging, so the log lines of this very attempt are scrubbed of them.
            filters.add(async ? secrets.asyncFilter() : secrets.filter());
            if (logging) {
                filters.add(LoggingFilter.create());
            }
            return filters;
        }

        /** The transport; the pipeline will not close it. Default: a new {@link ApacheHttpTransport} it owns. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Appends {@code suffix} (such as {@code myapp/1.2}) to the SDK's {@code User-Agent}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgent = UserAgentFilter.withSuffix(suffix);
            return this;
        }

        /** Sends microversion headers; without it none are sent. */
        public Builder microversion(MicroversionFilter filter) {
            this.microversion = Objects.requireNonNull(filter, "microversion");
            return this;
        }

        /** Sends {@code X-OpenStack-Request-ID: globalRequestId} on every request ({@code req-<uuid>}). */
        public Builder globalRequestId(String globalRequestId) {
            this.globalRequestId = GlobalRequestIdFilter.of(globalRequestId);
            return this;
        }

        /** Adds a user filter at {@code position}; filters at one position run in the order added. */
        public Builder addFilter(Position position, Filter filter) {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(filter, "filter");
            (position == Position.PER_CALL ? perCall : perAttempt).add(filter);
            return this;
        }

        /** The retry policy; {@link RetryPolicy#none()} disables retries. */
        public Builder retryPolicy(RetryPolicy policy) {
            retry.policy(policy);
            return this;
        }

        /** Authenticates requests with tokens from {@code provider}; without it no token is sent. */
        public Builder tokenProvider(TokenProvider provider) {
            this.tokenProvider = Objects.requireNonNull(provider, "tokenProvider");
            return this;
        }

        /** How retries wait; tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) {
            retry.sleeper(sleeper);
            return this;
        }

        /** The clock used to read HTTP-date {@code Retry-After} values (in retries and in exceptions). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The time budget of one call, retries and the waits between them included (default 5 min); see
         * {@link RetryFilter.Builder#callTimeout(Duration)}. A request can carry its own as
         * {@link RetryFilter#CALL_TIMEOUT}.
         */
        public Builder callTimeout(Duration timeout) {
            retry.callTimeout(timeout);
            return this;
        }

        /**
         * The time budget of one attempt, response body included (default 2 min); see
         * {@link RetryFilter.Builder#attemptTimeout(Duration)}. A request can carry its own as
         * {@link RetryFilter#ATTEMPT_TIMEOUT}.
         */
        public Builder attemptTimeout(Duration timeout) {
            retry.attemptTimeout(timeout);
            return this;
        }

        /** The monotonic clock the time budgets are measured on; tests pass one their sleeper advances. */
        public Builder nanoTime(LongSupplier nanoTime) {
            retry.nanoTime(nanoTime);
            return this;
        }

        /** Whether to log requests at DEBUG (default true; the level is still up to the logging backend). */
        public Builder logging(boolean enabled) {
            this.logging = enabled;
            return this;
        }

        /**
         * The registry the pipeline learns secrets into and scrubs them with; default a new one per pipeline.
         * Pipelines of one client may share one.
         */
        public Builder secrets(Secrets secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** Adds a user filter to the async pipeline at {@code position}; see {@link #addFilter}. */
        public Builder addAsyncFilter(Position position, AsyncFilter filter) {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(filter, "filter");
            (position == Position.PER_CALL ? perCallAsync : perAttemptAsync).add(filter);
            return this;
        }

        /**
         * How the async pipeline gets tokens (usually {@link dev.novasdk.core.auth.AsyncTokens} over the
         * {@linkplain #tokenProvider token provider}); needed by {@link #buildAsync} when a provider is set.
         */
        public Builder asyncTokenProvider(AsyncTokenProvider provider) {
            this.asyncTokens = Objects.requireNonNull(provider, "asyncTokenProvider");
            return this;
        }

        /** How async retries wait between attempts; needed by {@link #buildAsync}. */
        public Builder asyncSleeper(AsyncSleeper sleeper) {
            retry.asyncSleeper(sleeper);
            return this;
        }

        /** A new pipeline. */
        public HttpPipeline build() {
            return new HttpPipeline(this);
        }

        /**
         * A new async pipeline sending through {@code transport}, with the same filters, secrets and settings
         * as {@link #build()} would give. It closes the transport when {@code ownsTransport}.
         *
         * @throws IllegalStateException when a token provider is set without an async one
         */
        public AsyncHttpPipeline buildAsync(AsyncHttpTransport transport, boolean ownsTransport) {
            Objects.requireNonNull(transport, "transport");
            if (tokenProvider != null && asyncTokens == null) {
                throw new IllegalStateException("a token provider is set but no async token provider");
            }
            Secrets s = secrets != null ? secrets : Secrets.create();
            return new AsyncHttpPipeline(transport, ownsTransport, filters(true, s), ErrorMapper.create(clock, s), s);
        }
    }
}
