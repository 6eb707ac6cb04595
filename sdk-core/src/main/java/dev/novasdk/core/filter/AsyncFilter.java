package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One step of the async request pipeline, the non-blocking twin of {@link Filter}: it may derive a new request,
 * call {@code next} zero or more times, and complete the returned future with a response of any status. It
 * must not block: it runs on the caller's thread or on the transport's I/O threads. Failures complete the
 * future exceptionally with the {@link java.io.IOException} the blocking filter would throw. The SDK's own
 * filters implement both interfaces, so the blocking and the async pipeline behave alike. Implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface AsyncFilter {
    /** Handles {@code request}, usually by passing it (or a derived request) to {@code next}. */
    CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next);
}
