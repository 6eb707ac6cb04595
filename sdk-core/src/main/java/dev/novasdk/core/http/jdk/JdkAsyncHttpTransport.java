package dev.novasdk.core.http.jdk;

import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.DeadlineExceededException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.ResponseTooLargeException;
import dev.novasdk.core.internal.DaemonThreads;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The non-blocking transport on the JDK's {@link HttpClient#sendAsync}, for applications that avoid the Apache
 * HttpClient dependency. It shares {@link JdkHttpTransport}'s message translation, limits and their
 * differences from the Apache transports (HTTP/1.1 only, no reason phrases, lower-case header names, the head
 * checked once parsed, a GET or HEAD broken before its first response byte resent once by the JDK).
 *
 * <p>A request's {@link Deadline} and the response timeout during the body are watched by one timer thread
 * that aborts the exchange when either passes; cancelling the returned future aborts it too (the connection
 * is closed). Bodies are collected through a subscriber that fails with {@link ResponseTooLargeException} and
 * cancels the subscription, closing the connection, as soon as the limit is passed.
 *
 * <p>Threads: the client's tasks and the completion of the futures run on a fixed pool of
 * {@link Builder#threads} daemon threads named {@code nova-jdk-async-N}; the timer is one daemon thread named
 * {@code nova-jdk-async-timer}, started with the first exchange; the JDK adds one selector thread per client
 * ({@code HttpClient-N-SelectorManager}). {@link #close()} ends the pool and the timer; on Java 21 and later it
 * closes the client and its selector thread too, on Java 17 those end when the client is garbage collected.
 * Code chained to the futures with the non-{@code Async} methods of {@link CompletableFuture} runs on the
 * pool and must not block.
 *
 * <p>Thread-safe: share one instance and {@link #close()} it once at the end.
 */
public final class JdkAsyncHttpTransport implements AsyncHttpTransport {
    private final HttpClient client;
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor timer = DaemonThreads.timer("nova-jdk-async-timer");
    private final Duration responseTimeout;
    private final int maxResponseSize;
    private final int maxResponseHeaderCount;
    private final int maxResponseHeaderSize;
    // Exchanges not yet complete, so close() can fail them: on Java 17 the client itself cannot be closed.
    private final Set<CompletableFuture<HttpResponse>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private JdkAsyncHttpTransport(JdkHttpTransport.Builder settings, HttpClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
        this.responseTimeout = settings.responseTimeout();
        this.maxResponseSize = settings.maxResponseSize();
        this.maxResponseHeaderCount = settings.maxResponseHeaderCount();
        this.maxResponseHeaderSize = settings.maxResponseHeaderSize();
    }

    /** A transport with the defaults of {@link Builder}. */
    public static JdkAsyncHttpTransport create() {
        return builder().build();
    }

    /** A builder for a transport with non-default threads, timeouts, TLS or proxy. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the exchange and returns at once. The future fails with {@link DeadlineExceededException} when the
     * request's deadline passes first, {@link java.net.SocketTimeoutException} when the server is silent for the
     * response timeout, {@link ResponseTooLargeException} when the body or the headers exceed the configured
     * limits, or another {@link IOException} when no complete, well-formed response arrived.
     */
    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        Deadline deadline = request.attribute(Deadline.ATTRIBUTE).orElse(null);
        if (deadline != null && deadline.isExpired()) {
            return CompletableFuture.failedFuture(deadline.exceeded("before the request was sent"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the transport is closed"));
        }
        BodyReader body =
                new BodyReader(request.method(), maxResponseSize, maxResponseHeaderCount, maxResponseHeaderSize);
        CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(JdkHttpTransport.toJdkRequest(request, responseTimeout), body);
        } catch (IllegalArgumentException | RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IOException("cannot send the request: " + e.getMessage(), e));
        }
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        Watch watch = new Watch(result, body, deadline);
        running.add(result);
        result.whenComplete((response, failure) -> {
            running.remove(result);
            watch.stop();
            if (failure != null) {
                // Cancelled by the caller, or failed by the watch or close(): the exchange is dropped.
                JdkHttpTransport.abandon(exchange, body);
            }
        });
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(JdkHttpTransport.failure(failure, request));
                return;
            }
            try {
                result.complete(HttpResponse.of(
                        response.statusCode(),
                        null,
                        JdkHttpTransport.toHeaders(response.headers().map()),
                        response.body()));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        watch.check();
        return result;
    }

    /**
     * Fails the exchanges still running, and stops the timer and the worker threads. On Java 21 and later the
     * client itself is closed too, which also closes its connections; on Java 17 they close when the client is
     * garbage collected.
     */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<HttpResponse> r : running) {
            r.completeExceptionally(new IOException("the transport was closed before the response arrived"));
        }
        timer.shutdownNow();
        Object c = client;
        if (c instanceof AutoCloseable) {
            try {
                ((AutoCloseable) c).close();
            } catch (Exception e) {
                // Closing is best effort; the executor below is stopped regardless.
            }
        }
        executor.shutdownNow();
    }

    /**
     * Watches one exchange on the timer, as {@link JdkHttpTransport}'s waiting thread does: it wakes whenever a
     * limit may have passed and fails the exchange once one has.
     */
    private final class Watch {
        private final CompletableFuture<HttpResponse> result;
        private final BodyReader body;
        private final Deadline deadline;
        private volatile ScheduledFuture<?> next;

        Watch(CompletableFuture<HttpResponse> result, BodyReader body, Deadline deadline) {
            this.result = result;
            this.body = body;
            this.deadline = deadline;
        }

        void check() {
            if (result.isDone()) {
                return;
            }
            IOException passed = body.limitPassed(deadline, responseTimeout);
            if (passed != null) {
                result.completeExceptionally(passed);
                return;
            }
            try {
                next = timer.schedule(
                        this::check, body.nextCheckNanos(deadline, responseTimeout.toNanos()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // The transport is closing, and close() fails the exchange.
                return;
            }
            if (result.isDone()) {
                stop(); // completed while scheduling: leave nothing in the timer's queue
            }
        }

        void stop() {
            ScheduledFuture<?> n = next;
            if (n != null) {
                n.cancel(false);
            }
        }
    }

    /**
     * Mutable builder of {@link JdkAsyncHttpTransport}; not thread-safe. The options and their defaults are
     * those of {@link JdkHttpTransport.Builder}, plus {@link #threads}.
     */
    public static final class Builder {
        // Holds and checks every option shared with the blocking transport, so both read them alike.
        private final JdkHttpTransport.Builder settings = JdkHttpTransport.builder();
        private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

        private Builder() {}

        /**
         * How many threads run the client's tasks and complete the futures; default
         * {@code min(2, available processors)}. The I/O itself runs on the JDK's selector thread.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#connectTimeout}; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            settings.connectTimeout(timeout);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#responseTimeout}; default 60 s. */
        public Builder responseTimeout(Duration timeout) {
            settings.responseTimeout(timeout);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#maxResponseSize}; default 64 MiB. */
        public Builder maxResponseSize(long bytes) {
            settings.maxResponseSize(bytes);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#maxResponseHeaderCount}; default 100. */
        public Builder maxResponseHeaderCount(int count) {
            settings.maxResponseHeaderCount(count);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#maxResponseHeaderSize}; default 64 KiB. */
        public Builder maxResponseHeaderSize(int bytes) {
            settings.maxResponseHeaderSize(bytes);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#sslContext}. */
        public Builder sslContext(SSLContext context) {
            settings.sslContext(context);
            return this;
        }

        /** See {@link JdkHttpTransport.Builder#proxy}. */
        public Builder proxy(String host, int port) {
            settings.proxy(host, port);
            return this;
        }

        /** A new transport with its own client, worker pool and timer. */
        public JdkAsyncHttpTransport build() {
            ExecutorService executor = Executors.newFixedThreadPool(threads, DaemonThreads.named("nova-jdk-async"));
            return new JdkAsyncHttpTransport(
                    settings, settings.clientBuilder(executor).build(), executor);
        }
    }
}
