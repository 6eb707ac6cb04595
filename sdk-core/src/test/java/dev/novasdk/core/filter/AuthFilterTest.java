package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.CachingTokenProvider;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AuthFilterTest {
    private static final URI SERVERS = URI.create("https://nova.example.test/v2.1/servers");
    private static final String TOKEN_HEADER = "X-Auth-Token";

    @Test
    void filter_setsTheTokenHeader() throws IOException {
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2");
        Recorder transport = new Recorder(r -> status(200));

        filter(tokens, transport, HttpRequest.get(SERVERS));

        assertEquals(List.of("tok-1"), transport.tokensSent());
        assertTrue(tokens.refreshed.isEmpty());
    }

    @Test
    void filter_requestAlreadyCarryingAToken_getsTheProvidersToken() throws IOException {
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2");
        Recorder transport = new Recorder(r -> status(200));

        filter(
                tokens,
                transport,
                HttpRequest.builder(HttpMethod.GET, SERVERS)
                        .header("x-auth-token", "old")
                        .build());

        assertEquals(List.of("tok-1"), transport.requests.get(0).headers().values(TOKEN_HEADER));
    }

    @Test
    void filter_unauthorized_refreshesTheUsedTokenAndReplaysOnceWithTheNewOne() throws IOException {
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2");
        Recorder transport = new Recorder(r -> token(r).equals("tok-1") ? status(401) : status(200));
        HttpRequest create = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"server\": {}}"))
                .build();

        HttpResponse response = filter(tokens, transport, create);

        assertEquals(200, response.statusCode());
        assertEquals(List.of("tok-1", "tok-2"), transport.tokensSent());
        assertEquals(List.of("tok-1"), tokens.refreshed);
        assertSame(create.body().orElseThrow(), transport.requests.get(1).body().orElseThrow());
    }

    @Test
    void filter_unauthorizedTwice_returnsTheSecond401AfterExactlyTwoCalls() throws IOException {
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2", "tok-3");
        HttpResponse second = status(401);
        Recorder transport = new Recorder(r -> token(r).equals("tok-1") ? status(401) : second);

        HttpResponse response = filter(tokens, transport, HttpRequest.get(SERVERS));

        assertSame(second, response);
        assertEquals(2, transport.requests.size());
        assertEquals(List.of("tok-1"), tokens.refreshed);
    }

    @Test
    void filter_unauthorizedWithStreamBody_returnedWithoutRefreshOrReplay() throws IOException {
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2");
        HttpResponse unauthorized = status(401);
        Recorder transport = new Recorder(r -> unauthorized);
        byte[] image = {1, 2, 3};
        HttpRequest upload = HttpRequest.builder(HttpMethod.PUT, SERVERS)
                .body(RequestBody.ofStream(new ByteArrayInputStream(image), image.length, "application/octet-stream"))
                .build();

        assertSame(unauthorized, filter(tokens, transport, upload));
        assertEquals(1, transport.requests.size());
        assertTrue(tokens.refreshed.isEmpty());
    }

    @Test
    void filter_otherErrorStatuses_returnedWithoutRefresh() throws IOException {
        for (int status : new int[] {400, 403, 404, 407, 500, 503}) {
            ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2");
            Recorder transport = new Recorder(r -> status(status));

            assertEquals(
                    status, filter(tokens, transport, HttpRequest.get(SERVERS)).statusCode());
            assertEquals(1, transport.requests.size());
            assertTrue(tokens.refreshed.isEmpty(), "refreshed on " + status);
        }
    }

    @Test
    void filter_providerFails_propagatesWithoutSending() {
        IllegalStateException outage = new IllegalStateException("keystone down");
        TokenProvider failing = new TokenProvider() {
            @Override
            public AuthToken token() {
                throw outage;
            }

            @Override
            public AuthToken refresh(AuthToken staleToken) {
                throw outage;
            }
        };
        Recorder transport = new Recorder(r -> status(200));

        assertSame(
                outage,
                assertThrows(IllegalStateException.class, () -> filter(failing, transport, HttpRequest.get(SERVERS))));
        assertTrue(transport.requests.isEmpty());
    }

    @Test
    void of_nullProvider_failsNamingIt() {
        assertTrue(assertThrows(NullPointerException.class, () -> AuthFilter.of(null))
                .getMessage()
                .contains("tokenProvider"));
    }

    @Test
    void filter_401StormThroughCachingProvider_authenticatesOnceAndEveryCallSucceedsWithTheNewToken() throws Exception {
        int threads = 64;
        AtomicInteger authentications = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        CachingTokenProvider<Token> tokens = CachingTokenProvider.of(() -> {
            int n = authentications.incrementAndGet();
            if (n > 1) {
                // Keep the refresh in progress until every other thread is waiting for it.
                holdUntilOthersWaitForTheRefresh(workers);
            }
            return new Token("tok-" + n);
        });
        Token stale = tokens.token();
        assertEquals(1, authentications.get());

        // Every thread gets its 401 for the stale token only once all of them have sent it, so that all 64 go
        // on to ask for a refresh of that same token.
        CountDownLatch allSentStale = new CountDownLatch(threads);
        AtomicInteger transportCalls = new AtomicInteger();
        HttpTransport transport = r -> {
            transportCalls.incrementAndGet();
            String sent = token(r);
            if (sent.equals(stale.id())) {
                allSentStale.countDown();
                await(allSentStale);
                return status(401);
            }
            return HttpResponse.of(200, Headers.of("X-Echo-Token", sent), "{}");
        };
        AuthFilter filter = AuthFilter.of(tokens);
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(new Thread(
                    () -> {
                        try {
                            start.await(10, TimeUnit.SECONDS);
                            results.set(index, filter.filter(HttpRequest.get(SERVERS), transport::execute));
                        } catch (Throwable e) {
                            results.set(index, e);
                        }
                    },
                    "storm-" + i));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(t.isAlive(), t.getName() + " still running");
        }

        assertEquals(2, authentications.get(), "one initial authentication and exactly one refresh");
        assertEquals(2 * threads, transportCalls.get());
        for (int i = 0; i < threads; i++) {
            Object r = results.get(i);
            if (r instanceof Throwable) {
                throw new AssertionError("thread " + i + " failed", (Throwable) r);
            }
            HttpResponse response = (HttpResponse) r;
            assertEquals(200, response.statusCode());
            assertEquals(Optional.of("tok-2"), response.headers().firstValue("X-Echo-Token"));
        }
    }

    @Test
    void filter_everyTokenRefused_64ThreadsManyCalls_oneReauthenticationPerBackoffWindow() throws Exception {
        int threads = 64;
        int callsPerThread = 8;
        AtomicInteger authentications = new AtomicInteger();
        MutableClock clock = new MutableClock();
        CachingTokenProvider<Token> tokens = CachingTokenProvider.builder(
                        () -> new Token("tok-" + authentications.incrementAndGet()))
                .clock(clock)
                .build();
        AtomicInteger transportCalls = new AtomicInteger();
        HttpTransport refusesAll = r -> {
            transportCalls.incrementAndGet();
            return status(401);
        };
        AuthFilter filter = AuthFilter.of(tokens, clock);

        List<Integer> statuses = callFromThreads(filter, refusesAll, threads, callsPerThread);

        // The bound: one initial authentication, plus one per backoff window that has elapsed (none yet).
        assertEquals(2, authentications.get(), "the initial token and one re-authentication");
        assertEquals(Collections.nCopies(threads * callsPerThread, 401), statuses);
        // Each call sends once, plus at most one replay for the calls that raced the first refusal.
        assertTrue(transportCalls.get() <= threads * callsPerThread + threads, transportCalls.get() + " sent");

        clock.advance(AuthFilter.FIRST_BACKOFF);
        callFromThreads(filter, refusesAll, threads, 2);
        assertEquals(3, authentications.get(), "the 1 s window elapsed: one more attempt");

        clock.advance(AuthFilter.FIRST_BACKOFF);
        callFromThreads(filter, refusesAll, threads, 2);
        assertEquals(3, authentications.get(), "the window doubled to 2 s after the second refused token");

        clock.advance(AuthFilter.FIRST_BACKOFF);
        callFromThreads(filter, refusesAll, threads, 2);
        assertEquals(4, authentications.get());
    }

    @Test
    void filter_freshTokenRefusedThenServiceRecovers_backoffEndsAtTheFirstAcceptedToken() throws IOException {
        MutableClock clock = new MutableClock();
        ScriptedTokens tokens = new ScriptedTokens("tok-1", "tok-2", "tok-3", "tok-4");
        List<String> accepted = new ArrayList<>();
        Recorder transport = new Recorder(r -> accepted.contains(token(r)) ? status(200) : status(401));
        AuthFilter filter = AuthFilter.of(tokens, clock);

        assertEquals(401, filter.filter(HttpRequest.get(SERVERS), transport).statusCode());
        assertEquals(401, filter.filter(HttpRequest.get(SERVERS), transport).statusCode());
        assertEquals(List.of("tok-1"), tokens.refreshed, "the second call backs off: no refresh");
        assertEquals(List.of("tok-1", "tok-2", "tok-2"), transport.tokensSent());

        accepted.add("tok-3");
        clock.advance(AuthFilter.FIRST_BACKOFF);
        assertEquals(200, filter.filter(HttpRequest.get(SERVERS), transport).statusCode());
        assertEquals(List.of("tok-1", "tok-2"), tokens.refreshed);

        // Recovered: a later refusal of tok-3 re-authenticates at once, without waiting for a window.
        accepted.remove("tok-3");
        accepted.add("tok-4");
        assertEquals(200, filter.filter(HttpRequest.get(SERVERS), transport).statusCode());
        assertEquals(List.of("tok-1", "tok-2", "tok-3"), tokens.refreshed);
    }

    @Test
    void filter_fixedTokenRefused_noPointlessReplay() throws IOException {
        Recorder transport = new Recorder(r -> status(401));

        HttpResponse r =
                AuthFilter.of(TokenProvider.of(new Token("fixed"))).filter(HttpRequest.get(SERVERS), transport);

        assertEquals(401, r.statusCode());
        assertEquals(List.of("fixed"), transport.tokensSent());
    }

    private static List<Integer> callFromThreads(AuthFilter filter, HttpTransport transport, int threads, int calls)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    for (int c = 0; c < calls; c++) {
                        statuses.add(filter.filter(HttpRequest.get(SERVERS), transport::execute)
                                .statusCode());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a thread failed", failures.get(0));
        }
        return statuses;
    }

    /** A clock that stands still until advanced. */
    private static final class MutableClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2024-05-01T10:00:00Z"));

        void advance(java.time.Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static HttpResponse filter(TokenProvider tokens, Recorder transport, HttpRequest request)
            throws IOException {
        return AuthFilter.of(tokens).filter(request, transport);
    }

    private static HttpResponse status(int status) {
        return HttpResponse.of(status, Headers.empty(), "");
    }

    private static String token(HttpRequest r) {
        return r.headers().firstValue(TOKEN_HEADER).orElseThrow(() -> new AssertionError("no token sent"));
    }

    // Parked, and not on a lock or latch (AQS): inside the provider, that means waiting for the refresh.
    // Detection is by thread state and park blocker, not by time.
    private static void holdUntilOthersWaitForTheRefresh(List<Thread> workers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : workers) {
            while (t != Thread.currentThread() && !(t.getState() == Thread.State.WAITING && waitsForRefresh(t))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(t.getName() + " never waited for the refresh; state " + t.getState());
                }
                Thread.yield();
            }
        }
    }

    // Waiting for the refresh is waiting on the provider's result, or on the filter's lock that the refreshing
    // thread holds; waiting on the test's latch or barrier (other AQS synchronizers) is not.
    private static boolean waitsForRefresh(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        return !(blocker instanceof AbstractQueuedSynchronizer)
                || blocker.getClass().getEnclosingClass() == ReentrantLock.class;
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not every thread sent the stale token within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static final class Token implements AuthToken {
        private final String id;

        Token(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "Token{id=***}";
        }
    }

    /** Hands out the given ids in turn: the first from token(), each next one from refresh(). */
    private static final class ScriptedTokens implements TokenProvider {
        private final List<String> ids;
        private int current;
        final List<String> refreshed = new ArrayList<>();

        ScriptedTokens(String... ids) {
            this.ids = List.of(ids);
        }

        @Override
        public AuthToken token() {
            return new Token(ids.get(current));
        }

        @Override
        public AuthToken refresh(AuthToken staleToken) {
            refreshed.add(staleToken.id());
            current++;
            return new Token(ids.get(current));
        }
    }

    private static final class Recorder implements FilterChain {
        final List<HttpRequest> requests = Collections.synchronizedList(new ArrayList<>());
        private final Function<HttpRequest, HttpResponse> answer;

        Recorder(Function<HttpRequest, HttpResponse> answer) {
            this.answer = answer;
        }

        @Override
        public HttpResponse proceed(HttpRequest request) {
            requests.add(request);
            return answer.apply(request);
        }

        List<String> tokensSent() {
            List<String> out = new ArrayList<>();
            requests.forEach(r -> out.add(token(r)));
            return out;
        }
    }
}
