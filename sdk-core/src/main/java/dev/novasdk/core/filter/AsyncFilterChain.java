package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The rest of the async pipeline below an {@link AsyncFilter}. Calling {@link #proceedAsync} more than once
 * sends the request again (retries and the re-authentication replay).
 */
@FunctionalInterface
public interface AsyncFilterChain {
    /** Starts sending {@code request} through the remaining filters and the transport. */
    CompletableFuture<HttpResponse> proceedAsync(HttpRequest request);
}
