package dev.novasdk.compute;

import dev.novasdk.compute.aggregates.AggregateManager;
import dev.novasdk.compute.flavors.FlavorManager;
import dev.novasdk.compute.hypervisors.HypervisorManager;
import dev.novasdk.compute.images.ImageManager;
import dev.novasdk.compute.internal.ComputeEndpoints;
import dev.novasdk.compute.internal.DefaultAggregateManager;
import dev.novasdk.compute.internal.DefaultAvailabilityZoneManager;
import dev.novasdk.compute.internal.DefaultFlavorManager;
import dev.novasdk.compute.internal.DefaultHypervisorManager;
import dev.novasdk.compute.internal.DefaultImageManager;
import dev.novasdk.compute.internal.DefaultKeypairManager;
import dev.novasdk.compute.internal.DefaultLimitsManager;
import dev.novasdk.compute.internal.DefaultMigrationManager;
import dev.novasdk.compute.internal.DefaultQuotaManager;
import dev.novasdk.compute.internal.DefaultServerGroupManager;
import dev.novasdk.compute.internal.DefaultServerManager;
import dev.novasdk.compute.internal.DefaultServiceManager;
import dev.novasdk.compute.internal.DefaultUsageManager;
import dev.novasdk.compute.internal.Microversions;
import dev.novasdk.compute.internal.OperationExecutor;
import dev.novasdk.compute.keypairs.KeypairManager;
import dev.novasdk.compute.limits.LimitsManager;
import dev.novasdk.compute.migrations.MigrationManager;
import dev.novasdk.compute.quotas.QuotaManager;
import dev.novasdk.compute.servergroups.ServerGroupManager;
import dev.novasdk.compute.servers.ServerManager;
import dev.novasdk.compute.services.ServiceManager;
import dev.novasdk.compute.usage.UsageManager;
import dev.novasdk.compute.zones.AvailabilityZoneManager;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.filter.Filter;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.filter.Position;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.TransportSource;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The entry point to the Compute (Nova) API: {@link #servers()}, {@link #images()} and {@link #flavors()}.
 *
 * <p>By default the client negotiates the microversion: on first use it reads the compute version document
 * and uses the highest version both this SDK ({@link #SDK_MAX_MICROVERSION}) and the cloud support; each
 * request may go at a lower version when one of its fields needs that. {@link Builder#microversion(String)}
 * pins a version instead, and requests that cannot be served at it fail before sending.
 *
 * <p>Immutable and thread-safe: build one per cloud and share it between threads.
 *
 * <pre>{@code
 * try (Session session = CloudConfig.load().newSession();
 *      ComputeClient nova = ComputeClient.builder().session(session).build()) {
 *     Server server = nova.servers().create(ServerCreate.builder()
 *             .name("vm1").imageId(imageId).flavorId("1").networksNone().build());
 *     nova.servers().waitForStatus(server.id(), ServerStatus.ACTIVE, WaitOptions.defaults());
 * }
 * }</pre>
 */
public final class ComputeClient implements AutoCloseable {
    /** The highest compute microversion this SDK knows the requests and responses of. */
    public static final Microversion SDK_MAX_MICROVERSION = Microversion.of(2, 96);

    private final HttpPipeline pipeline;
    private final ComputeEndpoints endpoints;
    private final Microversions versions;
    private final OperationExecutor executor;
    private final boolean ownsPipeline;
    private final ServerManager servers;
    private final ImageManager images;
    private final FlavorManager flavors;
    private final ComputeResources resources;
    private final OperatorManagers operator;

    private ComputeClient(Builder b) {
        this.pipeline = b.pipelineBuilder().build();
        JsonCodec codec = JsonCodec.create();
        this.endpoints = b.endpoints();
        this.versions = new Microversions(pipeline, codec, endpoints, b.pinned, SDK_MAX_MICROVERSION);
        this.executor = new OperationExecutor(pipeline, codec, endpoints, versions, b.sleeper, b.nanoTime);
        this.ownsPipeline = true;
        this.servers = new DefaultServerManager(executor);
        this.images = new DefaultImageManager(executor);
        this.flavors = new DefaultFlavorManager(executor);
        this.resources = new ComputeResources(executor);
        this.operator = new OperatorManagers(executor);
    }

    private ComputeClient(ComputeClient base, OperationExecutor executor) {
        this.pipeline = base.pipeline;
        this.endpoints = base.endpoints;
        this.versions = base.versions;
        this.executor = executor;
        this.ownsPipeline = false;
        this.servers = new DefaultServerManager(executor);
        this.images = new DefaultImageManager(executor);
        this.flavors = new DefaultFlavorManager(executor);
        this.resources = new ComputeResources(executor);
        this.operator = new OperatorManagers(executor);
    }

    /**
     * A view of this client whose calls have other time budgets: each call, retries included, ends within
     * {@code callTimeout}, and each attempt within {@code attemptTimeout}. It shares this client's connections,
     * token, endpoints and microversion, costs little to make, and is closed with this client ({@link #close()}
     * on the view does nothing).
     *
     * <pre>{@code
     * Server s = nova.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2)).servers().get(id);
     * }</pre>
     *
     * @throws IllegalArgumentException when a timeout is not positive
     */
    public ComputeClient withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new ComputeClient(this, executor.withTimeouts(callTimeout, attemptTimeout));
    }

    /** A builder; a token provider and an endpoint (resolver or explicit URL) are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Servers: create, find, list, watch, update and delete. */
    public ServerManager servers() {
        return servers;
    }

    /** Images, from Glance when the catalog has it, else through Nova's image proxy. */
    public ImageManager images() {
        return images;
    }

    /** Flavors. */
    public FlavorManager flavors() {
        return flavors;
    }

    /** Keypairs: import, generate (up to 2.91), list, get, delete. */
    public KeypairManager keypairs() {
        return resources.keypairs;
    }

    /** Server groups: (anti-)affinity placement of servers. */
    public ServerGroupManager serverGroups() {
        return resources.serverGroups;
    }

    /** The project's limits and usage. */
    public LimitsManager limits() {
        return resources.limits;
    }

    /** Quota sets and quota class sets (mostly admin). */
    public QuotaManager quotas() {
        return resources.quotas;
    }

    /** Availability zones. */
    public AvailabilityZoneManager availabilityZones() {
        return resources.zones;
    }

    // The managers of issue 13's keypairs, server groups, limits, quotas and zones, made in one place so that
    // both constructors stay one line longer.
    private static final class ComputeResources {
        final KeypairManager keypairs;
        final ServerGroupManager serverGroups;
        final LimitsManager limits;
        final QuotaManager quotas;
        final AvailabilityZoneManager zones;

        ComputeResources(OperationExecutor executor) {
            this.keypairs = new DefaultKeypairManager(executor);
            this.serverGroups = new DefaultServerGroupManager(executor);
            this.limits = new DefaultLimitsManager(executor);
            this.quotas = new DefaultQuotaManager(executor);
            this.zones = new DefaultAvailabilityZoneManager(executor);
        }
    }

    /** Hypervisors (admin). */
    public HypervisorManager hypervisors() {
        return operator.hypervisors;
    }

    /** Compute services (admin). */
    public ServiceManager services() {
        return operator.services;
    }

    /** Host aggregates (admin). */
    public AggregateManager aggregates() {
        return operator.aggregates;
    }

    /** Migration records (admin). */
    public MigrationManager migrations() {
        return operator.migrations;
    }

    /** Simple tenant usage. */
    public UsageManager usage() {
        return operator.usage;
    }

    /** The operator resources' managers, made together so that the constructors stay one line each. */
    private static final class OperatorManagers {
        final HypervisorManager hypervisors;
        final ServiceManager services;
        final AggregateManager aggregates;
        final MigrationManager migrations;
        final UsageManager usage;

        OperatorManagers(OperationExecutor executor) {
            this.hypervisors = new DefaultHypervisorManager(executor);
            this.services = new DefaultServiceManager(executor);
            this.aggregates = new DefaultAggregateManager(executor);
            this.migrations = new DefaultMigrationManager(executor);
            this.usage = new DefaultUsageManager(executor);
        }
    }

    /**
     * The microversion requests use by default: the pinned one, or the negotiated one (reading the cloud's
     * version document on first call).
     */
    public Microversion microversion() {
        return versions.current();
    }

    /** The cloud's maximum microversion, from its version document (read once). */
    public Microversion cloudMaxMicroversion() {
        return versions.cloud().max();
    }

    /** The cloud's minimum microversion, from its version document (read once). */
    public Microversion cloudMinMicroversion() {
        return versions.cloud().min();
    }

    /** The compute endpoint in use. */
    public URI endpoint() {
        return endpoints.compute();
    }

    /** Closes the transport if this client created it; a shared or passed-in transport is left open. */
    @Override
    public void close() {
        if (ownsPipeline) {
            pipeline.close();
        }
    }

    /** Mutable builder of {@link ComputeClient}; not thread-safe. */
    public static final class Builder {
        private TokenProvider tokenProvider;
        private EndpointResolver endpointResolver;
        private HttpTransport transport;
        private URI endpoint;
        private URI imageEndpoint;
        private EndpointInterface endpointInterface;
        private String region;
        private Microversion pinned;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration callTimeout = dev.novasdk.core.filter.RetryFilter.DEFAULT_CALL_TIMEOUT;
        private Duration attemptTimeout = dev.novasdk.core.filter.RetryFilter.DEFAULT_ATTEMPT_TIMEOUT;
        private Sleeper sleeper = Sleeper.system();
        private LongSupplier nanoTime = System::nanoTime;
        private Clock clock = Clock.systemUTC();
        private String userAgentSuffix;
        private String globalRequestId;
        private final List<Filter> perCall = new ArrayList<>();
        private final List<Filter> perAttempt = new ArrayList<>();

        private Builder() {}

        /**
         * Authenticates and resolves endpoints with {@code session} (an identity {@code Session}), sharing its
         * transport when it has one.
         */
        public <S extends TokenProvider & EndpointResolver> Builder session(S session) {
            Objects.requireNonNull(session, "session");
            this.tokenProvider = session;
            this.endpointResolver = session;
            if (session instanceof TransportSource && transport == null) {
                this.transport = ((TransportSource) session).transport();
            }
            return this;
        }

        /** Where tokens come from. */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /** Where endpoints come from (usually the identity session's catalog). */
        public Builder endpointResolver(EndpointResolver endpointResolver) {
            this.endpointResolver = Objects.requireNonNull(endpointResolver, "endpointResolver");
            return this;
        }

        /** The transport; the client will not close it. Default: a new Apache transport the client owns. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The compute endpoint, overriding the catalog. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = requireAbsolute(endpoint, "endpoint");
            return this;
        }

        /** The Glance endpoint, overriding the catalog. */
        public Builder imageEndpoint(URI imageEndpoint) {
            this.imageEndpoint = requireAbsolute(imageEndpoint, "imageEndpoint");
            return this;
        }

        /** The catalog interface to use (default: the resolver's). */
        public Builder endpointInterface(EndpointInterface endpointInterface) {
            this.endpointInterface = Objects.requireNonNull(endpointInterface, "endpointInterface");
            return this;
        }

        /** The region to use (default: the resolver's). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Pins the microversion ({@code "2.37"}, as {@code OS_COMPUTE_API_VERSION}); {@code "latest"} or
         * {@code null} negotiate instead. Requests with fields the pinned version does not accept fail before
         * sending.
         *
         * @throws IllegalArgumentException when the text is not {@code 2.N}, or above {@link #SDK_MAX_MICROVERSION}
         */
        public Builder microversion(String version) {
            if (version == null || version.trim().toLowerCase(Locale.ROOT).equals("latest")) {
                this.pinned = null;
                return this;
            }
            String v = version.trim();
            Microversion m = v.equals("2") ? Microversion.of(2, 1) : Microversion.parse(v);
            if (m.major() != 2 || m.minor() < 1) {
                throw new IllegalArgumentException("microversion must be 2.1 or later, got '" + version + "'");
            }
            if (m.compareTo(SDK_MAX_MICROVERSION) > 0) {
                throw new IllegalArgumentException(
                        "microversion " + m + " is above the highest this SDK supports (" + SDK_MAX_MICROVERSION + ")");
            }
            this.pinned = m;
            return this;
        }

        /** The retry policy. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The time budget of one API call, retries and the waits between them included (default 5 min); when it
         * runs out the call fails with {@link dev.novasdk.core.error.TransportException.Kind#DEADLINE_EXCEEDED}.
         * Waiters are bounded by their own {@code WaitOptions}, not by this.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = dev.novasdk.core.internal.Checks.positive(timeout, "callTimeout");
            return this;
        }

        /**
         * The time budget of one attempt of an API call, response body included (default 2 min); unlike the
         * transport's response timeout it also stops a server that answers slowly but never stops.
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = dev.novasdk.core.internal.Checks.positive(timeout, "attemptTimeout");
            return this;
        }

        /** How retries and waiters sleep; tests pass a fake. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The monotonic time source of waiters (nanoseconds); tests pass a fake. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** The clock for {@code Retry-After} dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Appended to the SDK's {@code User-Agent}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = Objects.requireNonNull(suffix, "userAgentSuffix");
            return this;
        }

        /** Sent as {@code X-OpenStack-Request-ID} on every request ({@code req-<uuid>}). */
        public Builder globalRequestId(String id) {
            this.globalRequestId = Objects.requireNonNull(id, "globalRequestId");
            return this;
        }

        /** Adds a user filter. */
        public Builder addFilter(Position position, Filter filter) {
            Objects.requireNonNull(position, "position");
            (position == Position.PER_CALL ? perCall : perAttempt).add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        // The pipeline settings both the blocking and the async client are built with.
        HttpPipeline.Builder pipelineBuilder() {
            HttpPipeline.Builder pb = HttpPipeline.builder()
                    // Every compute request carries its own version attribute; no default is needed here, and
                    // none may be computed here: negotiation itself goes through this pipeline.
                    .microversion(MicroversionFilter.compute(Optional::empty))
                    .retryPolicy(retryPolicy)
                    .sleeper(sleeper)
                    .clock(clock)
                    .callTimeout(callTimeout)
                    .attemptTimeout(attemptTimeout)
                    .tokenProvider(tokenProvider);
            if (transport != null) {
                pb.transport(transport);
            }
            if (userAgentSuffix != null) {
                pb.userAgentSuffix(userAgentSuffix);
            }
            if (globalRequestId != null) {
                pb.globalRequestId(globalRequestId);
            }
            perCall.forEach(f -> pb.addFilter(Position.PER_CALL, f));
            perAttempt.forEach(f -> pb.addFilter(Position.PER_ATTEMPT, f));
            return pb;
        }

        ComputeEndpoints endpoints() {
            return new ComputeEndpoints(endpointResolver, endpoint, imageEndpoint, endpointInterface, region);
        }

        Microversion pinned() {
            return pinned;
        }

        TokenProvider tokenProvider() {
            return tokenProvider;
        }

        Sleeper sleeper() {
            return sleeper;
        }

        LongSupplier nanoTime() {
            return nanoTime;
        }

        /**
         * A new client; nothing is sent until the first call.
         *
         * @throws IllegalArgumentException when no token provider, or neither an endpoint nor a resolver, is set
         */
        public ComputeClient build() {
            validate();
            return new ComputeClient(this);
        }

        void validate() {
            if (tokenProvider == null) {
                throw new IllegalArgumentException("tokenProvider is not set: pass a Session with session(..)");
            }
            if (endpointResolver == null && endpoint == null) {
                throw new IllegalArgumentException(
                        "neither endpointResolver nor endpoint is set: pass a Session with session(..)");
            }
        }

        private static URI requireAbsolute(URI uri, String name) {
            Objects.requireNonNull(uri, name);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException(name + " must be an absolute URL, got '" + uri + "'");
            }
            return uri;
        }
    }
}
