package dev.novasdk.core.filter;

import dev.novasdk.core.auth.AsyncTokenProvider;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends {@code X-Auth-Token} from a {@link TokenProvider}, and recovers from a token the service no longer
 * accepts (revoked, or expired earlier than it said): on a 401 it asks the provider to
 * {@linkplain TokenProvider#refresh refresh} the token it used and replays the request once with the new
 * one. A request whose body is not repeatable is not replayed. A second 401 is returned as it is, so bad
 * credentials end in an {@link dev.novasdk.core.error.AuthenticationException} instead of a loop.
 *
 * <p>When the service refuses even a token fresh from the identity service (a misconfigured or failing
 * token check refuses them all), re-authenticating on every failing call would only load Keystone: the
 * filter backs off instead. For a window after a fresh token is refused (1 s, doubling with each fresh token
 * refused in a row, at most 60 s, on the injected clock), a 401 to that token is returned at once, without
 * asking for another token and without a replay. After the window the next 401 re-authenticates once (one
 * request however many threads get it, as the provider is single-flight); any answer but 401 ends the
 * backoff. A token counts as fresh from the moment this filter obtained it by a refresh until a request
 * with it succeeds. So with every token refused, {@code n} calls cost at most one token request per window,
 * not one per call.
 *
 * <p>Runs per attempt, below {@link RetryFilter}, so each retry uses the current token. Thread-safe; the
 * provider makes concurrent refreshes of one token cost a single authentication.
 *
 * <p>As an {@link AsyncFilter} (built with an {@link AsyncTokenProvider}) it does the same without blocking:
 * callers refused at once share the provider's one refresh future, and the backoff state is the same object
 * whether the blocking or the async pipeline saw the refusal.
 */
public final class AuthFilter implements Filter, AsyncFilter {
    static final String HEADER = "X-Auth-Token";
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final TokenProvider tokens;
    private final AsyncTokenProvider asyncTokens; // null: blocking use only
    private final Clock clock;
    // The token most recently obtained by a refresh that no request has yet succeeded with, and the backoff
    // after the refusal of a fresh token; replaced as a whole, so readers never see half an update.
    private final AtomicReference<State> state = new AtomicReference<>(State.NONE);
    private final ReentrantLock refusals = new ReentrantLock();

    private AuthFilter(TokenProvider tokens, AsyncTokenProvider asyncTokens, Clock clock) {
        this.tokens = tokens;
        this.asyncTokens = asyncTokens;
        this.clock = clock;
    }

    /** A filter taking tokens from {@code tokens}, timing its backoff with the system clock. */
    public static AuthFilter of(TokenProvider tokens) {
        return of(tokens, Clock.systemUTC());
    }

    /** A filter taking tokens from {@code tokens}, timing its backoff after refused fresh tokens on {@code clock}. */
    public static AuthFilter of(TokenProvider tokens, Clock clock) {
        return new AuthFilter(
                Objects.requireNonNull(tokens, "tokenProvider"), null, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A filter for both pipelines: blocking calls take tokens from {@code tokens}, async calls from
     * {@code asyncTokens} (usually {@link dev.novasdk.core.auth.AsyncTokens} over {@code tokens}).
     */
    public static AuthFilter of(TokenProvider tokens, AsyncTokenProvider asyncTokens, Clock clock) {
        return new AuthFilter(
                Objects.requireNonNull(tokens, "tokenProvider"),
                Objects.requireNonNull(asyncTokens, "asyncTokenProvider"),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Sends the request with the current token, replaying it once after a 401 as described above.
     *
     * @throws dev.novasdk.core.error.OpenStackException when the provider fails to authenticate
     */
    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(next, "next");
        AuthToken used = Objects.requireNonNull(tokens.token(), "tokenProvider returned no token");
        HttpResponse response = next.proceed(request.withHeader(HEADER, used.id()));
        if (!worthRefreshing(request, response)) {
            return response;
        }
        AuthToken fresh;
        // One refusal is judged at a time: a thread that was refused the token another thread has just
        // refreshed must see it on probation, or it would refresh that fresh token again at once. The provider
        // is single-flight anyway, so threads with a 401 would wait for the refresh either way.
        refusals.lock();
        try {
            if (refusedFresh(used)) {
                return response;
            }
            fresh = Objects.requireNonNull(tokens.refresh(used), "tokenProvider returned no token");
            if (!replayWith(fresh, used)) {
                return response;
            }
        } finally {
            refusals.unlock();
        }
        // The 401 response is dropped: its body is a byte array, so there is nothing to release.
        return replayed(next.proceed(request.withHeader(HEADER, fresh.id())), fresh);
    }

    /**
     * Sends the request with the current token, replaying it once after a 401, as the blocking filter does;
     * the refresh is a future shared with every caller refused meanwhile.
     *
     * @throws IllegalStateException when the filter was built without an {@link AsyncTokenProvider}
     */
    @Override
    public CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(next, "next");
        if (asyncTokens == null) {
            throw new IllegalStateException("this AuthFilter has no AsyncTokenProvider; build it with one");
        }
        return asyncTokens.tokenAsync().thenCompose(used -> {
            Objects.requireNonNull(used, "tokenProvider returned no token");
            return next.proceedAsync(request.withHeader(HEADER, used.id())).thenCompose(response -> {
                if (!worthRefreshing(request, response)) {
                    return CompletableFuture.completedFuture(response);
                }
                // The lock is held for decisions only, never across the refresh: no thread waits on it for
                // longer than a state update.
                refusals.lock();
                try {
                    if (refusedFresh(used)) {
                        return CompletableFuture.completedFuture(response);
                    }
                } finally {
                    refusals.unlock();
                }
                return asyncTokens.refreshAsync(used).thenCompose(fresh -> {
                    Objects.requireNonNull(fresh, "tokenProvider returned no token");
                    refusals.lock();
                    try {
                        if (!replayWith(fresh, used)) {
                            return CompletableFuture.completedFuture(response);
                        }
                    } finally {
                        refusals.unlock();
                    }
                    return next.proceedAsync(request.withHeader(HEADER, fresh.id()))
                            .thenApply(replayed -> replayed(replayed, fresh));
                });
            });
        });
    }

    // Any status but 401 ends the backoff; a 401 to a body that cannot be sent again is returned as it is.
    private boolean worthRefreshing(HttpRequest request, HttpResponse response) {
        if (response.statusCode() != 401) {
            accepted();
            return false;
        }
        return request.repeatable();
    }

    // Called holding the lock, with the token the provider gave for the refused one.
    private boolean replayWith(AuthToken fresh, AuthToken used) {
        if (same(fresh, used) || inBackoff(fresh)) {
            // The provider cannot renew (a fixed token), or the token it has was refused a moment ago:
            // replaying would only be refused again.
            return false;
        }
        onProbation(fresh);
        return true;
    }

    private HttpResponse replayed(HttpResponse replayed, AuthToken fresh) {
        if (replayed.statusCode() == 401) {
            refused(fresh);
        } else {
            accepted();
        }
        return replayed;
    }

    // Whether a 401 to this token, just received, should be returned as it is: the token is a fresh one
    // refused before any request succeeded with it, and its backoff window is still open.
    private boolean refusedFresh(AuthToken used) {
        State s = state.get();
        if (s == State.NONE) {
            return false;
        }
        if (used.id().equals(s.probation)) {
            refused(used);
        }
        return inBackoff(used);
    }

    private boolean inBackoff(AuthToken token) {
        State s = state.get();
        return token.id().equals(s.refused) && clock.instant().isBefore(s.until);
    }

    private void onProbation(AuthToken fresh) {
        state.updateAndGet(s -> s.refused != null && s.refused.equals(fresh.id())
                ? s
                : new State(fresh.id(), s.refused, s.until, s.strikes));
    }

    // Counts each refused fresh token once, however many threads saw it refused.
    private void refused(AuthToken fresh) {
        Instant now = clock.instant();
        state.updateAndGet(s -> {
            if (fresh.id().equals(s.refused)) {
                return s;
            }
            int strikes = s.strikes + 1;
            Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(strikes - 1, 16));
            if (wait.compareTo(MAX_BACKOFF) > 0) {
                wait = MAX_BACKOFF;
            }
            return new State(null, fresh.id(), now.plus(wait), strikes);
        });
    }

    // Any status but 401 means the service took the token: tokens work again.
    private void accepted() {
        if (state.get() != State.NONE) {
            state.set(State.NONE);
        }
    }

    private static boolean same(AuthToken a, AuthToken b) {
        return a == b || Objects.equals(a.id(), b.id());
    }

    private static final class State {
        static final State NONE = new State(null, null, Instant.MIN, 0);

        final String probation;
        final String refused;
        final Instant until;
        final int strikes;

        State(String probation, String refused, Instant until, int strikes) {
            this.probation = probation;
            this.refused = refused;
            this.until = until;
            this.strikes = strikes;
        }
    }
}
