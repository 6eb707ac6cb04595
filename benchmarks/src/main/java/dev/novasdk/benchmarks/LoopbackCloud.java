package dev.novasdk.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Keystone and Nova on 127.0.0.1 and an ephemeral port, answering from prebuilt byte arrays so that
 * the server costs as little as possible and the same for every client:
 *
 * <ul>
 *   <li>{@code POST /v3/auth/tokens}: 201, {@code X-Subject-Token} and {@link Fixtures#tokenDocument} (any
 *       credentials are accepted; the body is read and dropped);
 *   <li>{@code GET /v2.1}: the version document;
 *   <li>{@code GET /v2.1/servers/{id}}: the sample server, for its id only;
 *   <li>{@code GET /v2.1/servers/detail?limit=..[&marker=..]}: a page of {@link ServerListing};
 *   <li>{@code POST /v2.1/servers}: 202 and the sample create response.
 * </ul>
 *
 * Nova's paths without the fixture token get 401, unknown paths 404. Responses carry Nova's and Keystone's
 * headers (microversion, request ids) and a {@code Content-Length}, as the uwsgi-served services send them.
 * The server runs on its own threads ({@link #isServerThread}), so that a measurement can tell its CPU from
 * the client's when both share a JVM.
 */
final class LoopbackCloud implements AutoCloseable {
    static {
        // The JDK server otherwise leaves Nagle's algorithm on: its header and body writes can then wait for
        // the client's delayed ACK, adding tens of milliseconds of idle time to a call. Read once, when the
        // server classes load, so it is set here rather than per instance.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String THREAD_PREFIX = "loopback-cloud-";
    // The JDK server's selector thread, which accepts connections and hands requests to the executor.
    private static final String DISPATCHER_THREAD = "HTTP-Dispatcher";
    private static final String REQUEST_ID = "req-4f1d2c7e-8a5b-4e0f-9c3d-2b6a1e7f0d95";
    private static final byte[] NOT_FOUND =
            "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance could not be found.\"}}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED =
            "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;
    private final URI computeEndpoint;
    private final byte[] versionDocument;
    private final byte[] serverDocument;
    private final byte[] createdServerDocument;
    private final byte[] tokenDocument;
    private final ServerListing listing;

    private LoopbackCloud(HttpServer server, ExecutorService executor, int listedServers) {
        this.server = server;
        this.executor = executor;
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.computeEndpoint = URI.create(base + "/v2.1");
        this.versionDocument = Fixtures.versionDocument();
        this.serverDocument = Fixtures.serverDocument();
        this.createdServerDocument = Fixtures.createdServerDocument();
        this.tokenDocument = Fixtures.tokenDocument(base.toString(), Instant.now());
        this.listing = new ServerListing(listedServers);
    }

    /**
     * Starts a cloud with {@code threads} handler threads (daemons, so a forgotten close never hangs a JVM)
     * whose server listing holds {@code listedServers} servers.
     */
    static LoopbackCloud start(int threads, int listedServers) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            server.setExecutor(executor);
            LoopbackCloud cloud = new LoopbackCloud(server, executor, listedServers);
            server.createContext("/", cloud::handle);
            server.start();
            return cloud;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /** Whether the thread named {@code threadName} is one of a loopback server's threads (its handlers or the JDK server's dispatcher). */
    static boolean isServerThread(String threadName) {
        return threadName.startsWith(THREAD_PREFIX) || threadName.startsWith(DISPATCHER_THREAD);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    URI base() {
        return base;
    }

    /** The identity endpoint as an {@code OS_AUTH_URL}: {@code http://127.0.0.1:<port>/v3}. */
    URI identityEndpoint() {
        return identityEndpoint(base);
    }

    /** The identity endpoint of a cloud at {@code base}. */
    static URI identityEndpoint(URI base) {
        return URI.create(base + "/v3");
    }

    /** The compute endpoint, as the catalog gives it: {@code http://127.0.0.1:<port>/v2.1}. */
    URI computeEndpoint() {
        return computeEndpoint;
    }

    /** How many servers {@code GET /servers/detail} lists, over all pages. */
    int listedServers() {
        return listing.total();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            if (path.equals("/v3/auth/tokens") && method.equals("POST")) {
                exchange.getResponseHeaders().set("X-Subject-Token", Fixtures.TOKEN);
                exchange.getResponseHeaders().set("Vary", "X-Auth-Token");
                respond(exchange, 201, tokenDocument);
                return;
            }
            setNovaHeaders(exchange.getResponseHeaders());
            if (!Fixtures.TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
                respond(exchange, 401, UNAUTHORIZED);
                return;
            }
            if (path.equals("/v2.1/servers") && method.equals("POST")) {
                exchange.getResponseHeaders().set("Location", computeEndpoint + "/servers/" + Fixtures.SERVER_ID);
                respond(exchange, 202, createdServerDocument);
                return;
            }
            byte[] document = method.equals("GET") ? route(path, uri.getRawQuery()) : null;
            respond(exchange, document == null ? 404 : 200, document == null ? NOT_FOUND : document);
        }
    }

    private byte[] route(String path, String query) {
        if (path.equals("/v2.1") || path.equals("/v2.1/")) {
            return versionDocument;
        }
        if (path.equals("/v2.1/servers/detail")) {
            String limit = queryValue(query, "limit");
            return listing.page(
                    computeEndpoint.toString(),
                    limit == null ? ServerListing.MAX_LIMIT : Integer.parseInt(limit),
                    queryValue(query, "marker"));
        }
        if (path.equals("/v2.1/servers/" + Fixtures.SERVER_ID)) {
            return serverDocument;
        }
        return null;
    }

    private static void setNovaHeaders(Headers h) {
        h.set("OpenStack-API-Version", "compute " + Fixtures.MICROVERSION);
        h.set("X-OpenStack-Nova-API-Version", Fixtures.MICROVERSION);
        h.set("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        h.set("X-Compute-Request-Id", REQUEST_ID);
    }

    private static String queryValue(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("X-Openstack-Request-Id", REQUEST_ID);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
