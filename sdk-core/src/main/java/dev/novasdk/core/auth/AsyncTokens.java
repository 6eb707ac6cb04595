package dev.novasdk.core.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link AsyncTokenProvider} over a blocking {@link TokenProvider}. A cached token is returned at once on the
 * caller's thread ({@link TokenProvider#cachedToken()}). Otherwise one authentication runs on {@code executor}
 * and every caller arriving meanwhile, for a first token or to replace a refused one, gets a view of that one
 * future: no caller waits on a thread, and however many callers a 401 storm brings, one task asks the provider,
 * which is single-flight itself. Cancelling a caller's future does not cancel the authentication others share.
 *
 * <p>The authentication request runs on an {@code executor} thread, once per token. Thread-safe.
 */
public final class AsyncTokens implements AsyncTokenProvider {
    private final TokenProvider tokens;
    private final Executor executor;
    private final AtomicReference<CompletableFuture<AuthToken>> flight = new AtomicReference<>();

    private AsyncTokens(TokenProvider tokens, Executor executor) {
        this.tokens = tokens;
        this.executor = executor;
    }

    /** Tokens from {@code tokens}, authenticating on {@code executor}. */
    public static AsyncTokens of(TokenProvider tokens, Executor executor) {
        return new AsyncTokens(
                Objects.requireNonNull(tokens, "tokenProvider"), Objects.requireNonNull(executor, "executor"));
    }

    @Override
    public CompletableFuture<AuthToken> tokenAsync() {
        Optional<AuthToken> cached = tokens.cachedToken();
        return cached.isPresent() ? CompletableFuture.completedFuture(cached.get()) : join(null);
    }

    @Override
    public CompletableFuture<AuthToken> refreshAsync(AuthToken staleToken) {
        Objects.requireNonNull(staleToken, "staleToken");
        Optional<AuthToken> cached = tokens.cachedToken();
        if (cached.isPresent() && !cached.get().id().equals(staleToken.id())) {
            return CompletableFuture.completedFuture(cached.get());
        }
        return join(staleToken);
    }

    // One flight at a time serves both first tokens and refreshes; the blocking provider decides, in any case,
    // whether a request is needed.
    private CompletableFuture<AuthToken> join(AuthToken stale) {
        while (true) {
            CompletableFuture<AuthToken> running = flight.get();
            if (running != null) {
                // A flight for a first token may, in a race, end with the very token a refresh wants replaced.
                return stale == null
                        ? running.copy()
                        : running.thenCompose(t -> t.id().equals(stale.id()) ? join(stale) : completed(t));
            }
            CompletableFuture<AuthToken> mine = new CompletableFuture<>();
            if (!flight.compareAndSet(null, mine)) {
                continue;
            }
            try {
                executor.execute(() -> fly(mine, stale));
            } catch (RejectedExecutionException e) {
                flight.compareAndSet(mine, null);
                mine.completeExceptionally(e);
            }
            return mine.copy();
        }
    }

    private static CompletableFuture<AuthToken> completed(AuthToken token) {
        return CompletableFuture.completedFuture(token);
    }

    private void fly(CompletableFuture<AuthToken> mine, AuthToken stale) {
        AuthToken token;
        try {
            token = Objects.requireNonNull(
                    stale == null ? tokens.token() : tokens.refresh(stale), "tokenProvider returned no token");
        } catch (Throwable t) {
            // Cleared before completing: a caller reacting to the failure must start a new flight, not rejoin it.
            flight.compareAndSet(mine, null);
            mine.completeExceptionally(t);
            return;
        }
        flight.compareAndSet(mine, null);
        mine.complete(token);
    }

    @Override
    public String toString() {
        return "AsyncTokens[" + tokens.getClass().getSimpleName() + "]";
    }
}
