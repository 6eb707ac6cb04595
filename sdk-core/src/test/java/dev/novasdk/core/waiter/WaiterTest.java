package dev.novasdk.core.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.ApiError;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.error.WaitInterruptedException;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaiterTest {
    private static final URI SERVER_URI = URI.create("https://nova.example/v2.1/servers/1234");

    /** A stand-in for a server as polled. */
    record Vm(String status, int poll) {}

    private final FakeTime time = new FakeTime();
    private int polls;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A poll that reports the given statuses in turn, then repeats the last one. */
    private Supplier<Vm> statuses(String... statuses) {
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(statuses));
        return () -> {
            polls++;
            String status = queue.size() > 1 ? queue.poll() : queue.peek();
            return new Vm(status, polls);
        };
    }

    private Waiter.Builder<Vm> untilActive(Supplier<Vm> poll, WaitOptions options) {
        return Waiter.builder(poll)
                .description("server 1234 to become ACTIVE")
                .successWhen(vm -> vm.status().equals("ACTIVE"))
                .options(options)
                .nanoTime(time)
                .sleeper(time);
    }

    private static WaitOptions options(long timeoutSeconds, long initialSeconds, long maxSeconds, double multiplier) {
        return WaitOptions.builder()
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .initialInterval(Duration.ofSeconds(initialSeconds))
                .maxInterval(Duration.ofSeconds(maxSeconds))
                .multiplier(multiplier)
                .build();
    }

    private static NotFoundException notFound() {
        return new NotFoundException(
                ApiError.builder(404, HttpMethod.GET, SERVER_URI).build());
    }

    @Test
    void await_successOnFirstPoll_returnsItWithoutSleeping() {
        Vm result =
                untilActive(statuses("ACTIVE"), WaitOptions.defaults()).build().await();

        assertEquals(new Vm("ACTIVE", 1), result);
        assertEquals(List.of(), time.sleeps);
    }

    @Test
    void await_manyPolls_sleepsGrowByTheMultiplierUpToTheCap() {
        Supplier<Vm> poll =
                statuses("BUILD", "BUILD", "BUILD", "BUILD", "BUILD", "BUILD", "BUILD", "BUILD", "BUILD", "ACTIVE");

        Vm result = untilActive(poll, WaitOptions.builder().multiplier(1.5).build())
                .build()
                .await();

        assertEquals(new Vm("ACTIVE", 10), result);
        assertEquals(
                List.of(
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1500),
                        Duration.ofMillis(2250),
                        Duration.ofNanos(3_375_000_000L),
                        Duration.ofNanos(5_062_500_000L),
                        Duration.ofNanos(7_593_750_000L),
                        Duration.ofNanos(11_390_625_000L),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(15)),
                time.sleeps);
    }

    @Test
    void await_multiplierOne_pollsAtAFixedInterval() {
        untilActive(statuses("BUILD", "BUILD", "BUILD", "ACTIVE"), options(60, 5, 5, 1.0))
                .build()
                .await();

        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), time.sleeps);
    }

    @Test
    void await_deadlinePasses_throwsWaitTimeoutWithLastValueAndExactWait() {
        Waiter<Vm> waiter =
                untilActive(statuses("BUILD"), options(10, 1, 4, 2.0)).build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        // Polls at 0, 1, 3, 7 and 10 s: the last sleep is cut from 4 s to 3 s so the last poll is at the deadline.
        assertEquals(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3)),
                time.sleeps);
        assertEquals(5, polls);
        assertEquals(Duration.ofSeconds(10), e.waited());
        assertEquals(Optional.of(new Vm("BUILD", 5)), e.lastValue(Vm.class));
        assertEquals(
                "timed out after 10s waiting for server 1234 to become ACTIVE; last value: " + new Vm("BUILD", 5),
                e.getMessage());
    }

    @Test
    void await_intervalLongerThanTimeout_sleepsOnlyUntilTheDeadline() {
        Waiter<Vm> waiter =
                untilActive(statuses("BUILD"), options(3, 5, 5, 1.0)).build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps);
        assertEquals(2, polls);
        assertEquals(Duration.ofSeconds(3), e.waited());
    }

    @Test
    void await_slowPolls_neverSleepPastTheDeadline() {
        Supplier<Vm> slowPoll = () -> {
            time.advance(Duration.ofSeconds(2)); // each GET takes 2 s
            polls++;
            return new Vm("BUILD", polls);
        };
        Waiter<Vm> waiter = untilActive(slowPoll, options(10, 1, 4, 2.0)).build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        // Poll ends at 2; sleep 1; poll ends at 5; sleep 2; poll ends at 9; sleep only the 1 s left; poll ends at 12.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)), time.sleeps);
        assertEquals(Duration.ofSeconds(12), e.waited());
        assertEquals(Optional.of(new Vm("BUILD", 4)), e.lastValue(Vm.class));
    }

    @Test
    void await_zeroTimeout_pollsOnceThenTimesOut() {
        Waiter<Vm> waiter = untilActive(
                        statuses("BUILD"),
                        WaitOptions.builder().timeout(Duration.ZERO).build())
                .build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        assertEquals(1, polls);
        assertEquals(List.of(), time.sleeps);
        assertEquals(Duration.ZERO, e.waited());
    }

    @Test
    void await_timeoutWithLongValue_messageShortensTheValue() {
        String longStatus = "X".repeat(1000);
        Waiter<Vm> waiter =
                untilActive(statuses(longStatus), options(1, 1, 1, 1.0)).build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().endsWith("..."), e.getMessage());
        assertEquals(Optional.of(longStatus), e.lastValue(Vm.class).map(Vm::status));
    }

    @Test
    void await_failureCondition_throwsTheBuiltExceptionCarryingTheValue() {
        Waiter<Vm> waiter = untilActive(statuses("BUILD", "ERROR"), WaitOptions.defaults())
                .failWhen(
                        vm -> vm.status().equals("ERROR"),
                        vm -> new ResourceErrorException(
                                "server 1234 went to ERROR", vm, 500, "No valid host was found.", null))
                .build();

        ResourceErrorException e = assertThrows(ResourceErrorException.class, waiter::await);

        assertEquals(Optional.of(new Vm("ERROR", 2)), e.resource(Vm.class));
        assertEquals(Optional.of("No valid host was found."), e.faultMessage());
        assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps);
    }

    @Test
    void await_severalFailureConditions_firstMatchingOneWins() {
        RuntimeException deleted = new IllegalStateException("deleted");
        Waiter<Vm> waiter = untilActive(statuses("DELETED"), WaitOptions.defaults())
                .failWhen(vm -> vm.status().equals("ERROR"), vm -> new IllegalStateException("error"))
                .failWhen(vm -> vm.status().equals("DELETED"), vm -> deleted)
                .failWhen(vm -> true, vm -> new IllegalStateException("catch-all"))
                .build();

        assertSame(deleted, assertThrows(IllegalStateException.class, waiter::await));
    }

    @Test
    void await_valueMatchesFailureAndSuccess_failureWins() {
        Waiter<Vm> waiter = untilActive(statuses("ACTIVE"), WaitOptions.defaults())
                .failWhen(vm -> true, vm -> new IllegalStateException("failed"))
                .build();

        assertEquals(
                "failed",
                assertThrows(IllegalStateException.class, waiter::await).getMessage());
    }

    @Test
    void await_pollThrowsTheSuccessException_returnsTheConfiguredResult() {
        Supplier<Optional<Vm>> poll = () -> {
            polls++;
            if (polls == 3) {
                throw notFound();
            }
            return Optional.of(new Vm("DELETING", polls));
        };
        Waiter<Optional<Vm>> waiter = Waiter.builder(poll)
                .description("server 1234 to be deleted")
                .successWhen(vm -> vm.map(v -> v.status().equals("DELETED")).orElse(true))
                .successOnException(NotFoundException.class, e -> Optional.empty())
                .nanoTime(time)
                .sleeper(time)
                .build();

        Optional<Vm> result = waiter.await();

        assertEquals(Optional.empty(), result);
        assertEquals(3, polls);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), time.sleeps);
    }

    @Test
    void await_successExceptionResult_receivesTheException() {
        NotFoundException gone = notFound();
        Waiter<String> waiter = Waiter.<String>builder(() -> {
                    throw gone;
                })
                .description("x")
                .successWhen(s -> false)
                .successOnException(NotFoundException.class, e -> "gone " + e.statusCode())
                .build();

        assertEquals("gone 404", waiter.await());
    }

    @Test
    void await_pollThrowsAnotherException_propagatesIt() {
        ConflictException conflict = new ConflictException(
                ApiError.builder(409, HttpMethod.GET, SERVER_URI).build());
        Waiter<Vm> waiter = untilActive(
                        () -> {
                            throw conflict;
                        },
                        WaitOptions.defaults())
                .successOnException(NotFoundException.class, e -> new Vm("GONE", 0))
                .build();

        assertSame(conflict, assertThrows(ConflictException.class, waiter::await));
    }

    @Test
    void await_progressCallback_seesEveryValueInOrder() {
        List<Vm> seen = new ArrayList<>();
        Waiter<Vm> waiter = untilActive(statuses("BUILD", "BUILD", "REBUILD", "ACTIVE"), WaitOptions.defaults())
                .onProgress(seen::add)
                .build();

        waiter.await();

        assertEquals(List.of(new Vm("BUILD", 1), new Vm("BUILD", 2), new Vm("REBUILD", 3), new Vm("ACTIVE", 4)), seen);
    }

    @Test
    void await_progressCallbackOnTimeoutAndFailure_seesTheLastValueToo() {
        List<Vm> seen = new ArrayList<>();
        Waiter<Vm> waiter = untilActive(statuses("BUILD", "ERROR"), WaitOptions.defaults())
                .failWhen(vm -> vm.status().equals("ERROR"), vm -> new IllegalStateException("error"))
                .onProgress(seen::add)
                .build();

        assertThrows(IllegalStateException.class, waiter::await);

        assertEquals(List.of(new Vm("BUILD", 1), new Vm("ERROR", 2)), seen);
    }

    @Test
    void await_sleeperInterrupted_restoresTheFlagAndThrowsWaitInterrupted() {
        InterruptedException interruption = new InterruptedException("shutdown");
        Waiter<Vm> waiter = Waiter.builder(statuses("BUILD"))
                .description("server 1234 to become ACTIVE")
                .successWhen(vm -> false)
                .nanoTime(time)
                .sleeper(d -> {
                    throw interruption;
                })
                .build();

        WaitInterruptedException e = assertThrows(WaitInterruptedException.class, waiter::await);

        assertTrue(Thread.currentThread().isInterrupted());
        assertSame(interruption, e.getCause());
        assertEquals("interrupted after 0s waiting for server 1234 to become ACTIVE", e.getMessage());
        assertEquals(1, polls);
    }

    @Test
    void await_interruptedWithTheSystemSleeper_restoresTheFlag() {
        Waiter<Vm> waiter = Waiter.builder(statuses("BUILD"))
                .description("server 1234 to become ACTIVE")
                .successWhen(vm -> false)
                .options(WaitOptions.of(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)))
                .build();
        // Already interrupted, so Thread.sleep throws at once instead of sleeping.
        Thread.currentThread().interrupt();

        assertThrows(WaitInterruptedException.class, waiter::await);

        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void await_calledAgain_startsOverWithTheInitialInterval() {
        Waiter<Vm> waiter = untilActive(statuses("BUILD", "BUILD", "ACTIVE", "BUILD", "ACTIVE"), WaitOptions.defaults())
                .build();

        assertEquals(new Vm("ACTIVE", 3), waiter.await());
        assertEquals(new Vm("ACTIVE", 5), waiter.await());

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(1)), time.sleeps);
    }

    @Test
    void await_builderChangedAfterBuild_waiterUnaffected() {
        Waiter.Builder<Vm> builder = untilActive(statuses("ERROR", "ACTIVE"), WaitOptions.defaults());
        Waiter<Vm> waiter = builder.build();

        builder.failWhen(vm -> vm.status().equals("ERROR"), vm -> new IllegalStateException("error"));

        assertEquals(new Vm("ACTIVE", 2), waiter.await());
    }

    @Test
    void await_pollReturnsNull_throwsNullPointerNamingTheWait() {
        Waiter<Vm> waiter = untilActive(() -> null, WaitOptions.defaults()).build();

        NullPointerException e = assertThrows(NullPointerException.class, waiter::await);

        assertEquals("the poll returned null while waiting for server 1234 to become ACTIVE", e.getMessage());
    }

    @Test
    void build_withoutSuccessCondition_throwsNamingIt() {
        Waiter.Builder<Vm> builder = Waiter.builder(statuses("BUILD")).description("x");

        assertEquals(
                "successWhen must be set",
                assertThrows(IllegalStateException.class, builder::build).getMessage());
    }

    @Test
    void build_withoutDescription_throwsNamingIt() {
        Waiter.Builder<Vm> builder = Waiter.builder(statuses("BUILD")).successWhen(vm -> true);

        assertEquals(
                "description must be set",
                assertThrows(IllegalStateException.class, builder::build).getMessage());
    }

    @Test
    void builder_nullPoll_throwsNullPointerNamingIt() {
        assertEquals(
                "poll",
                assertThrows(NullPointerException.class, () -> Waiter.builder(null))
                        .getMessage());
    }

    @Test
    void format_durations_readable() {
        assertEquals("10m", Waiter.format(Duration.ofMinutes(10)));
        assertEquals("1h1m30s", Waiter.format(Duration.ofSeconds(3690)));
        assertEquals("1.5s", Waiter.format(Duration.ofMillis(1500)));
        assertEquals("250ms", Waiter.format(Duration.ofMillis(250)));
        assertEquals("0s", Waiter.format(Duration.ZERO));
        assertFalse(Waiter.format(Duration.ofNanos(500)).isEmpty());
    }
}
