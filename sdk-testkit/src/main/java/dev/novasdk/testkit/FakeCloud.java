package dev.novasdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.testkit.CloudState.Domain;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Image;
import dev.novasdk.testkit.CloudState.Project;
import dev.novasdk.testkit.CloudState.Role;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Token;
import dev.novasdk.testkit.CloudState.User;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An in-process, stateful OpenStack for tests and examples: Keystone v3 (and, if asked, v2.0 tokens),
 * Glance v2 and Nova v2.1 up to a configurable microversion, on one HTTP server bound to a free loopback
 * port (or the host and port the builder names). It answers the calls the SDK makes with the bodies, headers
 * and status codes a real cloud uses (checked against a Zed lab with Nova 2.93; see the module README), keeps
 * servers, keypairs, flavors and images between calls, and moves servers through their lifecycle on a
 * {@link FakeClock} the test controls.
 *
 * <pre>{@code
 * try (FakeCloud cloud = FakeCloud.builder().instantBoot(true).start()) {
 *     Session session = Session.builder().authUrl(cloud.authUrl()) ... // cloud.username(), cloud.password()
 *     cloud.failNext(2, 503, Duration.ofSeconds(1));                   // fault injection
 *     cloud.clock().advance(Duration.ofHours(2));                      // every token has now expired
 * }
 * }</pre>
 *
 * <p>Layout, all on {@code http://127.0.0.1:<port>}: identity under {@code /identity} (auth URL
 * {@code /identity/v3}), compute under {@code /compute} (endpoint {@code /compute/v2.1}), image under
 * {@code /image} (unversioned, like a real catalog). The catalog in every token points at these URLs.
 *
 * <p>Thread-safe: requests are served by a small pool of daemon threads and all state sits behind one lock.
 * {@link #close()} stops the server.
 */
public final class FakeCloud implements AutoCloseable {
    static final String IDENTITY_PATH = "/identity";
    static final String COMPUTE_PATH = "/compute";
    static final String IMAGE_PATH = "/image";
    private static final Pattern VERSION = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    /** The three emulated services, for {@link #failNext(Service, int, int, Duration)}. */
    public enum Service {
        /** Keystone, under {@code /identity}. */
        IDENTITY,
        /** Nova, under {@code /compute}. */
        COMPUTE,
        /** Glance, under {@code /image}. */
        IMAGE
    }

    /** A service of the catalog: one endpoint per interface, all with the same URL. */
    static final class CatalogService {
        final String id = CloudState.hexId();
        final String type;
        final String name;
        final String url;
        final List<String[]> endpoints = new ArrayList<>();

        CatalogService(String type, String name, String url) {
            this.type = type;
            this.name = name;
            this.url = url;
            for (String iface : new String[] {"public", "internal", "admin"}) {
                endpoints.add(new String[] {CloudState.hexId(), iface});
            }
        }
    }

    private static final class Failure {
        int remaining;
        final int status;
        final Duration retryAfter;

        Failure(int remaining, int status, Duration retryAfter) {
            this.remaining = remaining;
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    final CloudState state;
    final FakeClock clock;
    final Microversion maxMicroversion;
    final Microversion minMicroversion;
    final String region;
    final boolean keystoneV2;
    final AtomicInteger authentications = new AtomicInteger();
    final List<CatalogService> catalog = new ArrayList<>();
    final IdentityService identity;
    final ComputeService compute;
    final ImageService image;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final User primaryUser;
    private final Project primaryProject;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<Service, Failure> failures = new EnumMap<>(Service.class);
    private final Slowdowns slowdowns = new Slowdowns();
    private final AdminEndpoint admin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lifecycle = new Object();
    private boolean started;

    static {
        // The JDK server otherwise leaves Nagle's algorithm on, and every small response then waits ~40 ms
        // for a delayed ACK. The property is read once, when the JDK's server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private FakeCloud(Builder b) {
        this.clock = b.clock == null ? FakeClock.manual() : b.clock;
        this.maxMicroversion = b.maxMicroversion;
        this.minMicroversion = b.minMicroversion;
        this.region = b.region;
        this.keystoneV2 = b.keystoneV2;
        this.state = new CloudState(
                clock,
                b.tokenLifetime,
                b.stepDuration,
                b.instantBoot,
                b.instantDelete,
                new CloudState.Quota(b.quotaInstances, b.quotaCores, b.quotaRamMb));
        this.state.deletedReadableFor = b.deletedReadableFor;
        this.server = Listener.bind(b.host, b.port);
        this.baseUrl = Listener.baseUrl(b.host, server.getAddress().getPort());
        catalog.add(new CatalogService("compute", "nova", computeEndpoint()));
        catalog.add(new CatalogService("identity", "keystone", identityRoot() + "v3/"));
        catalog.add(new CatalogService("image", "glance", imageEndpoint()));
        this.identity = new IdentityService(this);
        this.compute = new ComputeService(this);
        this.image = new ImageService(this);
        if (b.seed != null) {
            b.seed.apply(state, this);
        } else {
            seed(b);
        }
        this.admin = b.adminEndpoint ? new AdminEndpoint(this) : null;
        this.primaryUser = state.users.values().iterator().next();
        this.primaryProject = state.projects.values().iterator().next();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fakecloud-" + server.getAddress().getPort() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** The public half of the key every FakeCloud seeds as {@code lab-key}, made once per JVM. */
    static final class LabKey {
        static final String PUBLIC_KEY = ComputeService.generateSshKey()[0];
    }

    /** A builder with the lab's defaults: admin/secretadmin on project admin, demo/secretdemo, Nova 2.1-2.93. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts answering requests. The port is bound (and every URL known) from {@link Builder#build()} on;
     * {@link Builder#start()} builds and starts in one call. Idempotent.
     *
     * @throws IllegalStateException when the cloud was closed
     */
    public FakeCloud start() {
        synchronized (lifecycle) {
            if (closed.get()) {
                throw new IllegalStateException("this FakeCloud is closed; build a new one");
            }
            if (!started) {
                server.start();
                started = true;
            }
            return this;
        }
    }

    // ------------------------------------------------------------------ seeding

    private void seed(Builder b) {
        Domain domain = new Domain("default", "Default");
        state.domains.put(domain.id, domain);
        Role admin = new Role(CloudState.hexId(), "admin");
        Role member = new Role(CloudState.hexId(), "member");
        Role reader = new Role(CloudState.hexId(), "reader");
        state.roles.put("admin", admin);
        state.roles.put("member", member);
        state.roles.put("reader", reader);
        for (Builder.UserSpec u : b.users) {
            Project project = null;
            for (Project p : state.projects.values()) {
                if (p.name.equals(u.projectName)) {
                    project = p;
                }
            }
            if (project == null) {
                project = new Project(CloudState.hexId(), u.projectName, domain, null);
                state.projects.put(project.id, project);
            }
            User user = state.users.values().stream()
                    .filter(x -> x.name.equals(u.name))
                    .findFirst()
                    .orElse(null);
            if (user == null) {
                user = new User(CloudState.hexId(), u.name, u.password, domain);
                state.users.put(user.id, user);
            }
            user.projectRoles.put(project.id, u.admin ? List.of(admin, member, reader) : List.of(member, reader));
            if (u.admin) {
                // As in the lab (keystone-manage bootstrap): admin on the project and the system, but no role on
                // the domain until one is granted (PUT /v3/domains/{d}/users/{u}/roles/{r}).
                user.systemRoles.add(admin);
            }
        }
        // Like the lab: every seeded user has a keypair named lab-key. One key per JVM keeps startup fast.
        for (User user : state.users.values()) {
            String publicKey = LabKey.PUBLIC_KEY;
            state.keypairs
                    .computeIfAbsent(user.id, u -> new java.util.LinkedHashMap<>())
                    .put(
                            "lab-key",
                            new CloudState.Keypair(
                                    ++state.keypairSeq,
                                    "lab-key",
                                    user.id,
                                    publicKey,
                                    ComputeService.fingerprint(publicKey, "ssh"),
                                    "ssh",
                                    CloudState.seconds(clock.instant())));
        }
        for (Flavor f : b.flavors.values()) {
            state.flavors.put(f.id, f);
        }
        String owner = state.projects.values().iterator().next().id;
        Instant now = CloudState.seconds(clock.instant());
        for (Builder.ImageSpec spec : b.images) {
            addImage(spec.name, spec.status, owner, now);
        }
    }

    String addImage(String name, String status, String owner, Instant at) {
        synchronized (state) {
            boolean cirros = name.equals("cirros") && status.equals("active");
            boolean hasData = status.equals("active") || status.equals("deactivated");
            Map<String, String> props = new LinkedHashMap<>();
            if (cirros) {
                props.put("os_distro", "cirros");
                props.put("os_type", "linux");
            }
            Image i = new Image(
                    CloudState.uuid(),
                    name,
                    status,
                    "public",
                    owner,
                    "qcow2",
                    "bare",
                    hasData ? 196616L : null,
                    hasData ? 16777216L : null,
                    hasData ? "37c6e1dc70aaf136834e92bf9637f613" : null,
                    hasData
                            ? "db0fb0265046dadb77d98e6a5149e3bfda6a2aea2c16e1644d3ea4ccd99fa168cf50ecd70536b1ef1099043ed1e2"
                                    + "5f3bdc742d1950b9fca394b9af91e736d909"
                            : null,
                    0,
                    0,
                    props,
                    new ArrayList<>(),
                    at,
                    ++state.imageSeq);
            state.images.put(i.id, i);
            return i.id;
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void serve(HttpExchange ex) {
        Req req = null;
        Resp resp;
        Instant received = clock.instant();
        try {
            req = Req.from(ex, baseUrl);
            String adminSub = admin == null ? null : under(req.path, AdminEndpoint.PATH);
            resp = adminSub != null
                    ? admin.handle(
                            req, adminSub, ex.getRemoteAddress().getAddress().isLoopbackAddress())
                    : dispatch(req);
        } catch (RuntimeException | IOException e) {
            // A bug in the emulator must not look like a cloud answer a client could misread as valid.
            resp = new Resp(500)
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .body("FakeCloud internal error: " + e);
        }
        // Recorded before answering, so a client that has its response can already see it in requests().
        if (req != null) {
            String rid = resp.header("x-openstack-request-id");
            requests.add(new RecordedRequest(
                    req.method,
                    req.path,
                    req.rawQuery,
                    req.headers,
                    new String(req.body, StandardCharsets.UTF_8),
                    resp.status,
                    rid,
                    received));
        }
        try {
            for (String[] h : resp.headers) {
                ex.getResponseHeaders().add(h[0], h[1]);
            }
            boolean noBody = resp.body.length == 0
                    || resp.status == 204
                    || resp.status == 304
                    || (req != null && req.method.equals("HEAD"));
            ex.sendResponseHeaders(resp.status, noBody ? -1 : resp.body.length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(resp.body);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            ex.close();
        }
    }

    private static String under(String path, String prefix) {
        if (path.equals(prefix)) {
            return "";
        }
        if (path.startsWith(prefix + "/")) {
            return path.substring(prefix.length());
        }
        return null;
    }

    private Resp dispatch(Req req) {
        String sub;
        if ((sub = under(req.path, IDENTITY_PATH)) != null) {
            String rid = CloudState.requestId();
            slowdowns.await(Service.IDENTITY);
            Resp injected = injected(Service.IDENTITY, req, rid);
            Resp r = injected != null ? injected : identity.handle(req.asUwsgiSeesIt(), sub);
            return r.header("x-openstack-request-id", rid);
        }
        if ((sub = under(req.path, COMPUTE_PATH)) != null) {
            String rid = CloudState.requestId();
            slowdowns.await(Service.COMPUTE);
            Resp injected = injected(Service.COMPUTE, req, rid);
            if (injected != null) {
                return injected.header("x-openstack-request-id", rid).header("x-compute-request-id", rid);
            }
            return compute.handle(req.asUwsgiSeesIt(), sub, rid);
        }
        if ((sub = under(req.path, IMAGE_PATH)) != null) {
            String rid = ImageService.requestId(req);
            slowdowns.await(Service.IMAGE);
            Resp injected = injected(Service.IMAGE, req, rid);
            if (injected != null) {
                return injected.header("X-Openstack-Request-Id", rid);
            }
            return image.handle(req, sub, rid);
        }
        return WebOb.error(
                req, 404, "FakeCloud serves " + IDENTITY_PATH + ", " + COMPUTE_PATH + " and " + IMAGE_PATH + ".");
    }

    private Resp injected(Service service, Req req, String rid) {
        Failure f;
        synchronized (failures) {
            f = failures.get(service);
            if (f == null || f.remaining <= 0) {
                return null;
            }
            f.remaining--;
        }
        String message = f.status == 429 || f.status == 413
                ? "This request was rate-limited."
                : f.status == 503
                        ? "The server is currently unavailable. Please try again at a later time."
                        : "FakeCloud injected a failure.";
        String retryAfter = f.retryAfter == null ? null : String.valueOf((f.retryAfter.toMillis() + 999) / 1000);
        Resp r;
        switch (service) {
            case COMPUTE:
                return ComputeService.fault(f.status, message, retryAfter);
            case IDENTITY:
                r = identity.error(f.status, message).header("Vary", "X-Auth-Token");
                break;
            default:
                r = WebOb.error(req, f.status, message);
        }
        if (retryAfter != null) {
            r.header("Retry-After", retryAfter);
        }
        return r;
    }

    // ------------------------------------------------------------------ endpoints and credentials

    /** {@code http://127.0.0.1:<port>}, with no path. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The loopback port the cloud listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The Keystone v3 auth URL, {@code http://127.0.0.1:<port>/identity/v3}. */
    public String authUrl() {
        return baseUrl + IDENTITY_PATH + "/v3";
    }

    /**
     * The Keystone v2.0 auth URL.
     *
     * @throws IllegalStateException unless the cloud was built with {@code keystoneV2(true)}
     */
    public String authUrlV2() {
        if (!keystoneV2) {
            throw new IllegalStateException("Keystone v2.0 is off; build the cloud with keystoneV2(true)");
        }
        return baseUrl + IDENTITY_PATH + "/v2.0";
    }

    /** Keystone's unversioned root, which answers {@code 300 Multiple Choices} with the versions. */
    public String identityRoot() {
        return baseUrl + IDENTITY_PATH + "/";
    }

    /** The compute endpoint the catalog lists: {@code http://127.0.0.1:<port>/compute/v2.1}. */
    public String computeEndpoint() {
        return baseUrl + COMPUTE_PATH + "/v2.1";
    }

    /** The image endpoint the catalog lists, unversioned like a real one: {@code .../image}. */
    public String imageEndpoint() {
        return baseUrl + IMAGE_PATH;
    }

    /** The default user, {@code admin}: admin on project {@code admin}, on domain Default and on the system. */
    public String username() {
        return primaryUser.name;
    }

    /** The default user's password ({@code secretadmin} unless configured). */
    public String password() {
        return primaryUser.password;
    }

    /** The default user's id (a random hex id, fixed for the life of this cloud). */
    public String userId() {
        return primaryUser.id;
    }

    /** The default project's name, {@code admin}. */
    public String projectName() {
        return primaryProject.name;
    }

    /** The default project's id. */
    public String projectId() {
        return primaryProject.id;
    }

    /** Every user and project lives in domain {@code Default}. */
    public String userDomainName() {
        return "Default";
    }

    /** Every user and project lives in domain {@code Default}. */
    public String projectDomainName() {
        return "Default";
    }

    /** The catalog's region, {@code RegionOne} unless configured. */
    public String regionName() {
        return region;
    }

    /** The highest compute microversion this cloud accepts, as Nova's version document reports it. */
    public String maxMicroversion() {
        return ComputeService.versionText(maxMicroversion);
    }

    /** The {@code OS_*} variables a client needs to log in as the default user. */
    public Map<String, String> osEnvironment() {
        return osEnvironment(primaryUser.name);
    }

    /**
     * The {@code OS_*} variables for another configured user (such as {@code demo}), scoped to the first
     * project the user has a role on.
     *
     * @throws IllegalArgumentException when no such user exists
     */
    public Map<String, String> osEnvironment(String username) {
        Objects.requireNonNull(username, "username");
        synchronized (state) {
            User user = state.users.values().stream()
                    .filter(u -> u.name.equals(username))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no user named " + username));
            Project project =
                    state.projects.get(user.projectRoles.keySet().iterator().next());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("OS_AUTH_URL", authUrl());
            env.put("OS_USERNAME", user.name);
            env.put("OS_PASSWORD", user.password);
            env.put("OS_PROJECT_NAME", project.name);
            env.put("OS_USER_DOMAIN_NAME", user.domain.name);
            env.put("OS_PROJECT_DOMAIN_NAME", project.domain.name);
            env.put("OS_REGION_NAME", region);
            env.put("OS_IDENTITY_API_VERSION", "3");
            env.put("OS_INTERFACE", "public");
            return Collections.unmodifiableMap(env);
        }
    }

    /** The clock the cloud lives on; advance it to expire tokens or to move servers through their lifecycle. */
    public FakeClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ fault injection

    /**
     * Makes the next {@code count} compute requests fail with {@code status}, for testing retries. Nova's
     * fault body is used ({@code overLimit} with {@code retryAfter} for 429/413); a {@code Retry-After}
     * header in whole seconds is added when {@code retryAfter} is not null. Replaces any earlier plan.
     */
    public void failNext(int count, int status, Duration retryAfter) {
        failNext(Service.COMPUTE, count, status, retryAfter);
    }

    /**
     * Makes the next {@code count} requests to {@code service} fail with {@code status}, in that service's
     * error shape (Keystone JSON, Nova fault, WebOb body for Glance), with a {@code Retry-After} header when
     * {@code retryAfter} is not null. Every request to the service counts, version documents included.
     */
    public void failNext(Service service, int count, int status, Duration retryAfter) {
        Objects.requireNonNull(service, "service");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (4xx or 5xx): " + status);
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        synchronized (failures) {
            failures.put(service, new Failure(count, status, retryAfter));
        }
    }

    /**
     * Puts a server in ERROR at once, with Nova's {@code fault} ({@code code}, {@code message},
     * {@code created}); pending lifecycle steps are dropped. Use it to test how a client reports a failed
     * build.
     *
     * @throws IllegalArgumentException when the server does not exist (or is already gone)
     */
    public void forceError(String serverId, int code, String message) {
        forceError(serverId, code, message, null);
    }

    /**
     * Like {@link #forceError(String, int, String)}, with the fault's {@code details} (a traceback in a real
     * cloud), which Nova shows to admins, and to everyone when the code is not 500.
     */
    public void forceError(String serverId, int code, String message, String details) {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(message, "message");
        ServersApi.forceError(state, serverId, code, message, details);
    }

    /**
     * Holds back the next {@code count} responses of {@code service} for {@code delay} of real time (not the
     * cloud's clock), to test a client's read timeouts; injected failures are delayed too. Replaces any
     * earlier plan for the service; a count of 0 cancels it.
     */
    public void slowNext(Service service, int count, Duration delay) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(delay, "delay");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        slowdowns.plan(service, count, delay);
    }

    /** Expires every token issued so far, as if their lifetime had run out: the next call gets a 401. */
    public void expireAllTokens() {
        synchronized (state) {
            Instant now = state.now();
            for (Token t : state.tokens.values()) {
                if (t.expiresAt.isAfter(now)) {
                    t.expiresAt = now;
                }
            }
        }
    }

    /**
     * Revokes one token, as {@code DELETE /v3/auth/tokens} would.
     *
     * @throws IllegalArgumentException when the cloud never issued it
     */
    public void revokeToken(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        synchronized (state) {
            Token t = state.tokens.get(tokenId);
            if (t == null) {
                throw new IllegalArgumentException("this cloud never issued that token");
            }
            t.revoked = true;
        }
    }

    // ------------------------------------------------------------------ content

    /**
     * Adds a public qcow2 image owned by the default project, with a Glance status such as
     * {@code active}, {@code queued} or {@code deactivated}; Nova refuses to boot anything but
     * {@code active}.
     *
     * @return the new image's id
     */
    public String addImage(String name, String status) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        return addImage(name, status, primaryProject.id, CloudState.seconds(clock.instant()));
    }

    /**
     * The id of the image with this name (the newest if several share it), such as the default
     * {@code cirros}.
     *
     * @throws IllegalArgumentException when there is none
     */
    public String imageId(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (state) {
            Image found = null;
            for (Image i : state.images.values()) {
                if (i.name.equals(name)) {
                    found = i;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no image named " + name);
            }
            return found.id;
        }
    }

    /**
     * Changes an image's Glance status, for example to make a booted image unavailable.
     *
     * @throws IllegalArgumentException when there is no such image
     */
    public void setImageStatus(String imageId, String status) {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(status, "status");
        synchronized (state) {
            Image i = state.images.get(imageId);
            if (i == null) {
                throw new IllegalArgumentException("no image " + imageId);
            }
            i.status = status;
            i.updatedAt = CloudState.seconds(state.now());
        }
    }

    // ------------------------------------------------------------------ inspection

    /**
     * How many token requests ({@code POST /v3/auth/tokens} and {@code POST /v2.0/tokens}) the cloud has
     * received, whatever their outcome: a test of single-flight re-authentication asserts this is 2, not 8.
     */
    public int authenticationCount() {
        return authentications.get();
    }

    /**
     * How many requests with this method had a path starting with {@code pathPrefix} (for example
     * {@code ("POST", "/compute/v2.1/servers")}).
     */
    public long requestCount(String method, String pathPrefix) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
                    .count();
        }
    }

    /** Every request answered so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the recorded requests (not the authentication count), to assert on what follows. */
    public void clearRequests() {
        requests.clear();
    }

    /** Every server that exists now, in creation order, with due lifecycle steps applied. */
    public List<ServerSnapshot> servers() {
        synchronized (state) {
            state.settleAll();
            List<ServerSnapshot> out = new ArrayList<>();
            for (Server s : state.servers.values()) {
                out.add(snapshot(s));
            }
            return List.copyOf(out);
        }
    }

    /** The server with this id, if it still exists (a deleted server is gone once its last step passed). */
    public Optional<ServerSnapshot> server(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (state) {
            Server s = state.server(id);
            return s == null ? Optional.empty() : Optional.of(snapshot(s));
        }
    }

    private static ServerSnapshot snapshot(Server s) {
        return new ServerSnapshot(
                s.id,
                s.name,
                s.projectId,
                s.status(),
                s.vmState,
                s.taskState,
                s.powerState,
                s.flavor.id,
                s.imageId,
                s.metadata,
                s.fault == null ? null : s.fault.message,
                s.created);
    }

    /** Stops the HTTP server and frees the port; requests in flight are cut off. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed.compareAndSet(false, true)) {
                server.stop(0);
                executor.shutdownNow();
            }
        }
    }

    @Override
    public String toString() {
        return "FakeCloud{" + baseUrl + ", nova " + ComputeService.versionText(minMicroversion) + "-"
                + maxMicroversion() + "}";
    }

    // ------------------------------------------------------------------ builder

    /** Configures a {@link FakeCloud}. Not thread-safe; each {@link #build()} or {@link #start()} makes a new cloud. */
    public static final class Builder {
        private static final class UserSpec {
            final String name;
            final String password;
            final String projectName;
            final boolean admin;

            UserSpec(String name, String password, String projectName, boolean admin) {
                this.name = name;
                this.password = password;
                this.projectName = projectName;
                this.admin = admin;
            }
        }

        private static final class ImageSpec {
            final String name;
            final String status;

            ImageSpec(String name, String status) {
                this.name = name;
                this.status = status;
            }
        }

        private Microversion maxMicroversion = ComputeService.MAX_SUPPORTED;
        private Microversion minMicroversion = ComputeService.MIN_SUPPORTED;
        private FakeClock clock;
        private boolean instantBoot;
        private boolean instantDelete;
        private Duration stepDuration = Duration.ofSeconds(1);
        private Duration deletedReadableFor = Duration.ofSeconds(4);
        private Duration tokenLifetime = Duration.ofHours(1);
        private boolean keystoneV2;
        private String region = "RegionOne";
        private int quotaInstances = 10;
        private int quotaCores = 20;
        private int quotaRamMb = 51200;
        private final List<UserSpec> users = new ArrayList<>();
        private final Map<String, Flavor> flavors = new LinkedHashMap<>();
        private final List<ImageSpec> images = new ArrayList<>();
        private String host = "127.0.0.1";
        private int port;
        private Seed seed;
        private boolean adminEndpoint;

        private Builder() {
            users.add(new UserSpec("admin", "secretadmin", "admin", true));
            users.add(new UserSpec("demo", "secretdemo", "demo", false));
            flavor("1", "m1.tiny", 512, 1, 1, 0);
            flavor("2", "m1.small", 2048, 1, 20, 0);
            flavor("3", "m1.medium", 4096, 2, 40, 0);
            images.add(new ImageSpec("cirros", "active"));
        }

        /**
         * The highest compute microversion ({@code "2.93"} by default, like the lab). Requests above it get
         * Nova's 406. The emulator models Nova up to 2.93.
         *
         * @throws IllegalArgumentException for a malformed version or one outside 2.1-2.93
         */
        public Builder maxMicroversion(String version) {
            this.maxMicroversion = parse(version, "maxMicroversion");
            return this;
        }

        /**
         * The lowest compute microversion (2.1 by default, as in every Nova); raise it to test a client
         * against a cloud that dropped old versions.
         */
        public Builder minMicroversion(String version) {
            this.minMicroversion = parse(version, "minMicroversion");
            return this;
        }

        private static Microversion parse(String version, String what) {
            Objects.requireNonNull(version, what);
            java.util.regex.Matcher m = VERSION.matcher(version.trim());
            if (!m.matches() || !m.group(1).equals("2")) {
                throw new IllegalArgumentException(what + " must look like 2.NN, got " + version);
            }
            Microversion v = Microversion.of(2, Integer.parseInt(m.group(2)));
            if (v.compareTo(ComputeService.MIN_SUPPORTED) < 0 || v.compareTo(ComputeService.MAX_SUPPORTED) > 0) {
                throw new IllegalArgumentException(
                        what + " must be within 2.1-2.93 (what FakeCloud models), got " + version);
            }
            return v;
        }

        /** The clock (a new {@link FakeClock#manual()} by default, which stands still until advanced). */
        public Builder clock(FakeClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Boot servers straight to ACTIVE instead of stepping through the build task states. */
        public Builder instantBoot(boolean instantBoot) {
            this.instantBoot = instantBoot;
            return this;
        }

        /** Remove deleted servers at once instead of stepping through {@code deleting} and DELETED. */
        public Builder instantDelete(boolean instantDelete) {
            this.instantDelete = instantDelete;
            return this;
        }

        /**
         * How long each lifecycle step takes on the cloud's clock (1 s by default): a boot takes four steps
         * (scheduling, networking, block_device_mapping, spawning), a delete two, stop/start/reboot one.
         */
        public Builder stepDuration(Duration stepDuration) {
            Objects.requireNonNull(stepDuration, "stepDuration");
            if (stepDuration.isNegative()) {
                throw new IllegalArgumentException("stepDuration must not be negative: " + stepDuration);
            }
            this.stepDuration = stepDuration;
            return this;
        }

        /**
         * How long a deleted server stays readable as {@code DELETED}, still counted against the instance
         * quota, before it answers 404 (4 s by default: the lab's Nova shows 3-5 s). Not used with
         * {@link #instantDelete(boolean)}.
         */
        public Builder deletedReadableFor(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("deletedReadableFor must not be negative: " + duration);
            }
            this.deletedReadableFor = duration;
            return this;
        }

        /** How long a token lives (1 h by default, like Keystone's). */
        public Builder tokenLifetime(Duration tokenLifetime) {
            Objects.requireNonNull(tokenLifetime, "tokenLifetime");
            if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive: " + tokenLifetime);
            }
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** Also offer Keystone v2.0 ({@code POST /v2.0/tokens}), which Zed and later no longer have. */
        public Builder keystoneV2(boolean keystoneV2) {
            this.keystoneV2 = keystoneV2;
            return this;
        }

        /** The catalog's region ({@code RegionOne} by default). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Adds a user in domain Default with a role on {@code projectName} (created when new): admin (with
         * member and reader) when {@code admin}, else member and reader. The default user stays
         * {@code admin}.
         */
        public Builder user(String name, String password, String projectName, boolean admin) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(projectName, "projectName");
            users.add(new UserSpec(name, password, projectName, admin));
            return this;
        }

        /**
         * Adds a public flavor, or replaces the one with this id. Defaults are the lab's {@code m1.tiny}
         * (id 1, swap 0), {@code m1.small} (2) and {@code m1.medium} (3).
         */
        public Builder flavor(String id, String name, int ramMb, int vcpus, int diskGb, int swapMb) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            flavors.put(
                    id, new Flavor(id, name, ramMb, vcpus, diskGb, swapMb, 0, true, null, new LinkedHashMap<>(), 1.0));
            return this;
        }

        /** Adds a public image with a Glance status, next to the default {@code cirros} (active). */
        public Builder image(String name, String status) {
            images.add(new ImageSpec(
                    Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(status, "status").toLowerCase(Locale.ROOT)));
            return this;
        }

        /** Per-project compute quota (Nova's defaults: 10 instances, 20 cores, 51200 MB of RAM). */
        public Builder quota(int instances, int cores, int ramMb) {
            this.quotaInstances = instances;
            this.quotaCores = cores;
            this.quotaRamMb = ramMb;
            return this;
        }

        /**
         * The address to listen on: {@code 127.0.0.1} by default; a name or IP literal of this machine, or
         * {@code 0.0.0.0} for every interface (the URLs then name {@code 127.0.0.1}).
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host.trim();
            return this;
        }

        /**
         * A fixed port to listen on, for a cloud that other programs find by a known URL; 0 (the default) takes
         * a free port, which is what tests should use. A port in use makes {@link #build()} fail.
         *
         * @throws IllegalArgumentException outside 0-65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Takes the cloud's contents from a seed file (YAML or JSON) instead of the built-in users, flavors and
         * images: projects, roles, users and their roles, flavors, images, keypairs, quotas and the region. The
         * file is read and checked now. {@link #labSeed()} is the bundled example; its text documents the
         * format. Users, flavors and images added to this builder are ignored when a seed is set.
         *
         * @throws IllegalArgumentException when the file is malformed or inconsistent (the message names the
         *     entry, never quotes the file)
         * @throws java.io.UncheckedIOException when the file cannot be read
         */
        public Builder seed(java.nio.file.Path file) {
            Objects.requireNonNull(file, "file");
            return seed(Seed.read(file));
        }

        /**
         * Seeds the cloud with the lab's contents, as the bundled {@code default-seed.yaml} lists them: projects
         * admin, demo and service; users admin, demo and the service users nova, glance and placement; roles
         * admin, member, reader and service; flavors m1.tiny, m1.small, m1.medium; image cirros; keypair
         * lab-key for admin and demo; the default quota.
         */
        public Builder labSeed() {
            return seed(Seed.lab());
        }

        private Builder seed(Seed s) {
            this.seed = s;
            if (s.region != null) {
                this.region = s.region;
            }
            if (s.quota != null) {
                quota(s.quota[0], s.quota[1], s.quota[2]);
            }
            return this;
        }

        /**
         * Serves the fault-injection endpoint under {@code /_fake} on the cloud's port, to loopback clients
         * only (off by default): fail or slow the next requests, expire tokens, advance the clock, force a
         * server into ERROR over HTTP. See the module README.
         */
        public Builder adminEndpoint(boolean enabled) {
            this.adminEndpoint = enabled;
            return this;
        }

        /**
         * A new cloud bound to its port (a free loopback port unless {@link #port(int)}/{@link #host(String)}
         * say otherwise), not yet answering: call {@link FakeCloud#start()}. Useful when the URLs are needed
         * before requests may arrive.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound (for example, it is in use)
         */
        public FakeCloud build() {
            if (minMicroversion.compareTo(maxMicroversion) > 0) {
                throw new IllegalStateException("minMicroversion is above maxMicroversion");
            }
            return new FakeCloud(this);
        }

        /** Builds a new cloud and starts it. */
        public FakeCloud start() {
            return build().start();
        }
    }
}
