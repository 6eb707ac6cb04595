package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.auth.AsyncTokens;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.CachingTokenProvider;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async pipeline: the same filters as the blocking one, in their non-blocking form. */
class AsyncHttpPipelineTest {
    private static final URI SERVER = URI.create("https://nova.example/v2.1/servers/1");

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A transport answering on a pool thread with what {@code answer} gives for each request. */
    private AsyncHttpTransport transport(Function<HttpRequest, HttpResponse> answer) {
        return request -> CompletableFuture.supplyAsync(() -> answer.apply(request), pool);
    }

    private HttpPipeline.Builder builder() {
        return HttpPipeline.builder()
                .logging(false)
                .retryPolicy(RetryPolicy.defaults())
                .asyncSleeper(d -> {
                    waits.add(d);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static HttpResponse status(int code) {
        return HttpResponse.of(code, Headers.of("Content-Type", "application/json"), "{}");
    }

    @Test
    void errorStatusesFailTheFutureWithTheBlockingPipelinesException() {
        AsyncHttpPipeline p = builder().buildAsync(transport(r -> HttpResponse.of(404, Headers.empty(), "")), true);
        CompletionException e = assertThrows(CompletionException.class, () -> p.sendAsync(HttpRequest.get(SERVER))
                .join());
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void transportFailuresBecomeTransportExceptions() {
        AsyncHttpPipeline p = builder()
                .retryPolicy(RetryPolicy.none())
                .buildAsync(r -> CompletableFuture.failedFuture(new ConnectException("refused")), true);
        CompletionException e = assertThrows(CompletionException.class, () -> p.sendAsync(HttpRequest.get(SERVER))
                .join());
        TransportException t = assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(TransportException.Kind.CONNECT_FAILED, t.kind());
    }

    @Test
    void anIdempotentRequestIsRetriedAfterA503WithTheDelayTakenOnTheAsyncSleeper() {
        AtomicInteger calls = new AtomicInteger();
        AsyncHttpPipeline p =
                builder().buildAsync(transport(r -> status(calls.incrementAndGet() == 1 ? 503 : 200)), true);
        assertEquals(200, p.sendAsync(HttpRequest.get(SERVER)).join().statusCode());
        assertEquals(2, calls.get());
        assertEquals(1, waits.size());
    }

    @Test
    void aPostIsNotRetriedAfterA503() {
        AtomicInteger calls = new AtomicInteger();
        AsyncHttpPipeline p = builder()
                .buildAsync(
                        transport(r -> {
                            calls.incrementAndGet();
                            return status(503);
                        }),
                        true);
        HttpRequest post = HttpRequest.builder(HttpMethod.POST, SERVER)
                .body(RequestBody.wrap("{}".getBytes(), RequestBody.JSON))
                .build();
        CompletionException e =
                assertThrows(CompletionException.class, () -> p.sendAsync(post).join());
        assertInstanceOf(ServerErrorException.class, e.getCause());
        assertEquals(1, calls.get());
        assertTrue(waits.isEmpty());
    }

    @Test
    void cancellingTheCallDuringARetryWaitStartsNoFurtherAttempt() {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> pending = new CompletableFuture<>();
        AsyncHttpPipeline p = builder()
                .asyncSleeper(d -> pending)
                .buildAsync(
                        transport(r -> {
                            calls.incrementAndGet();
                            return status(503);
                        }),
                        true);
        CompletableFuture<HttpResponse> call = p.sendAsync(HttpRequest.get(SERVER));
        // The first attempt has failed once the retry filter waits on the sleeper's future.
        waitUntil(() -> calls.get() == 1 && pending.getNumberOfDependents() > 0);
        call.cancel(true);
        assertTrue(pending.isCancelled(), "the wait before the retry is cancelled");
        assertEquals(1, calls.get());
    }

    @Test
    void sixtyFourCallersRefusedAtOnceShareOneReauthentication() throws Exception {
        AtomicInteger authentications = new AtomicInteger();
        CachingTokenProvider<AuthToken> provider = CachingTokenProvider.of(() -> AuthToken.of(
                "token-" + authentications.incrementAndGet(), Instant.now().plusSeconds(3600)));
        provider.token(); // token-1 cached: the one the service has revoked
        int callers = 64;
        CountDownLatch allRefused = new CountDownLatch(callers);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AsyncHttpTransport service = request -> {
            String token = request.headers().firstValue("X-Auth-Token").orElse("");
            seen.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            if (token.equals("token-1")) {
                allRefused.countDown();
                // Every caller is refused before any of them re-authenticates: a true storm.
                return CompletableFuture.runAsync(() -> await(allRefused), pool)
                        .thenApply(v -> HttpResponse.of(401, Headers.empty(), ""));
            }
            return CompletableFuture.completedFuture(status(200));
        };
        ExecutorService auth = Executors.newSingleThreadExecutor();
        try {
            AsyncHttpPipeline p = builder()
                    .tokenProvider(provider)
                    .asyncTokenProvider(AsyncTokens.of(provider, auth))
                    .buildAsync(service, true);
            List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(p.sendAsync(HttpRequest.get(SERVER)));
            }
            for (CompletableFuture<HttpResponse> c : calls) {
                assertEquals(200, c.get(30, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(2, authentications.get(), "one authentication for the first token, one for the storm");
            assertEquals(callers, seen.get("token-1").get());
            assertEquals(callers, seen.get("token-2").get());
        } finally {
            auth.shutdownNow();
        }
    }

    @Test
    void theSecretsOfAsyncRequestsAreLearnedForScrubbing() {
        AsyncHttpPipeline p = builder()
                .tokenProvider(dev.novasdk.core.auth.TokenProvider.of(AuthToken.of("tok-secret-123456", null)))
                .asyncTokenProvider(AsyncTokens.of(
                        dev.novasdk.core.auth.TokenProvider.of(AuthToken.of("tok-secret-123456", null)), pool))
                .buildAsync(transport(r -> status(200)), true);
        p.sendAsync(HttpRequest.get(SERVER)).join();
        assertFalse(p.secrets().scrub("x tok-secret-123456 y").contains("tok-secret-123456"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
