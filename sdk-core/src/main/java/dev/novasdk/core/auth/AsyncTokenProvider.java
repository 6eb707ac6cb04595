package dev.novasdk.core.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Supplies tokens to the async pipeline without blocking the caller: the async twin of {@link TokenProvider},
 * single-flight in the same way (callers arriving while a token is being obtained share that one future).
 * {@link AsyncTokens} makes one from any {@link TokenProvider}.
 */
public interface AsyncTokenProvider {
    /** A future of a token that is not expired and not about to expire; completed at once when one is cached. */
    CompletableFuture<AuthToken> tokenAsync();

    /**
     * A future of a new token because a service refused {@code staleToken} (401), unless it was already replaced;
     * then of the newer token, without a request.
     */
    CompletableFuture<AuthToken> refreshAsync(AuthToken staleToken);
}
