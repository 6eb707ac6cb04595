package dev.novasdk.core.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Waiter#awaitAsync()}: the blocking waiter's rules, with pauses on an {@link AsyncSleeper}. */
class AsyncWaiterTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();
    private final AsyncSleeper sleeper = d -> {
        pauses.add(d);
        now.addAndGet(d.toNanos());
        return CompletableFuture.completedFuture(null);
    };
    private final WaitOptions options = WaitOptions.builder()
            .timeout(Duration.ofSeconds(10))
            .initialInterval(Duration.ofSeconds(1))
            .maxInterval(Duration.ofSeconds(4))
            .multiplier(2)
            .build();

    private Waiter.Builder<Integer> counting(AtomicInteger polls) {
        return Waiter.<Integer>asyncBuilder(() -> CompletableFuture.completedFuture(polls.incrementAndGet()))
                .description("the count to reach 4")
                .options(options)
                .asyncSleeper(sleeper)
                .nanoTime(now::get);
    }

    @Test
    void pollsWithBackoffUntilSuccess() {
        AtomicInteger polls = new AtomicInteger();
        assertEquals(
                4, counting(polls).successWhen(v -> v == 4).build().awaitAsync().join());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
    }

    @Test
    void aFailureConditionFailsTheFuture() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<Integer> f = counting(polls)
                .successWhen(v -> v == 10)
                .failWhen(v -> v == 2, v -> new IllegalStateException("went wrong at " + v))
                .build()
                .awaitAsync();
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertEquals("went wrong at 2", e.getCause().getMessage());
    }

    @Test
    void theDeadlineFailsTheFutureWithTheLastValue() {
        AtomicInteger polls = new AtomicInteger();
        CompletionException e = assertThrows(CompletionException.class, () -> counting(polls)
                .successWhen(v -> false)
                .build()
                .awaitAsync()
                .join());
        WaitTimeoutException t = assertInstanceOf(WaitTimeoutException.class, e.getCause());
        assertTrue(t.getMessage().contains("the count to reach 4"), t.getMessage());
        // Pauses never reach past the deadline: 1 + 2 + 4 + 3 = 10 s.
        assertEquals(Duration.ofSeconds(10), pauses.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void anExceptionMeaningSuccessEndsTheWait() {
        Optional<String> gone = Waiter.<Optional<String>>asyncBuilder(
                        () -> CompletableFuture.failedFuture(new IllegalArgumentException("404")))
                .description("it to go")
                .successWhen(Optional::isEmpty)
                .successOnException(IllegalArgumentException.class, e -> Optional.empty())
                .asyncSleeper(sleeper)
                .build()
                .awaitAsync()
                .join();
        assertTrue(gone.isEmpty());
    }

    @Test
    void cancellingTheFutureStopsThePolling() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<Void> pause = new CompletableFuture<>();
        CompletableFuture<Integer> f = Waiter.<Integer>asyncBuilder(
                        () -> CompletableFuture.completedFuture(polls.incrementAndGet()))
                .description("never")
                .successWhen(v -> false)
                .asyncSleeper(d -> pause)
                .build()
                .awaitAsync();
        assertEquals(1, polls.get());
        f.cancel(true);
        assertTrue(pause.isCancelled(), "the pause in progress is cancelled");
        assertEquals(1, polls.get());
    }

    @Test
    void aBlockingWaiterRefusesAwaitAsyncAndAnAsyncOneRefusesAwait() {
        Waiter<Integer> blocking =
                Waiter.builder(() -> 1).description("x").successWhen(v -> true).build();
        assertThrows(IllegalStateException.class, blocking::awaitAsync);
        Waiter<Integer> async = Waiter.<Integer>asyncBuilder(() -> CompletableFuture.completedFuture(1))
                .description("x")
                .successWhen(v -> true)
                .asyncSleeper(sleeper)
                .build();
        assertThrows(IllegalStateException.class, async::await);
    }
}
