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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Nova on 127.0.0.1 and an ephemeral port, answering from prebuilt byte arrays so that the server
 * costs as little as possible and the same for every client: {@code GET /v2.1} (version document),
 * {@code GET /v2.1/servers/{id}} and {@code GET /v2.1/servers/detail?limit=..[&marker=..]}. Requests without
 * the fixture token get 401, unknown paths 404. The server runs on its own threads, so the calling thread's
 * CPU time is the client's alone.
 */
final class LoopbackNova implements AutoCloseable {
    static {
        // The JDK server otherwise leaves Nagle's algorithm on: its header and body writes can then wait for
        // the client's delayed ACK, adding tens of milliseconds of idle time to a call. Read once, when the
        // server classes load, so it is set here rather than per instance.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String REQUEST_ID = "req-4f1d2c7e-8a5b-4e0f-9c3d-2b6a1e7f0d95";
    private static final byte[] NOT_FOUND =
            "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance could not be found.\"}}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED =
            "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final byte[] versionDocument;
    private final byte[] serverDocument;
    private final List<byte[]> pages;
    private final Map<String, byte[]> pageAfterMarker = new HashMap<>();

    private LoopbackNova(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2.1");
        this.versionDocument = Fixtures.versionDocument();
        this.serverDocument = Fixtures.serverDocument();
        this.pages = Fixtures.serverListPages(endpoint.toString());
        for (int p = 1; p < pages.size(); p++) {
            pageAfterMarker.put(Fixtures.listedServerId(p * Fixtures.PAGE_SIZE - 1), pages.get(p));
        }
    }

    /** Starts a server with {@code threads} handler threads (daemons, so a forgotten close never hangs a JVM). */
    static LoopbackNova start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-nova-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(executor);
            LoopbackNova nova = new LoopbackNova(server, executor);
            server.createContext("/", nova::handle);
            server.start();
            return nova;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /** The compute endpoint, as a catalog would give it: {@code http://127.0.0.1:<port>/v2.1}. */
    URI endpoint() {
        return endpoint;
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
            if (!Fixtures.TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
                respond(exchange, 401, UNAUTHORIZED);
                return;
            }
            byte[] document = route(exchange.getRequestMethod(), exchange.getRequestURI());
            respond(exchange, document == null ? 404 : 200, document == null ? NOT_FOUND : document);
        }
    }

    private byte[] route(String method, URI uri) {
        if (!method.equals("GET")) {
            return null;
        }
        String path = uri.getRawPath();
        if (path.equals("/v2.1") || path.equals("/v2.1/")) {
            return versionDocument;
        }
        if (path.equals("/v2.1/servers/detail")) {
            String marker = queryValue(uri.getRawQuery(), "marker");
            return marker == null ? pages.get(0) : pageAfterMarker.get(marker);
        }
        if (path.equals("/v2.1/servers/" + Fixtures.SERVER_ID)) {
            return serverDocument;
        }
        return null;
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
        h.set("OpenStack-API-Version", "compute " + Fixtures.MICROVERSION);
        h.set("X-OpenStack-Nova-API-Version", Fixtures.MICROVERSION);
        h.set("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        h.set("X-Openstack-Request-Id", REQUEST_ID);
        h.set("X-Compute-Request-Id", REQUEST_ID);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
