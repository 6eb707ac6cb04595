package dev.novasdk.core.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancelling an async wait at any point stops it: no pause stays pending and no poll follows. */
class WaiterCancelDuringPollTest {
    @Test
    void cancelWhileThePauseIsAskedFor_cancelsThePauseAndPollsNoMore() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> firstPoll = new CompletableFuture<>();
        AtomicReference<CompletableFuture<String>> waitRef = new AtomicReference<>();
        List<CompletableFuture<Void>> pauses = new ArrayList<>();
        // The wait is cancelled from inside the sleeper: after the poll ended, before the pause is known.
        AsyncSleeper sleeper = d -> {
            waitRef.get().cancel(true);
            CompletableFuture<Void> pause = new CompletableFuture<>();
            pauses.add(pause);
            return pause;
        };
        CompletableFuture<String> wait = Waiter.<String>asyncBuilder(() -> {
                    polls.incrementAndGet();
                    return firstPoll;
                })
                .description("a status that never comes")
                .successWhen("ACTIVE"::equals)
                .options(WaitOptions.of(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .nanoTime(() -> 0L)
                .asyncSleeper(sleeper)
                .build()
                .awaitAsync();
        waitRef.set(wait);

        firstPoll.complete("BUILD");

        assertTrue(wait.isCancelled());
        assertEquals(1, pauses.size());
        assertTrue(pauses.get(0).isCancelled(), "the pending pause is cancelled");
        assertEquals(1, polls.get());
    }
}
