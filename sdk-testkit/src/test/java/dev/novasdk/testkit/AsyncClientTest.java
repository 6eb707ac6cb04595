package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerActionFailedException;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.filter.RetryPolicy;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.junit.FakeCloudExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The async client's authentication, retries and waiters against FakeCloud: one re-authentication for a storm
 * of 401s, retry delays taken on the async sleeper, cancelled waiters that stop polling, and failed boots that
 * fail the waiter with Nova's fault.
 */
@ExtendWith(FakeCloudExtension.class)
class AsyncClientTest {
    private static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static String boot(ComputeAsyncClient nova, FakeCloud cloud, String name) {
        return nova.servers()
                .create(ServerCreate.builder()
                        .name(name)
                        .imageId(cloud.imageId("cirros"))
                        .flavorId("1")
                        .networksNone()
                        .build())
                .join()
                .id();
    }

    private static <T> T await(CompletableFuture<T> future) {
        // A stuck request must fail the test, not hang the build.
        return future.orTimeout(1, TimeUnit.MINUTES).join();
    }

    @Test
    void tokenRevokedUnder64Callers_reauthenticatesOnce(ComputeAsyncClient nova, FakeCloud cloud) {
        String id = boot(nova, cloud, "storm");
        int before = cloud.authenticationCount();
        // The cloud forgets the token the client still holds: every caller gets a 401 with it.
        cloud.expireAllTokens();
        cloud.clearRequests();

        List<CompletableFuture<Server>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(nova.servers().get(id));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
                .orTimeout(1, TimeUnit.MINUTES)
                .join();

        assertEquals(64, calls.stream().filter(c -> c.join().id().equals(id)).count());
        assertEquals(before + 1, cloud.authenticationCount());
        assertEquals(1, cloud.requestCount("POST", "/identity/v3/auth/tokens"));
        long unauthorized = cloud.requests().stream()
                .filter(r -> r.statusCode() == 401 && r.path().endsWith("/servers/" + id))
                .count();
        assertTrue(unauthorized >= 1 && unauthorized <= 64, "401s: " + unauthorized);
    }

    @Test
    void cancelledStatusWaiter_stopsPolling(Session session, FakeCloud cloud) {
        // SHUTOFF never comes: the waiter polls until cancelled.
        cancelDuringThePause(
                session, cloud, (nova, id) -> nova.servers().waitForStatus(id, ServerStatus.SHUTOFF, WAITS));
    }

    @Test
    void cancelledDeleteWaiter_stopsPolling(Session session, FakeCloud cloud) {
        // The server is never deleted: the waiter polls until cancelled.
        cancelDuringThePause(session, cloud, (nova, id) -> nova.servers().waitForDelete(id, WAITS));
    }

    private static void cancelDuringThePause(
            Session session,
            FakeCloud cloud,
            java.util.function.BiFunction<ComputeAsyncClient, String, CompletableFuture<?>> waiter) {
        ManualSleeper sleeper = new ManualSleeper();
        try (ComputeAsyncClient nova = ComputeAsyncClient.builder()
                .session(session)
                .asyncSleeper(sleeper)
                .build()) {
            String id = boot(nova, cloud, "cancelled");
            String path = "/compute/v2.1/servers/" + id;
            CompletableFuture<?> wait = waiter.apply(nova, id);
            CompletableFuture<Void> firstPause = await(sleeper.next());
            long polls = cloud.requestCount("GET", path);
            assertEquals(1, polls);

            assertTrue(wait.cancel(true));

            // When the cancel overtakes the waiter between its poll and its pause, the waiter's own thread cancels
            // the pause a moment later: wait for that (a pause left pending would time this out).
            await(firstPause.handle((r, e) -> null));
            assertTrue(firstPause.isCancelled(), "the pause in progress is cancelled");
            // Time passes and the pause's timer fires anyway: no poll follows.
            cloud.clock().advance(Duration.ofMinutes(5));
            firstPause.complete(null);
            // A later request of the same client goes out and returns: nothing of the waiter is queued before it.
            await(nova.servers().get(id));
            assertEquals(polls + 1, cloud.requestCount("GET", path));
            assertEquals(1, sleeper.requested.size(), "no other pause was asked for");
        }
    }

    @Test
    void serviceUnavailableOnce_getRetriedAfterTheDelayOnTheAsyncSleeper(Session session, FakeCloud cloud) {
        ManualSleeper sleeper = new ManualSleeper();
        try (ComputeAsyncClient nova = ComputeAsyncClient.builder()
                .session(session)
                .asyncSleeper(sleeper)
                // Half of the 2 s backoff ceiling after the first failed attempt: a 1 s pause.
                .retryPolicy(RetryPolicy.builder()
                        .baseDelay(Duration.ofSeconds(2))
                        .jitter(() -> 0.5)
                        .build())
                .build()) {
            String id = boot(nova, cloud, "retried");
            cloud.failNext(FakeCloud.Service.COMPUTE, 1, 503, null);

            CompletableFuture<Server> got = nova.servers().get(id);
            CompletableFuture<Void> pause = await(sleeper.next());
            assertFalse(got.isDone(), "the retry waits for its pause");
            pause.complete(null);

            assertEquals(id, await(got).id());
            assertEquals(List.of(Duration.ofSeconds(1)), sleeper.requested);
            List<Integer> statuses = cloud.requests().stream()
                    .filter(r -> r.method().equals("GET") && r.path().equals("/compute/v2.1/servers/" + id))
                    .map(RecordedRequest::statusCode)
                    .collect(java.util.stream.Collectors.toList());
            assertEquals(List.of(503, 200), statuses);
        }
    }

    @Test
    void bootEndingInError_failsTheWaiterWithTheFault(ComputeAsyncClient nova, FakeCloud cloud) {
        String id = boot(nova, cloud, "doomed");
        cloud.forceError(id, 500, "No valid host was found. There are not enough hosts available.");

        CompletionException e = assertThrows(
                CompletionException.class, () -> await(nova.servers().waitForStatus(id, ServerStatus.ACTIVE, WAITS)));

        ServerActionFailedException failed = assertInstanceOf(ServerActionFailedException.class, e.getCause());
        assertEquals(
                Optional.of("No valid host was found. There are not enough hosts available."), failed.faultMessage());
        assertEquals(Optional.of(500), failed.faultCode());
        assertEquals(ServerStatus.ERROR, failed.server().status());
        assertTrue(failed.getMessage().contains("went to ERROR while waiting for ACTIVE"), failed.getMessage());
    }

    /**
     * An async sleeper the test drives: it records each pause and hands its future to the test, which completes
     * (or watches the cancellation of) it.
     */
    private static final class ManualSleeper implements AsyncSleeper {
        final List<Duration> requested = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<CompletableFuture<Void>>> handed = new CopyOnWriteArrayList<>();
        private int taken;

        @Override
        public synchronized CompletableFuture<Void> sleep(Duration duration) {
            requested.add(duration);
            CompletableFuture<Void> pause = new CompletableFuture<>();
            slot(requested.size() - 1).complete(pause);
            return pause;
        }

        /** A future of the next pause asked for. */
        synchronized CompletableFuture<CompletableFuture<Void>> next() {
            return slot(taken++).thenApply(Function.identity());
        }

        private CompletableFuture<CompletableFuture<Void>> slot(int i) {
            while (handed.size() <= i) {
                handed.add(new CompletableFuture<>());
            }
            return handed.get(i);
        }
    }
}
