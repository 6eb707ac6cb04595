package dev.novasdk.core.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An adversarial HTTP/1.1 server on a raw socket: it reads each request properly, then answers with whatever
 * its {@link Script} writes, broken responses included (resets, garbage, truncated or trickled bodies,
 * oversized headers). It listens on 127.0.0.1 with an ephemeral port, serves each connection on its own
 * daemon thread, closes the connection after every answer, and bounds everything it does in time, so a
 * client that never gives up cannot hang the test run.
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start(x -> x.respond(503, "Retry-After: 0", "busy"))) {
 *     transport.execute(HttpRequest.get(server.uri("/v2.1/servers")));
 *     assertEquals(1, server.requests());
 * }
 * }</pre>
 */
public final class FaultServer implements AutoCloseable {
    /** The longest any connection lives, whatever the script does. */
    private static final Duration MAX_CONNECTION_LIFETIME = Duration.ofSeconds(20);

    private static final int MAX_REQUEST_HEAD = 1024 * 1024;

    private final ServerSocket listener;
    private final Script script;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requestCount = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Closeable> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** How the server answers one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * Writes the answer; the connection is closed afterwards. An {@link IOException} (the client went away)
         * only ends the exchange.
         */
        void answer(Exchange exchange) throws IOException;
    }

    private FaultServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        open.add(listener);
        Thread acceptor = new Thread(this::acceptLoop, "fault-server-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    /** A running server that answers every request with {@code script}. */
    public static FaultServer start(Script script) {
        try {
            return new FaultServer(script);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback server socket", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** An absolute URI on this server. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** How many requests the server read completely (head and body), whatever it answered. */
    public int requests() {
        return requestCount.get();
    }

    /** The requests read so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Stops accepting, breaks every open connection and waits briefly for the server's threads. */
    @Override
    public void close() {
        closed.countDown();
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Already broken; closing is all that is wanted.
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acceptLoop() {
        while (closed.getCount() > 0) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            Thread handler = new Thread(() -> serve(socket), "fault-server-conn-" + port());
            handler.setDaemon(true);
            threads.add(handler);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) MAX_CONNECTION_LIFETIME.toMillis());
            socket.setTcpNoDelay(true);
            Received request = readRequest(socket.getInputStream());
            if (request == null) {
                return;
            }
            received.add(request);
            int index = requestCount.incrementAndGet();
            script.answer(new Exchange(socket, request, index));
        } catch (IOException e) {
            // The client went away or the server was closed: the exchange is over either way.
        } finally {
            open.remove(socket);
        }
    }

    private static Received readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (head.size() > MAX_REQUEST_HEAD) {
                throw new IOException("request head too long");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        List<String> length = headers.getOrDefault("Content-Length", List.of("0"));
        byte[] body = in.readNBytes(Integer.parseInt(length.get(0)));
        return new Received(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers, body);
    }

    /** A request as the server read it. */
    public static final class Received {
        private final String method;
        private final String target;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        Received(String method, String target, Map<String, List<String>> headers, byte[] body) {
            this.method = method;
            this.target = target;
            this.headers = Collections.unmodifiableMap(headers);
            this.body = body;
        }

        /** The method, as sent. */
        public String method() {
            return method;
        }

        /** The request target: path and query. */
        public String target() {
            return target;
        }

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    /** One request and the connection to answer it on; used by a single server thread. */
    public final class Exchange {
        private final Socket socket;
        private final OutputStream out;
        private final Received request;
        private final int index;

        Exchange(Socket socket, Received request, int index) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.request = request;
            this.index = index;
        }

        /** The request being answered. */
        public Received request() {
            return request;
        }

        /** The request's 1-based position among all requests this server read. */
        public int index() {
            return index;
        }

        /** Writes raw bytes at once. */
        public Exchange write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /** Writes text as UTF-8 at once (a head is ASCII, a body may not be); spell line ends as {@code \r\n}. */
        public Exchange write(String text) throws IOException {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A well-formed response with {@code Content-Length} and {@code Connection: close}.
         *
         * @param headerLines extra header lines without line ends, such as {@code "Retry-After: 0"}
         */
        public void respond(int status, String body, String... headerLines) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 ")
                    .append(status)
                    .append(' ')
                    .append(reason(status))
                    .append("\r\n");
            for (String h : headerLines) {
                head.append(h).append("\r\n");
            }
            head.append("Content-Length: ").append(b.length).append("\r\nConnection: close\r\n\r\n");
            write(head.toString());
            write(b);
        }

        /**
         * Writes {@code data} in pieces of {@code piece} bytes with {@code gap} between them, the pace of a
         * slow or hostile peer. Stops early, without error, when the client or the server closes.
         */
        public void trickle(byte[] data, int piece, Duration gap) throws IOException {
            for (int off = 0; off < data.length; off += piece) {
                write(java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + piece)));
                if (pause(gap)) {
                    return;
                }
            }
        }

        /** {@link #trickle(byte[], int, Duration)} of UTF-8 text. */
        public void trickle(String text, int piece, Duration gap) throws IOException {
            trickle(text.getBytes(StandardCharsets.UTF_8), piece, gap);
        }

        /**
         * Writes {@code count} header-sized lines of {@code lineLength} bytes as fast as the client reads them;
         * stops when the client hangs up.
         */
        public void floodHeaderLines(int count, int lineLength) throws IOException {
            byte[] line = ("X-Flood: " + "f".repeat(Math.max(0, lineLength - 11)) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < count && closed.getCount() > 0; i++) {
                out.write(line);
            }
            out.flush();
        }

        /** Sends nothing more and waits until the client hangs up or the server closes. */
        public void stall() throws IOException {
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // A client that keeps sending is still waiting; only its hang-up ends the stall.
                }
            } catch (SocketException clientGone) {
                // Reset by the client or closed by the server.
            }
        }

        /** Aborts the connection with a TCP reset instead of a close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        // Waits out the gap unless the server closes first; true when it did.
        private boolean pause(Duration gap) {
            try {
                return closed.await(gap.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 202:
                return "Accepted";
            case 413:
                return "Request Entity Too Large";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status " + status;
        }
    }

    @Override
    public String toString() {
        return "FaultServer{port=" + port() + ", requests=" + requests() + "}";
    }
}
