package dev.novasdk.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe {@link TokenProvider} that caches the token an authentication function returns and asks for
 * a new one only when needed: when there is none, when it is about to expire, or when the service refused
 * it. Authentication is single-flight: however many threads need a token at once, one of them
 * authenticates and the others wait for its result, so a burst of requests (or of 401s) costs one request
 * to the identity service.
 *
 * <p>A token is renewed proactively {@linkplain Builder#expirySkew an expiry skew} (default 120 s) before
 * its {@link AuthToken#expiresAt() expiresAt}, so a request does not leave with a token that expires on the
 * way; for a token that lives less than twice the skew, halfway through its life instead, so that a
 * short-lived token is not renewed on every call. A token without an expiry is kept until
 * {@link #refresh refreshed} or {@link #invalidate() invalidated}.
 *
 * <pre>{@code
 * CachingTokenProvider<Token> tokens = CachingTokenProvider.builder(() -> keystone.authenticate())
 *         .expirySkew(Duration.ofMinutes(5))
 *         .build();
 * }</pre>
 *
 * @param <T> the token type the authenticator returns
 */
public final class CachingTokenProvider<T extends AuthToken> implements TokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger("dev.novasdk.auth");
    private static final Duration DEFAULT_EXPIRY_SKEW = Duration.ofSeconds(120);

    private final Supplier<T> authenticator;
    private final Duration expirySkew;
    private final Clock clock;

    // A private lock, so no caller can hold up authentication by synchronizing on this provider.
    private final ReentrantLock lock = new ReentrantLock();
    // Written only while holding the lock; read without it on the fast path of token().
    private volatile Cached<T> cached;
    // Guarded by lock: the authentication in progress, if any.
    private Flight<T> inFlight;
    // Guarded by lock: bumped by invalidate() so that a flight started earlier does not fill the cache.
    private long generation;

    private CachingTokenProvider(Builder<T> b) {
        this.authenticator = b.authenticator;
        this.expirySkew = b.expirySkew;
        this.clock = b.clock;
    }

    /** A provider calling {@code authenticator} to get a new token, with the default skew and the UTC clock. */
    public static <T extends AuthToken> CachingTokenProvider<T> of(Supplier<T> authenticator) {
        return builder(authenticator).build();
    }

    /**
     * A builder of a provider calling {@code authenticator} to get a new token. The authenticator is called
     * by one thread at a time; it must not call back into this provider.
     */
    public static <T extends AuthToken> Builder<T> builder(Supplier<T> authenticator) {
        return new Builder<>(Objects.requireNonNull(authenticator, "authenticator"));
    }

    /**
     * The cached token, or a new one when there is none or it is due for renewal. Blocks while another
     * thread authenticates.
     *
     * @throws RuntimeException what the authenticator threw (the same instance for every thread that waited
     *         for that authentication); the next call tries again
     * @throws CancellationException when the thread is interrupted while waiting for another thread's
     *         authentication; the interrupt flag is set again
     */
    @Override
    public T token() {
        Cached<T> c = cached;
        if (c != null && !c.due(clock.instant())) {
            return c.token;
        }
        return obtain(null);
    }

    /**
     * A token other than {@code staleToken}: the cached one if another thread already replaced
     * {@code staleToken} (no request is made), else a new one. Tokens are the same when they are the same
     * object or have the same id. Blocks while another thread authenticates.
     *
     * @throws RuntimeException what the authenticator threw; the cache keeps its token and the next call
     *         tries again
     * @throws CancellationException when the thread is interrupted while waiting for another thread's
     *         authentication; the interrupt flag is set again
     */
    @Override
    public T refresh(AuthToken staleToken) {
        return obtain(Objects.requireNonNull(staleToken, "staleToken"));
    }

    /** The cached token when it is not due for renewal; never blocks and never authenticates. */
    @Override
    public Optional<AuthToken> cachedToken() {
        Cached<T> c = cached;
        return c != null && !c.due(clock.instant()) ? Optional.of(c.token) : Optional.empty();
    }

    /** The cached token, without authenticating; it may be due for renewal or expired. */
    public Optional<T> current() {
        Cached<T> c = cached;
        return c == null ? Optional.empty() : Optional.of(c.token);
    }

    /**
     * Drops the cached token, so the next {@link #token()} authenticates (after a password change, say). An
     * authentication already in progress still completes for the threads waiting on it, but its token is
     * not cached.
     */
    public void invalidate() {
        lock.lock();
        try {
            cached = null;
            inFlight = null;
            generation++;
        } finally {
            lock.unlock();
        }
    }

    // stale == null: any token that is not due for renewal will do; otherwise also one that is not stale.
    private T obtain(AuthToken stale) {
        Flight<T> flight;
        boolean leader;
        String reason = null;
        lock.lock();
        try {
            Cached<T> c = cached;
            if (c != null && !c.due(clock.instant()) && (stale == null || !same(c.token, stale))) {
                return c.token;
            }
            flight = inFlight;
            leader = flight == null;
            if (leader) {
                flight = new Flight<>(Thread.currentThread(), generation);
                inFlight = flight;
                reason = c == null
                        ? "no token cached"
                        : stale != null && same(c.token, stale) ? "token refused" : "token due for renewal";
            } else if (flight.leader == Thread.currentThread()) {
                throw new IllegalStateException(
                        "the authenticator of a CachingTokenProvider must not call back into it");
            }
        } finally {
            lock.unlock();
        }
        return leader ? authenticate(flight, reason) : await(flight);
    }

    // Runs without the lock, so that other threads can queue up on the flight meanwhile.
    private T authenticate(Flight<T> flight, String reason) {
        LOG.debug("Authenticating: {}", reason);
        T token;
        try {
            token = Objects.requireNonNull(authenticator.get(), "authenticator returned null");
        } catch (RuntimeException | Error e) {
            // Clear the flight before failing it, so the next caller tries again instead of getting this error.
            land(flight, null);
            flight.result.completeExceptionally(e);
            throw e;
        }
        land(flight, token);
        flight.result.complete(token);
        return token;
    }

    private void land(Flight<T> flight, T token) {
        Instant now = clock.instant();
        lock.lock();
        try {
            if (token != null && generation == flight.generation) {
                cached = new Cached<>(token, renewAt(token, now));
            }
            if (inFlight == flight) {
                inFlight = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private Instant renewAt(T token, Instant now) {
        Optional<Instant> expiresAt = token.expiresAt();
        if (expiresAt.isEmpty()) {
            return Instant.MAX;
        }
        Instant expiry = expiresAt.get();
        if (!expiry.isAfter(now)) {
            // Used once by the callers of this flight; the next token() authenticates again.
            LOG.warn(
                    "Authentication returned a token that expires at {}, not after the local time {}; "
                            + "is the clock of this host or of the identity service wrong?",
                    expiry,
                    now);
            return expiry;
        }
        Duration halfLife = Duration.between(now, expiry).dividedBy(2);
        return expiry.minus(expirySkew.compareTo(halfLife) < 0 ? expirySkew : halfLife);
    }

    private T await(Flight<T> flight) {
        try {
            return flight.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled =
                    new CancellationException("interrupted while waiting for another thread to authenticate");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw new IllegalStateException("authentication failed", failure);
        }
    }

    private static boolean same(AuthToken a, AuthToken b) {
        return a == b || Objects.equals(a.id(), b.id());
    }

    private static final class Cached<T> {
        final T token;
        final Instant renewAt;

        Cached(T token, Instant renewAt) {
            this.token = token;
            this.renewAt = renewAt;
        }

        boolean due(Instant now) {
            return !now.isBefore(renewAt);
        }
    }

    private static final class Flight<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Thread leader;
        final long generation;

        Flight(Thread leader, long generation) {
            this.leader = leader;
            this.generation = generation;
        }
    }

    /**
     * Mutable builder of {@link CachingTokenProvider}; not thread-safe, never shared.
     *
     * @param <T> the token type the authenticator returns
     */
    public static final class Builder<T extends AuthToken> {
        private final Supplier<T> authenticator;
        private Duration expirySkew = DEFAULT_EXPIRY_SKEW;
        private Clock clock = Clock.systemUTC();

        private Builder(Supplier<T> authenticator) {
            this.authenticator = authenticator;
        }

        /**
         * How long before its expiry a token is renewed (default 120 s): enough for a request to reach the
         * service, and for clocks that differ a little.
         */
        public Builder<T> expirySkew(Duration expirySkew) {
            Objects.requireNonNull(expirySkew, "expirySkew");
            if (expirySkew.isNegative()) {
                throw new IllegalArgumentException("expirySkew must not be negative, got " + expirySkew);
            }
            this.expirySkew = expirySkew;
            return this;
        }

        /** The clock that expiry times are compared with; tests pass a fixed or mutable one. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A new provider with an empty cache. */
        public CachingTokenProvider<T> build() {
            return new CachingTokenProvider<>(this);
        }
    }
}
