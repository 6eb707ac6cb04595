package dev.novasdk.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking HTTP client under the SDK's async clients: it starts one exchange and returns at once with
 * a future of the response, whatever its status. The same rules as {@link HttpTransport} apply: thread-safe;
 * no retries, redirects, body logging or headers of its own; {@link Deadline#ATTRIBUTE} ends the exchange in
 * every phase; the same size limits and timeouts.
 *
 * <p>The future fails with the {@link java.io.IOException} the blocking transport would throw, classified in
 * the same way (see {@link HttpTransport}); stages depending on it see it wrapped in a
 * {@link java.util.concurrent.CompletionException}. Cancelling the future aborts the exchange and releases or
 * closes its connection; no response is delivered after that.
 *
 * <p>{@link #executeAsync} must not block the calling thread: no connection set-up, DNS lookup or waiting for
 * a pooled connection on it. It throws only {@link NullPointerException} for a null request; every other
 * failure, a closed transport or a deadline already passed included, fails the returned future. The future
 * may complete on the transport's I/O threads, so code chained to it with the non-{@code Async} methods of
 * {@link CompletableFuture} must not block either.
 *
 * <p>Threads are the transport's to own: few, daemon, named after the transport, and ended by {@link #close()}.
 * Many exchanges in flight must not hold a thread each. Implementations: {@code ApacheAsyncHttpTransport}
 * (HTTP/1.1 and HTTP/2) and {@code JdkAsyncHttpTransport}; each extends the abstract
 * {@code AsyncHttpTransportContractTest} of the sdk-core test-jar.
 */
@FunctionalInterface
public interface AsyncHttpTransport extends AutoCloseable {
    /**
     * Starts sending the request; bodies are sent with {@code Content-Length}.
     *
     * @return a future completed with the whole response, or failed with an {@link java.io.IOException} when no
     *     complete response was received
     */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request);

    /** Releases pooled connections and I/O threads, failing exchanges still running; the default does nothing. */
    @Override
    default void close() {}
}
