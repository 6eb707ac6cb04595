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
 * a pooled connection on it. The future may complete on the transport's I/O threads, so code chained to it
 * with the non-{@code Async} methods of {@link CompletableFuture} must not block either.
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
