package dev.novasdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachingTokenProviderTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final int THREADS = 64;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void token_calledTwice_authenticatesOnceAndReturnsTheCachedToken() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        FakeToken first = tokens.token();
        FakeToken second = tokens.token();

        assertSame(first, second);
        assertEquals(1, auth.calls.get());
    }

    @Test
    void token_beforeTheSkew_usesTheCachedToken() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken first = tokens.token();

        clock.set(T0.plus(Duration.ofHours(1)).minusSeconds(121));

        assertSame(first, tokens.token());
        assertEquals(1, auth.calls.get());
    }

    @Test
    void token_withinTheSkewOfExpiry_authenticatesAgain() {
        Authenticator auth =
                new Authenticator(n -> token("t" + n, clock.instant().plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        tokens.token();

        clock.set(T0.plus(Duration.ofHours(1)).minusSeconds(120));
        FakeToken renewed = tokens.token();

        assertEquals("t2", renewed.id());
        assertEquals(2, auth.calls.get());
        assertSame(renewed, tokens.token());
    }

    @Test
    void token_customSkew_isUsed() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = CachingTokenProvider.builder(auth)
                .expirySkew(Duration.ofMinutes(10))
                .clock(clock)
                .build();
        tokens.token();

        clock.set(T0.plus(Duration.ofMinutes(49)));
        tokens.token();
        assertEquals(1, auth.calls.get());

        clock.set(T0.plus(Duration.ofMinutes(50)));
        tokens.token();
        assertEquals(2, auth.calls.get());
    }

    @Test
    void token_shortLivedToken_renewedHalfwayInsteadOfOnEveryCall() {
        // Lives 60 s, less than twice the 120 s skew: renewing at "expiry - skew" would mean on every call.
        Authenticator auth =
                new Authenticator(n -> token("t" + n, clock.instant().plusSeconds(60)));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken first = tokens.token();

        assertSame(first, tokens.token());
        clock.set(T0.plusSeconds(29));
        assertSame(first, tokens.token());
        clock.set(T0.plusSeconds(30));
        assertNotSame(first, tokens.token());
        assertEquals(2, auth.calls.get());
    }

    @Test
    void token_withoutExpiry_keptUntilRefreshed() {
        Authenticator auth = new Authenticator(n -> token("t" + n, null));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken first = tokens.token();

        clock.set(T0.plus(Duration.ofDays(365)));

        assertSame(first, tokens.token());
        assertEquals(1, auth.calls.get());
    }

    @Test
    void token_alreadyExpiredWhenIssued_returnedOnceThenRenewed() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.minusSeconds(1)));
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        assertEquals("t1", tokens.token().id());
        assertEquals("t2", tokens.token().id());
    }

    @Test
    void refresh_ofTheCachedToken_authenticatesAgain() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken stale = tokens.token();

        FakeToken fresh = tokens.refresh(stale);

        assertEquals("t2", fresh.id());
        assertSame(fresh, tokens.token());
        assertEquals(2, auth.calls.get());
    }

    @Test
    void refresh_ofAnOlderToken_returnsTheNewerCachedTokenWithoutAuthenticating() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken stale = tokens.token();
        FakeToken newer = tokens.refresh(stale);

        FakeToken again = tokens.refresh(stale);

        assertSame(newer, again);
        assertEquals(2, auth.calls.get());
    }

    @Test
    void refresh_ofAnEqualIdInAnotherObject_countsAsTheCachedToken() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plus(Duration.ofHours(1))));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken cached = tokens.token();

        FakeToken fresh = tokens.refresh(token(cached.id(), null));

        assertEquals("t2", fresh.id());
    }

    @Test
    void refresh_onEmptyCache_authenticates() {
        Authenticator auth = new Authenticator(n -> token("t" + n, null));
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        assertEquals("t1", tokens.refresh(token("from-elsewhere", null)).id());
    }

    @Test
    void token_authenticationFails_propagatesThenRecoversOnTheNextCall() {
        IllegalStateException outage = new IllegalStateException("keystone down");
        Authenticator auth = new Authenticator(n -> {
            if (n == 1) {
                throw outage;
            }
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        assertSame(outage, assertThrows(IllegalStateException.class, tokens::token));
        assertEquals(Optional.empty(), tokens.current());

        assertEquals("t2", tokens.token().id());
        assertEquals(2, auth.calls.get());
    }

    @Test
    void refresh_authenticationFails_keepsTheCachedTokenAndRetriesNextTime() {
        RuntimeException outage = new RuntimeException("keystone down");
        Authenticator auth = new Authenticator(n -> {
            if (n == 2) {
                throw outage;
            }
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken stale = tokens.token();

        assertSame(outage, assertThrows(RuntimeException.class, () -> tokens.refresh(stale)));
        assertSame(stale, tokens.current().orElseThrow());

        assertEquals("t3", tokens.refresh(stale).id());
    }

    @Test
    void token_authenticatorReturnsNull_failsWithoutCaching() {
        Authenticator auth = new Authenticator(n -> n == 1 ? null : token("t" + n, null));
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        NullPointerException e = assertThrows(NullPointerException.class, tokens::token);
        assertTrue(e.getMessage().contains("authenticator"), e.getMessage());
        assertEquals("t2", tokens.token().id());
    }

    @Test
    void token_authenticatorCallsBack_failsInsteadOfDeadlocking() {
        AtomicReference<CachingTokenProvider<FakeToken>> self = new AtomicReference<>();
        CachingTokenProvider<FakeToken> tokens = provider(() -> self.get().token());
        self.set(tokens);

        IllegalStateException e = assertThrows(IllegalStateException.class, tokens::token);
        assertTrue(e.getMessage().contains("call back"), e.getMessage());
    }

    @Test
    void current_reflectsTheCacheWithoutAuthenticating() {
        Authenticator auth = new Authenticator(n -> token("t" + n, T0.plusSeconds(10)));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        assertEquals(Optional.empty(), tokens.current());

        FakeToken t = tokens.token();
        clock.set(T0.plus(Duration.ofHours(2)));

        assertSame(t, tokens.current().orElseThrow());
        assertEquals(1, auth.calls.get());
    }

    @Test
    void invalidate_dropsTheCachedToken() {
        Authenticator auth = new Authenticator(n -> token("t" + n, null));
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        tokens.token();

        tokens.invalidate();

        assertEquals(Optional.empty(), tokens.current());
        assertEquals("t2", tokens.token().id());
    }

    @Test
    void invalidate_duringAuthentication_leavesThatTokenUncached() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Authenticator auth = new Authenticator(n -> {
            if (n == 1) {
                entered.countDown();
                await(release);
            }
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        AtomicReference<FakeToken> first = new AtomicReference<>();
        Thread leader = new Thread(() -> first.set(tokens.token()));
        leader.start();
        await(entered);

        tokens.invalidate();
        release.countDown();
        leader.join(TimeUnit.SECONDS.toMillis(10));

        assertEquals("t1", first.get().id());
        assertEquals(Optional.empty(), tokens.current());
        assertEquals("t2", tokens.token().id());
    }

    @Test
    void token_interruptedWhileAnotherThreadAuthenticates_throwsCancellationWithFlagSet() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Authenticator auth = new Authenticator(n -> {
            entered.countDown();
            await(release);
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        Thread leader = new Thread(tokens::token);
        leader.start();
        await(entered);
        AtomicReference<Throwable> waiterFailure = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();

        Thread waiter = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                tokens.token();
            } catch (Throwable t) {
                waiterFailure.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        release.countDown();
        leader.join(TimeUnit.SECONDS.toMillis(10));

        assertTrue(waiterFailure.get() instanceof CancellationException, String.valueOf(waiterFailure.get()));
        assertEquals(Boolean.TRUE, flagAfter.get());
        assertEquals("t1", tokens.current().orElseThrow().id());
        assertEquals(1, auth.calls.get());
    }

    @Test
    void builder_invalidArguments_failNamingThem() {
        assertTrue(assertThrows(NullPointerException.class, () -> CachingTokenProvider.of(null))
                .getMessage()
                .contains("authenticator"));
        CachingTokenProvider.Builder<FakeToken> b = CachingTokenProvider.builder(() -> token("x", null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.expirySkew(Duration.ofSeconds(-1)))
                .getMessage()
                .contains("expirySkew"));
        assertTrue(assertThrows(NullPointerException.class, () -> b.clock(null))
                .getMessage()
                .contains("clock"));
        assertTrue(assertThrows(NullPointerException.class, () -> b.build().refresh(null))
                .getMessage()
                .contains("staleToken"));
    }

    // --- concurrency ---------------------------------------------------------------------------------------

    @Test
    void token_manyThreadsOnEmptyCache_authenticateOnceAndShareTheToken() throws Exception {
        Storm storm = new Storm();
        Authenticator auth = new Authenticator(n -> {
            storm.holdUntilOthersWait();
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        List<FakeToken> results = storm.run(tokens::token);

        assertEquals(1, auth.calls.get());
        results.forEach(t -> assertSame(results.get(0), t));
        assertEquals("t1", results.get(0).id());
    }

    @Test
    void refresh_manyThreadsWithTheSameStaleToken_authenticateOnceAndShareTheNewToken() throws Exception {
        Storm storm = new Storm();
        Authenticator auth = new Authenticator(n -> {
            if (n > 1) {
                storm.holdUntilOthersWait();
            }
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);
        FakeToken stale = tokens.token();

        List<FakeToken> results = storm.run(() -> tokens.refresh(stale));

        assertEquals(2, auth.calls.get());
        results.forEach(t -> assertSame(results.get(0), t));
        assertEquals("t2", results.get(0).id());
    }

    @Test
    void token_manyThreadsWhenAuthenticationFails_allGetTheFailureAndTheNextCallRecovers() throws Exception {
        Storm storm = new Storm();
        IllegalStateException outage = new IllegalStateException("keystone down");
        Authenticator auth = new Authenticator(n -> {
            if (n == 1) {
                storm.holdUntilOthersWait();
                throw outage;
            }
            return token("t" + n, null);
        });
        CachingTokenProvider<FakeToken> tokens = provider(auth);

        List<Throwable> failures = storm.runExpectingFailures(tokens::token);

        assertEquals(THREADS, failures.size());
        failures.forEach(f -> assertSame(outage, f));
        assertEquals(1, auth.calls.get());
        assertEquals("t2", tokens.token().id());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private CachingTokenProvider<FakeToken> provider(Supplier<FakeToken> authenticator) {
        return CachingTokenProvider.builder(authenticator).clock(clock).build();
    }

    static FakeToken token(String id, Instant expiresAt) {
        return new FakeToken(id, expiresAt);
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A token for tests; like real tokens, it keeps its id out of {@code toString()}. */
    static final class FakeToken implements AuthToken {
        private final String id;
        private final Instant expiresAt;

        FakeToken(String id, Instant expiresAt) {
            this.id = id;
            this.expiresAt = expiresAt;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.ofNullable(expiresAt);
        }

        @Override
        public String toString() {
            return "FakeToken{id=***, expiresAt=" + expiresAt + "}";
        }
    }

    /** Counts calls and answers call n (1-based) with the function's token. */
    static final class Authenticator implements Supplier<FakeToken> {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<Integer, FakeToken> answer;

        Authenticator(Function<Integer, FakeToken> answer) {
            this.answer = answer;
        }

        @Override
        public FakeToken get() {
            return answer.apply(calls.incrementAndGet());
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * Starts {@link #THREADS} threads at once on a barrier. The authenticating thread calls
     * {@link #holdUntilOthersWait()}, which returns only once every other thread has passed the barrier and is
     * parked inside the provider waiting for the authentication in progress, so the authentication really
     * overlaps with all the other callers. Detection is by thread state and park blocker, not by time.
     */
    static final class Storm {
        private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
        private final CountDownLatch started = new CountDownLatch(THREADS);

        void holdUntilOthersWait() {
            await(started);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread t : workers) {
                while (t != Thread.currentThread() && !waitingForTheFlight(t)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(t.getName() + " never waited; state " + t.getState());
                    }
                    Thread.yield();
                }
            }
        }

        // Parked, and not on the provider's lock (a thread parked there has not joined the flight yet).
        private static boolean waitingForTheFlight(Thread t) {
            return t.getState() == Thread.State.WAITING
                    && !(LockSupport.getBlocker(t) instanceof AbstractQueuedSynchronizer);
        }

        <T> List<T> run(Supplier<T> call) throws Exception {
            AtomicReferenceArray<Object> results = start(call);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Object r = results.get(i);
                if (r instanceof Throwable) {
                    throw new AssertionError("thread " + i + " failed", (Throwable) r);
                }
                @SuppressWarnings("unchecked")
                T t = (T) r;
                out.add(t);
            }
            return out;
        }

        List<Throwable> runExpectingFailures(Supplier<?> call) throws Exception {
            AtomicReferenceArray<Object> results = start(call);
            List<Throwable> out = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                if (results.get(i) instanceof Throwable) {
                    out.add((Throwable) results.get(i));
                }
            }
            return out;
        }

        private AtomicReferenceArray<Object> start(Supplier<?> call) throws Exception {
            CyclicBarrier barrier = new CyclicBarrier(THREADS);
            AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(THREADS);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                Thread t = new Thread(
                        () -> {
                            try {
                                barrier.await(10, TimeUnit.SECONDS);
                                // Past the barrier: from here the only place this thread parks is inside the provider.
                                started.countDown();
                                results.set(index, call.get());
                            } catch (Throwable e) {
                                results.set(index, e);
                            }
                        },
                        "storm-" + i);
                workers.add(t);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), t.getName() + " still running");
            }
            return results;
        }
    }
}
