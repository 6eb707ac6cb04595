package dev.novasdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AsyncHttpTransport} must show. Every test of {@link HttpTransportContractTest}
 * runs against the async transport through {@link #blocking}, which waits for the future and rethrows its
 * {@link IOException}, so both SPIs keep one contract; the tests here add what only an async transport can
 * get wrong: blocking the caller, cancellation, failures delivered through the future, and threads.
 *
 * <p>A transport's test extends this class and implements the factories; shipped in the sdk-core test-jar.
 */
public abstract class AsyncHttpTransportContractTest extends HttpTransportContractTest {
    /** How long a test waits for a future that must complete; only reached when the transport is broken. */
    private static final long WAIT_SECONDS = 30;

    /**
     * How long a test waits for the server to see a connection closed by the client: far below the response
     * timeout of {@code patientTransport()}, so only an aborted exchange closes it in time.
     */
    private static final long HANG_UP_SECONDS = 30;

    /**
     * Whether an aborted exchange (cancelled, or past its deadline) always closes its connection at once. A
     * transport that answers false still fails the future at once and stays usable; its connection may stay
     * open until the response timeout closes it.
     */
    protected boolean abortAlwaysClosesConnection() {
        return true;
    }

    private void assertHungUp(CountDownLatch hungUp, String after) throws InterruptedException {
        boolean closed = hungUp.await(abortAlwaysClosesConnection() ? HANG_UP_SECONDS : 1, TimeUnit.SECONDS);
        if (abortAlwaysClosesConnection()) {
            assertTrue(closed, "the connection stayed open after " + after);
        }
    }

    /** A new transport with these timeouts and otherwise default settings; closed by its user. */
    protected abstract AsyncHttpTransport newAsyncTransport(Duration connectTimeout, Duration responseTimeout);

    /** A new transport reading response bodies of at most {@code bytes}. */
    protected abstract AsyncHttpTransport newAsyncTransportWithMaxResponseSize(int bytes);

    /** A new transport accepting at most {@code count} response header fields of {@code bytes} in all. */
    protected abstract AsyncHttpTransport newAsyncTransportWithHeaderLimits(int count, int bytes);

    /**
     * A new transport running its exchanges on {@code ioThreads} threads, allowed at least {@code connections}
     * connections to one server.
     */
    protected abstract AsyncHttpTransport newAsyncTransportWithIoThreads(int ioThreads, int connections);

    /** The name prefix of every thread the transport starts itself, all of which {@code close()} must end. */
    protected abstract String threadNamePrefix();

    /**
     * Whether {@code thread} serves a transport of this kind, counted against the I/O thread budget: by default
     * the threads named with {@link #threadNamePrefix()}; a transport over a client that starts threads of its
     * own adds them.
     */
    protected boolean isTransportThread(Thread thread) {
        return thread.getName().startsWith(threadNamePrefix());
    }

    @Override
    protected final HttpTransport newTransport(Duration connectTimeout, Duration responseTimeout) {
        return blocking(newAsyncTransport(connectTimeout, responseTimeout));
    }

    @Override
    protected final HttpTransport newTransportWithMaxResponseSize(int bytes) {
        return blocking(newAsyncTransportWithMaxResponseSize(bytes));
    }

    @Override
    protected final HttpTransport newTransportWithHeaderLimits(int count, int bytes) {
        return blocking(newAsyncTransportWithHeaderLimits(count, bytes));
    }

    /**
     * The async transport as a blocking one: it waits for the future and rethrows the {@link IOException} it
     * failed with. A future failing with anything else breaks the contract and fails the test.
     */
    public static HttpTransport blocking(AsyncHttpTransport async) {
        return new Blocking(async);
    }

    /** The async transport of the current test, opened and closed by the suite. */
    protected final AsyncHttpTransport asyncTransport() {
        return ((Blocking) transport()).async;
    }

    @Test
    void executeAsync_serverHoldsResponse_returnsIncompleteFutureAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // Bounded, so a transport that blocks the caller until the response fails the test instead of hanging.
        try (FaultServer server = FaultServer.start(x -> {
            await(release);
            x.respond(200, "answered");
        })) {
            CompletableFuture<HttpResponse> future = asyncTransport().executeAsync(HttpRequest.get(server.uri("/x")));

            assertFalse(future.isDone(), "executeAsync waited for the response");
            release.countDown();
            assertEquals("answered", future.get(WAIT_SECONDS, TimeUnit.SECONDS).bodyAsString());
        }
    }

    @Test
    void executeAsync_closedPort_failsFutureWithConnectFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        CompletableFuture<HttpResponse> future =
                asyncTransport().executeAsync(HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/v3")));

        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        IOException failure = assertInstanceOf(IOException.class, e.getCause());
        assertEquals(
                TransportException.Kind.CONNECT_FAILED, TransportException.classify(failure), () -> describe(failure));
        // Dependent stages see the same exception, wrapped as CompletableFuture wraps it.
        CompletionException chained =
                assertThrows(CompletionException.class, () -> future.thenApply(HttpResponse::statusCode)
                        .join());
        assertSame(failure, chained.getCause());
    }

    @Test
    void cancel_whileBodyArrives_closesConnectionAndTransportStaysUsable() throws Exception {
        CountDownLatch headSent = new CountDownLatch(1);
        CountDownLatch hungUp = new CountDownLatch(1);
        try (FaultServer server = FaultServer.start(x -> {
                    if (x.index() > 1) {
                        x.respond(200, "next");
                        return;
                    }
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello");
                    headSent.countDown();
                    x.stall();
                    hungUp.countDown();
                });
                AsyncHttpTransport patient = patientTransport()) {
            CompletableFuture<HttpResponse> future = patient.executeAsync(HttpRequest.get(server.uri("/x")));
            assertTrue(headSent.await(WAIT_SECONDS, TimeUnit.SECONDS), "the request never reached the server");

            assertTrue(future.cancel(true));

            assertHungUp(hungUp, "cancel");
            assertThrows(CancellationException.class, future::join);
            assertEquals(
                    "next",
                    patient.executeAsync(HttpRequest.get(server.uri("/y")))
                            .get(WAIT_SECONDS, TimeUnit.SECONDS)
                            .bodyAsString());
        }
    }

    @Test
    void cancel_beforeResponseHead_closesConnection() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch hungUp = new CountDownLatch(1);
        try (FaultServer server = FaultServer.start(x -> {
                    received.countDown();
                    x.stall();
                    hungUp.countDown();
                });
                AsyncHttpTransport patient = patientTransport()) {
            CompletableFuture<HttpResponse> future = patient.executeAsync(HttpRequest.get(server.uri("/x")));
            assertTrue(received.await(WAIT_SECONDS, TimeUnit.SECONDS), "the request never reached the server");

            assertTrue(future.cancel(true));

            assertHungUp(hungUp, "cancel");
            assertTrue(future.isCancelled());
        }
    }

    @Test
    void executeAsync_deadlinePassesMidBody_failsWithDeadlineExceededAndDropsConnection() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello");
                    x.stall();
                    hungUp.countDown();
                });
                AsyncHttpTransport patient = patientTransport()) {
            HttpRequest request = HttpRequest.get(server.uri("/x"))
                    .withAttribute(Deadline.ATTRIBUTE, Deadline.after(Duration.ofMillis(300)));

            CompletableFuture<HttpResponse> future = patient.executeAsync(request);

            ExecutionException e =
                    assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(DeadlineExceededException.class, e.getCause(), () -> describe(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("body"), e.getCause()::getMessage);
            assertHungUp(hungUp, "the deadline");
        }
    }

    @Test
    void executeAsync_bodyOverMaxResponseSize_failsWithResponseTooLarge() throws Exception {
        try (FaultServer server = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n");
                    x.write(randomBytes(2048, 9));
                });
                AsyncHttpTransport capped = newAsyncTransportWithMaxResponseSize(1024)) {
            CompletableFuture<HttpResponse> future = capped.executeAsync(HttpRequest.get(server.uri("/x")));

            ExecutionException e =
                    assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(ResponseTooLargeException.class, e.getCause(), () -> describe(e.getCause()));
        }
    }

    @Test
    void executeAsync_200ConcurrentRequestsOnTwoIoThreads_useNoThreadPerRequest() throws Exception {
        int ioThreads = 2;
        int requests = 200;
        SERVER.stubFor(get(urlPathMatching("/c/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(50)));
        warmUp();
        int before = transportThreads();
        AtomicInteger peak = new AtomicInteger(before);
        try (AsyncHttpTransport few = newAsyncTransportWithIoThreads(ioThreads, 64)) {
            List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                // With a deadline, as the SDK's RetryFilter sends every request: its timer thread counts too.
                HttpRequest request =
                        HttpRequest.get(uri("/c/" + i)).withAttribute(Deadline.ATTRIBUTE, Deadline.after(TIMEOUT));
                futures.add(few.executeAsync(request)
                        .whenComplete((r, e) -> peak.accumulateAndGet(transportThreads(), Math::max)));
            }
            peak.accumulateAndGet(transportThreads(), Math::max);

            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);

            for (CompletableFuture<HttpResponse> f : futures) {
                assertEquals("ok", f.join().bodyAsString());
            }
        }
        int used = peak.get() - before;
        // The I/O threads, plus the deadline timer and at most two threads the transport or its client keeps
        // for itself (a name lookup thread, a selector or reactor thread).
        int allowed = ioThreads + 3;
        System.out.printf(
                "%s: %d concurrent requests on %d I/O threads used at most %d transport threads%n",
                getClass().getSimpleName(), requests, ioThreads, used);
        assertTrue(used <= allowed, used + " transport threads for " + requests + " requests, allowed " + allowed);
    }

    @Test
    void close_endsEveryThreadTheTransportStarted() throws Exception {
        warmUp();
        Set<Thread> before = new HashSet<>(liveThreads());
        AsyncHttpTransport closing = newAsyncTransportWithIoThreads(2, 16);
        // A deadline starts the timer thread, so it is among the threads that must end.
        closing.executeAsync(
                        HttpRequest.get(uri("/c/close")).withAttribute(Deadline.ATTRIBUTE, Deadline.after(TIMEOUT)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<Thread> started = liveThreads().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith(threadNamePrefix()))
                .collect(Collectors.toList());
        assertFalse(started.isEmpty(), "no thread named " + threadNamePrefix() + "* found");

        closing.close();

        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertFalse(t.isAlive(), t.getName() + " still runs after close()");
        }
    }

    @Test
    void executeAsync_afterClose_failsFutureWithIOException() throws Exception {
        AsyncHttpTransport closed = newAsyncTransport(TIMEOUT, TIMEOUT);
        closed.close();

        CompletableFuture<HttpResponse> future = closed.executeAsync(HttpRequest.get(uri("/c/late")));

        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause(), () -> describe(e.getCause()));
    }

    // A transport whose response timeout never closes a connection during a test.
    private AsyncHttpTransport patientTransport() {
        return newAsyncTransport(TIMEOUT, Duration.ofMinutes(5));
    }

    // Starts every thread of the suite's own transport, which some clients start lazily on first use, so that
    // they are not taken for threads of the transport under test.
    private void warmUp() throws Exception {
        asyncTransport().executeAsync(HttpRequest.get(uri("/c/warm-up"))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private int transportThreads() {
        int n = 0;
        for (Thread t : liveThreads()) {
            if (isTransportThread(t)) {
                n++;
            }
        }
        return n;
    }

    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 32];
        int n = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, n);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS / 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Blocking implements HttpTransport {
        private final AsyncHttpTransport async;

        Blocking(AsyncHttpTransport async) {
            this.async = async;
        }

        @Override
        public HttpResponse execute(HttpRequest request) throws IOException {
            CompletableFuture<HttpResponse> future = async.executeAsync(request);
            try {
                // Bounded: a future that never completes is a broken transport, not a slow test.
                return future.get(2 * WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new AssertionError("the future of " + request + " never completed", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException) {
                    throw (IOException) e.getCause();
                }
                throw new AssertionError("the future failed with " + e.getCause() + ", not an IOException", e);
            }
        }

        @Override
        public void close() {
            async.close();
        }
    }
}
