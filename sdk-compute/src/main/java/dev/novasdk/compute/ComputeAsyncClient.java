package dev.novasdk.compute;

import dev.novasdk.compute.aggregates.AggregateAsyncManager;
import dev.novasdk.compute.flavors.FlavorAsyncManager;
import dev.novasdk.compute.hypervisors.HypervisorAsyncManager;
import dev.novasdk.compute.images.ImageAsyncManager;
import dev.novasdk.compute.internal.AsyncOperationExecutor;
import dev.novasdk.compute.internal.ComputeEndpoints;
import dev.novasdk.compute.internal.DefaultAggregateAsyncManager;
import dev.novasdk.compute.internal.DefaultAvailabilityZoneAsyncManager;
import dev.novasdk.compute.internal.DefaultFlavorAsyncManager;
import dev.novasdk.compute.internal.DefaultHypervisorAsyncManager;
import dev.novasdk.compute.internal.DefaultImageAsyncManager;
import dev.novasdk.compute.internal.DefaultKeypairAsyncManager;
import dev.novasdk.compute.internal.DefaultLimitsAsyncManager;
import dev.novasdk.compute.internal.DefaultMigrationAsyncManager;
import dev.novasdk.compute.internal.DefaultQuotaAsyncManager;
import dev.novasdk.compute.internal.DefaultServerAsyncManager;
import dev.novasdk.compute.internal.DefaultServerGroupAsyncManager;
import dev.novasdk.compute.internal.DefaultServiceAsyncManager;
import dev.novasdk.compute.internal.DefaultUsageAsyncManager;
import dev.novasdk.compute.internal.Microversions;
import dev.novasdk.compute.internal.OperationExecutor;
import dev.novasdk.compute.keypairs.KeypairAsyncManager;
import dev.novasdk.compute.limits.LimitsAsyncManager;
import dev.novasdk.compute.migrations.MigrationAsyncManager;
import dev.novasdk.compute.quotas.QuotaAsyncManager;
import dev.novasdk.compute.servergroups.ServerGroupAsyncManager;
import dev.novasdk.compute.servers.ServerAsyncManager;
import dev.novasdk.compute.services.ServiceAsyncManager;
import dev.novasdk.compute.usage.UsageAsyncManager;
import dev.novasdk.compute.zones.AvailabilityZoneAsyncManager;
import dev.novasdk.core.auth.AsyncTokens;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.filter.AsyncFilter;
import dev.novasdk.core.filter.Position;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.apache.ApacheAsyncHttpTransport;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.internal.Secrets;
import dev.novasdk.core.waiter.AsyncSleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The Compute (Nova) API without blocking: every operation of {@link ComputeClient}'s managers returns a
 * {@link CompletableFuture}, listings are {@link dev.novasdk.core.paging.PagedPublisher}s that fetch pages on
 * demand, and waiters complete a future on the end state while holding no thread between polls.
 *
 * <p>It sends the same requests as the blocking client, through the same filters in their non-blocking form:
 * microversions by the same rule, retries by the same policy (their delays scheduled, not slept), single-flight
 * re-authentication on 401 shared as one future, the same redacted logging and the same exceptions, which fail
 * the futures (wrapped in {@link java.util.concurrent.CompletionException} by dependent stages).
 *
 * <p><b>Threads.</b> Requests go out on the {@link AsyncHttpTransport}'s I/O threads (default: an Apache
 * HttpClient 5 async transport the client owns); futures complete there, so code chained with non-{@code Async}
 * methods must not block. Besides those, the client uses a scheduler for retry delays and waiter pauses
 * (default: one daemon thread) and an executor on which the Keystone authentication runs, once per token, since
 * the identity session authenticates with blocking calls (default: at most one daemon thread, started when
 * needed). Pass your own with {@link Builder#scheduler} and {@link Builder#authExecutor}; the defaults are shut
 * down by {@link #close()}, yours are left to you.
 *
 * <p>Immutable and thread-safe: build one per cloud and share it.
 *
 * <pre>{@code
 * try (ComputeAsyncClient nova = ComputeAsyncClient.builder().session(session).build()) {
 *     nova.servers().create(ServerCreate.builder().name("vm1").imageId(imageId).flavorId("1").networksNone().build())
 *             .thenCompose(s -> nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, WaitOptions.defaults()))
 *             .thenAccept(s -> System.out.println(s.id() + " is " + s.status()))
 *             .join();
 * }
 * }</pre>
 */
public final class ComputeAsyncClient implements AutoCloseable {
    private final AsyncHttpPipeline pipeline;
    private final HttpPipeline requestsOnly;
    private final Microversions versions;
    private final AsyncOperationExecutor executor;
    private final List<ExecutorService> owned;
    private final boolean ownsPipeline;
    private final ServerAsyncManager servers;
    private final Managers managers;

    private ComputeAsyncClient(Builder b) {
        List<ExecutorService> mine = new ArrayList<>();
        ScheduledExecutorService scheduler = b.scheduler;
        if (scheduler == null) {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("novasdk-async-scheduler"));
            // Cancelled waits (a cancelled waiter, a retry cut short) must not pile up in the queue.
            s.setRemoveOnCancelPolicy(true);
            scheduler = s;
            mine.add(s);
        }
        Executor authExecutor = b.authExecutor;
        if (authExecutor == null) {
            ThreadPoolExecutor e = new ThreadPoolExecutor(
                    0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("novasdk-async-auth"));
            authExecutor = e;
            mine.add(e);
        }
        AsyncSleeper sleeper = b.asyncSleeper != null ? b.asyncSleeper : AsyncSleeper.of(scheduler);
        AsyncTokens tokens = AsyncTokens.of(b.base.tokenProvider(), authExecutor);
        Secrets secrets = Secrets.create();
        HttpPipeline.Builder pb = b.base.pipelineBuilder()
                .secrets(secrets)
                .asyncTokenProvider(tokens)
                .asyncSleeper(sleeper)
                // The blocking pipeline only lends its request building and error mapping: nothing is sent on it.
                .transport(request -> {
                    throw new IOException("the async compute client sends nothing through a blocking transport");
                });
        b.perCall.forEach(f -> pb.addAsyncFilter(Position.PER_CALL, f));
        b.perAttempt.forEach(f -> pb.addAsyncFilter(Position.PER_ATTEMPT, f));
        boolean ownsTransport = b.transport == null;
        AsyncHttpTransport transport = ownsTransport ? ApacheAsyncHttpTransport.create() : b.transport;
        this.requestsOnly = pb.build();
        this.pipeline = pb.buildAsync(transport, ownsTransport);
        JsonCodec codec = JsonCodec.create();
        ComputeEndpoints endpoints = b.base.endpoints();
        this.versions =
                new Microversions(requestsOnly, codec, endpoints, b.base.pinned(), ComputeClient.SDK_MAX_MICROVERSION);
        OperationExecutor requests =
                new OperationExecutor(requestsOnly, codec, endpoints, versions, b.base.sleeper(), b.base.nanoTime());
        this.executor = new AsyncOperationExecutor(requests, pipeline, tokens, sleeper, b.base.nanoTime());
        this.owned = List.copyOf(mine);
        this.ownsPipeline = true;
        this.servers = new DefaultServerAsyncManager(executor);
        this.managers = Managers.of(executor);
    }

    private ComputeAsyncClient(ComputeAsyncClient base, AsyncOperationExecutor executor) {
        this.pipeline = base.pipeline;
        this.requestsOnly = base.requestsOnly;
        this.versions = base.versions;
        this.executor = executor;
        this.owned = List.of();
        this.ownsPipeline = false;
        this.servers = new DefaultServerAsyncManager(executor);
        this.managers = Managers.of(executor);
    }

    // The managers besides servers, one set per executor (a withTimeouts view has its own).
    private record Managers(
            ImageAsyncManager images,
            FlavorAsyncManager flavors,
            KeypairAsyncManager keypairs,
            ServerGroupAsyncManager serverGroups,
            LimitsAsyncManager limits,
            QuotaAsyncManager quotas,
            AvailabilityZoneAsyncManager availabilityZones,
            HypervisorAsyncManager hypervisors,
            ServiceAsyncManager services,
            AggregateAsyncManager aggregates,
            MigrationAsyncManager migrations,
            UsageAsyncManager usage) {
        static Managers of(AsyncOperationExecutor executor) {
            return new Managers(
                    new DefaultImageAsyncManager(executor),
                    new DefaultFlavorAsyncManager(executor),
                    new DefaultKeypairAsyncManager(executor),
                    new DefaultServerGroupAsyncManager(executor),
                    new DefaultLimitsAsyncManager(executor),
                    new DefaultQuotaAsyncManager(executor),
                    new DefaultAvailabilityZoneAsyncManager(executor),
                    new DefaultHypervisorAsyncManager(executor),
                    new DefaultServiceAsyncManager(executor),
                    new DefaultAggregateAsyncManager(executor),
                    new DefaultMigrationAsyncManager(executor),
                    new DefaultUsageAsyncManager(executor));
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A builder; a session (or a token provider and endpoint) is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this client whose calls have other time budgets, as {@link ComputeClient#withTimeouts}; closed
     * with this client.
     *
     * @throws IllegalArgumentException when a timeout is not positive
     */
    public ComputeAsyncClient withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new ComputeAsyncClient(this, executor.withTimeouts(callTimeout, attemptTimeout));
    }

    /** Servers: create, find, list, act on, wait for. */
    public ServerAsyncManager servers() {
        return servers;
    }

    /** Images, from Glance when the catalog has it, else through Nova's image proxy. */
    public ImageAsyncManager images() {
        return managers.images();
    }

    /** Flavors. */
    public FlavorAsyncManager flavors() {
        return managers.flavors();
    }

    /** Keypairs: import, generate (up to 2.91), list, get, delete. */
    public KeypairAsyncManager keypairs() {
        return managers.keypairs();
    }

    /** Server groups: (anti-)affinity placement of servers. */
    public ServerGroupAsyncManager serverGroups() {
        return managers.serverGroups();
    }

    /** The project's limits and usage. */
    public LimitsAsyncManager limits() {
        return managers.limits();
    }

    /** Quota sets and quota class sets (mostly admin). */
    public QuotaAsyncManager quotas() {
        return managers.quotas();
    }

    /** Availability zones. */
    public AvailabilityZoneAsyncManager availabilityZones() {
        return managers.availabilityZones();
    }

    /** Hypervisors (admin). */
    public HypervisorAsyncManager hypervisors() {
        return managers.hypervisors();
    }

    /** Compute services (admin). */
    public ServiceAsyncManager services() {
        return managers.services();
    }

    /** Host aggregates (admin). */
    public AggregateAsyncManager aggregates() {
        return managers.aggregates();
    }

    /** Migration records (admin). */
    public MigrationAsyncManager migrations() {
        return managers.migrations();
    }

    /** Simple tenant usage. */
    public UsageAsyncManager usage() {
        return managers.usage();
    }

    /**
     * A future of the microversion requests go at by default: the pinned one, or the negotiated one (reading
     * the version document on first use).
     */
    public CompletableFuture<Microversion> microversion() {
        return executor.ready().thenApply(v -> versions.current());
    }

    /** Closes the transport if the client created it, and the default scheduler and auth executor. */
    @Override
    public void close() {
        if (!ownsPipeline) {
            return;
        }
        pipeline.close();
        requestsOnly.close();
        owned.forEach(ExecutorService::shutdownNow);
    }

    /** Mutable builder of {@link ComputeAsyncClient}; not thread-safe. */
    public static final class Builder {
        private final ComputeClient.Builder base = ComputeClient.builder();
        private AsyncHttpTransport transport;
        private ScheduledExecutorService scheduler;
        private Executor authExecutor;
        private AsyncSleeper asyncSleeper;
        private final List<AsyncFilter> perCall = new ArrayList<>();
        private final List<AsyncFilter> perAttempt = new ArrayList<>();

        private Builder() {}

        /** Authenticates and resolves endpoints with {@code session} (an identity {@code Session}). */
        public <S extends TokenProvider & EndpointResolver> Builder session(S session) {
            Objects.requireNonNull(session, "session");
            base.tokenProvider(session).endpointResolver(session);
            return this;
        }

        /** Where tokens come from. */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            base.tokenProvider(tokenProvider);
            return this;
        }

        /** Where endpoints come from (usually the identity session's catalog). */
        public Builder endpointResolver(EndpointResolver endpointResolver) {
            base.endpointResolver(endpointResolver);
            return this;
        }

        /**
         * The async transport; the client will not close it. Default: a new Apache HttpClient 5 async transport
         * the client owns.
         */
        public Builder transport(AsyncHttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The compute endpoint, overriding the catalog. */
        public Builder endpoint(URI endpoint) {
            base.endpoint(endpoint);
            return this;
        }

        /** The Glance endpoint, overriding the catalog. */
        public Builder imageEndpoint(URI imageEndpoint) {
            base.imageEndpoint(imageEndpoint);
            return this;
        }

        /** The catalog interface to use (default: the resolver's). */
        public Builder endpointInterface(EndpointInterface endpointInterface) {
            base.endpointInterface(endpointInterface);
            return this;
        }

        /** The region to use (default: the resolver's). */
        public Builder region(String region) {
            base.region(region);
            return this;
        }

        /** Pins the microversion, as {@link ComputeClient.Builder#microversion(String)}. */
        public Builder microversion(String version) {
            base.microversion(version);
            return this;
        }

        /** The retry policy. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            base.retryPolicy(retryPolicy);
            return this;
        }

        /** The time budget of one call, retries included (default 5 min). */
        public Builder callTimeout(Duration timeout) {
            base.callTimeout(timeout);
            return this;
        }

        /** The time budget of one attempt (default 2 min). */
        public Builder attemptTimeout(Duration timeout) {
            base.attemptTimeout(timeout);
            return this;
        }

        /**
         * The scheduler retry delays and waiter pauses run on; the client does not shut it down. Default: one
         * daemon thread the client owns.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Where the (blocking) Keystone authentication runs, once per token; the client does not shut it down.
         * Default: at most one daemon thread the client owns, started when needed.
         */
        public Builder authExecutor(Executor executor) {
            this.authExecutor = Objects.requireNonNull(executor, "authExecutor");
            return this;
        }

        /** How retries and waiters pause; tests pass one that moves a fake clock. Default: on the scheduler. */
        public Builder asyncSleeper(AsyncSleeper sleeper) {
            this.asyncSleeper = Objects.requireNonNull(sleeper, "asyncSleeper");
            return this;
        }

        /** The monotonic time source of waiters and time budgets (nanoseconds); tests pass a fake. */
        public Builder nanoTime(LongSupplier nanoTime) {
            base.nanoTime(nanoTime);
            return this;
        }

        /** The clock for {@code Retry-After} dates and token backoff. */
        public Builder clock(Clock clock) {
            base.clock(clock);
            return this;
        }

        /** Appended to the SDK's {@code User-Agent}. */
        public Builder userAgentSuffix(String suffix) {
            base.userAgentSuffix(suffix);
            return this;
        }

        /** Sent as {@code X-OpenStack-Request-ID} on every request ({@code req-<uuid>}). */
        public Builder globalRequestId(String id) {
            base.globalRequestId(id);
            return this;
        }

        /** Adds a user filter; it must not block. */
        public Builder addFilter(Position position, AsyncFilter filter) {
            Objects.requireNonNull(position, "position");
            (position == Position.PER_CALL ? perCall : perAttempt).add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * A new client; nothing is sent until the first call.
         *
         * @throws IllegalArgumentException when no token provider, or neither an endpoint nor a resolver, is set
         */
        public ComputeAsyncClient build() {
            base.validate();
            return new ComputeAsyncClient(this);
        }
    }
}
