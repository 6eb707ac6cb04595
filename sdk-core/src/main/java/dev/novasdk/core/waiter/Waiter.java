package dev.novasdk.core.waiter;

import dev.novasdk.core.error.WaitInterruptedException;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.internal.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a value satisfies a success condition, a failure condition, or a deadline passes. Managers
 * build one for {@code waitForStatus} and {@code waitForDelete}; it never returns null and never returns
 * silently on a timeout or an error state.
 *
 * <pre>{@code
 * Server active = Waiter.builder(() -> servers.get(id))
 *         .description("server " + id + " to become ACTIVE")
 *         .successWhen(s -> s.status() == ServerStatus.ACTIVE)
 *         .failWhen(s -> s.status() == ServerStatus.ERROR, s -> new ResourceErrorException(..))
 *         .options(WaitOptions.defaults())
 *         .build()
 *         .await();
 * }</pre>
 *
 * <p>A waiter is immutable: {@link #await()} keeps its state on the stack, so it may be called again, and
 * from several threads at once if the poll, predicates and callback allow it.
 *
 * @param <T> the polled value, usually a resource
 */
public final class Waiter<T> {
    private static final int MAX_VALUE_TEXT = 200;

    private final Supplier<? extends T> poll; // null for an async waiter
    private final Supplier<? extends CompletionStage<? extends T>> asyncPoll;
    private final AsyncSleeper asyncSleeper;
    private final String description;
    private final Predicate<? super T> success;
    private final List<Failure<T>> failures;
    private final List<ExceptionSuccess<T>> exceptionSuccesses;
    private final Consumer<? super T> progress;
    private final WaitOptions options;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    private Waiter(Builder<T> b) {
        this.poll = b.poll;
        this.asyncPoll = b.asyncPoll;
        this.asyncSleeper = b.asyncSleeper;
        this.description = b.description;
        this.success = b.success;
        this.failures = List.copyOf(b.failures);
        this.exceptionSuccesses = List.copyOf(b.exceptionSuccesses);
        this.progress = b.progress;
        this.options = b.options;
        this.nanoTime = b.nanoTime;
        this.sleeper = b.sleeper;
    }

    /** A builder of a waiter that calls {@code poll} to read the current value, typically a {@code get(id)}. */
    public static <T> Builder<T> builder(Supplier<? extends T> poll) {
        return new Builder<>(Objects.requireNonNull(poll, "poll"), null);
    }

    /**
     * A builder of a waiter for {@link #awaitAsync()}, that calls {@code poll} for a future of the current value,
     * typically an async client's {@code get(id)}; it also needs an {@link Builder#asyncSleeper}.
     */
    public static <T> Builder<T> asyncBuilder(Supplier<? extends CompletionStage<? extends T>> poll) {
        return new Builder<>(null, Objects.requireNonNull(poll, "poll"));
    }

    /**
     * Blocks the calling thread until the wait ends. Polls at once, then sleeps between polls as
     * {@link WaitOptions} describe; a sleep never reaches past the deadline, so the last poll happens at the
     * deadline. Each value goes to the progress callback, then to the failure conditions in the order they
     * were added, then to the success condition.
     *
     * @return the first value that satisfied the success condition, or the result configured with
     *         {@link Builder#successOnException}
     * @throws WaitTimeoutException     when the deadline passes; carries the last value polled
     * @throws WaitInterruptedException when the thread is interrupted while sleeping; the interrupt flag is
     *                                  set again
     * @throws RuntimeException         built by a failure condition, or thrown by the poll (other than the
     *                                  exceptions that mean success)
     */
    public T await() {
        if (poll == null) {
            throw new IllegalStateException("this waiter polls asynchronously; use awaitAsync()");
        }
        long start = nanoTime.getAsLong();
        long interval = saturatedNanos(options.initialInterval());
        while (true) {
            T value;
            T done;
            try {
                value = poll.get();
                done = judge(value, null);
            } catch (RuntimeException e) {
                value = null;
                done = judge(null, e);
            }
            if (done != null) {
                return done;
            }
            long pause = pause(start, interval, value);
            try {
                sleeper.sleep(Duration.ofNanos(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException(
                        "interrupted after " + format(Duration.ofNanos(nanoTime.getAsLong() - start)) + " waiting for "
                                + description,
                        e);
            }
            interval = nextInterval(interval);
        }
    }

    /**
     * Waits without holding a thread: polls with the async poll, pausing on the {@link AsyncSleeper} between
     * polls as {@link #await()} does on its sleeper. The future completes with the value {@link #await()} would
     * return, or fails with what it would throw. Cancelling the future stops the polling: the poll or pause in
     * progress is cancelled and no other starts.
     *
     * @throws IllegalStateException when the waiter was built with a blocking poll or without an async sleeper
     */
    public CompletableFuture<T> awaitAsync() {
        if (asyncPoll == null || asyncSleeper == null) {
            throw new IllegalStateException("awaitAsync() needs Waiter.asyncBuilder(..) and an asyncSleeper(..)");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<?> step = current.get();
            if (result.isCancelled() && step != null) {
                step.cancel(true);
            }
        });
        pollAsync(nanoTime.getAsLong(), saturatedNanos(options.initialInterval()), result, current);
        return result;
    }

    private void pollAsync(
            long start, long interval, CompletableFuture<T> result, AtomicReference<CompletableFuture<?>> current) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<? extends T> polled;
        try {
            polled = asyncPoll.get().toCompletableFuture();
        } catch (RuntimeException e) {
            polled = CompletableFuture.failedFuture(e);
        }
        current.set(polled);
        polled.whenComplete((value, thrown) -> {
            if (result.isDone()) {
                return;
            }
            long pause;
            try {
                Throwable cause = Futures.unwrap(thrown);
                if (cause != null && !(cause instanceof RuntimeException)) {
                    result.completeExceptionally(cause);
                    return;
                }
                T done = judge(value, (RuntimeException) cause);
                if (done != null) {
                    result.complete(done);
                    return;
                }
                pause = pause(start, interval, value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            CompletableFuture<Void> wait = asyncSleeper.sleep(Duration.ofNanos(pause));
            current.set(wait);
            // A cancel that came while the pause was being asked for found the finished poll in current, not the
            // pause: cancel the pause here, so its timer does not stay queued.
            if (result.isCancelled()) {
                wait.cancel(true);
            }
            wait.whenComplete((ignored, waitFailure) -> {
                if (waitFailure != null) {
                    // A sleeper whose scheduler was shut down (the client closed): the wait cannot go on.
                    result.completeExceptionally(waitFailure);
                    return;
                }
                pollAsync(start, nextInterval(interval), result, current);
            });
        });
    }

    // The value the wait ends with, or null to poll again; throws when a failure condition matches. Exactly one
    // of value and error is set. Each value goes to the progress callback, then to the failure conditions in the
    // order they were added, then to the success condition.
    private T judge(T value, RuntimeException error) {
        if (error != null) {
            for (ExceptionSuccess<T> s : exceptionSuccesses) {
                if (s.type.isInstance(error)) {
                    return Objects.requireNonNull(
                            s.result.apply(error),
                            "the successOnException result was null while waiting for " + description);
                }
            }
            throw error;
        }
        if (value == null) {
            throw new NullPointerException("the poll returned null while waiting for " + description);
        }
        progress.accept(value);
        for (Failure<T> f : failures) {
            if (f.condition.test(value)) {
                RuntimeException failure = f.exception.apply(value);
                throw Objects.requireNonNull(
                        failure, "the failWhen exception was null while waiting for " + description);
            }
        }
        return success.test(value) ? value : null;
    }

    // The pause before the next poll, never past the deadline; throws the timeout once it has passed.
    private long pause(long start, long interval, T value) {
        // Differences of nanoTime, not absolute values, so a wrap-around of the counter does no harm.
        long elapsed = nanoTime.getAsLong() - start;
        long remaining = saturatedNanos(options.timeout()) - elapsed;
        if (remaining <= 0) {
            throw new WaitTimeoutException(
                    "timed out after " + format(options.timeout()) + " waiting for " + description + "; last value: "
                            + shortText(value),
                    Duration.ofNanos(elapsed),
                    value);
        }
        return Math.min(interval, remaining);
    }

    private long nextInterval(long interval) {
        return (long) Math.min((double) saturatedNanos(options.maxInterval()), interval * options.multiplier());
    }

    @Override
    public String toString() {
        return "Waiter[" + description + ", " + options + "]";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    // Resources print all their fields; a message needs just enough to see the state they were left in.
    private static String shortText(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= MAX_VALUE_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_TEXT - 1)) ? MAX_VALUE_TEXT - 1 : MAX_VALUE_TEXT;
        return text.substring(0, end) + "...";
    }

    /** {@code 10m}, {@code 1m30s}, {@code 1.5s}, {@code 250ms}: easier to read than {@code PT1M30S}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative() || d.compareTo(Duration.ofMillis(1)) < 0) {
            return d.toNanos() + "ns";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long hours = d.toHours();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (d.toMinutesPart() > 0) {
            sb.append(d.toMinutesPart()).append('m');
        }
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        if (seconds > 0 || millis > 0) {
            sb.append(seconds);
            if (millis > 0) {
                String fraction = String.format(Locale.ROOT, "%03d", millis);
                sb.append('.').append(fraction.replaceAll("0+$", ""));
            }
            sb.append('s');
        }
        return sb.toString();
    }

    private static final class Failure<T> {
        final Predicate<? super T> condition;
        final Function<? super T, ? extends RuntimeException> exception;

        Failure(Predicate<? super T> condition, Function<? super T, ? extends RuntimeException> exception) {
            this.condition = condition;
            this.exception = exception;
        }
    }

    private static final class ExceptionSuccess<T> {
        final Class<? extends RuntimeException> type;
        final Function<RuntimeException, ? extends T> result;

        ExceptionSuccess(Class<? extends RuntimeException> type, Function<RuntimeException, ? extends T> result) {
            this.type = type;
            this.result = result;
        }
    }

    /**
     * Mutable builder of {@link Waiter}. {@link #description} and {@link #successWhen} are required; the
     * rest have defaults: {@link WaitOptions#defaults()}, {@link Sleeper#system()},
     * {@link System#nanoTime()}, no failure conditions and no progress callback.
     */
    public static final class Builder<T> {
        private final Supplier<? extends T> poll;
        private final Supplier<? extends CompletionStage<? extends T>> asyncPoll;
        private AsyncSleeper asyncSleeper;
        private String description;
        private Predicate<? super T> success;
        private final List<Failure<T>> failures = new ArrayList<>();
        private final List<ExceptionSuccess<T>> exceptionSuccesses = new ArrayList<>();
        private Consumer<? super T> progress = value -> {};
        private WaitOptions options = WaitOptions.defaults();
        private LongSupplier nanoTime = System::nanoTime;
        private Sleeper sleeper = Sleeper.system();

        private Builder(Supplier<? extends T> poll, Supplier<? extends CompletionStage<? extends T>> asyncPoll) {
            this.poll = poll;
            this.asyncPoll = asyncPoll;
        }

        /**
         * What is awaited, completing "waiting for ...": {@code "server 1234 to become ACTIVE"}. Used in
         * exception messages, so it must not contain secrets.
         */
        public Builder<T> description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The condition that ends the wait successfully; replaces an earlier one. */
        public Builder<T> successWhen(Predicate<? super T> success) {
            this.success = Objects.requireNonNull(success, "success");
            return this;
        }

        /**
         * Adds a condition that ends the wait with the exception {@code exception} builds from the value, such
         * as a {@code ResourceErrorException} carrying nova's fault when a server reaches {@code ERROR}.
         * Failure conditions are checked in the order added, before the success condition.
         */
        public Builder<T> failWhen(
                Predicate<? super T> condition, Function<? super T, ? extends RuntimeException> exception) {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(exception, "exception");
            failures.add(new Failure<>(condition, exception));
            return this;
        }

        /**
         * Makes an exception of {@code type} thrown by the poll end the wait successfully, with the value
         * {@code result} computes from it. For {@code waitForDelete}, {@code NotFoundException} means the
         * resource is gone: {@code successOnException(NotFoundException.class, e -> Optional.empty())} on a
         * waiter of {@code Optional<Server>}. Other exceptions from the poll propagate unchanged.
         */
        public <X extends RuntimeException> Builder<T> successOnException(
                Class<X> type, Function<? super X, ? extends T> result) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(result, "result");
            exceptionSuccesses.add(new ExceptionSuccess<>(type, e -> result.apply(type.cast(e))));
            return this;
        }

        /**
         * A callback given every polled value, in order, right after its poll and before the conditions are
         * checked; for progress bars and logs. It runs on the thread calling {@link Waiter#await()} (for
         * {@link Waiter#awaitAsync()}, on the thread completing the poll), so it should be quick; an exception it
         * throws ends the wait.
         */
        public Builder<T> onProgress(Consumer<? super T> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Timeout and backoff; {@link WaitOptions#defaults()} unless set. */
        public Builder<T> options(WaitOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The monotonic time source in nanoseconds, {@code System::nanoTime} unless set. Only differences are
         * used. Tests pass a fake whose {@link Sleeper} advances it.
         */
        public Builder<T> nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** Sleeps between polls; {@link Sleeper#system()} unless set. */
        public Builder<T> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Pauses between the polls of {@link Waiter#awaitAsync()}; required by it. */
        public Builder<T> asyncSleeper(AsyncSleeper asyncSleeper) {
            this.asyncSleeper = Objects.requireNonNull(asyncSleeper, "asyncSleeper");
            return this;
        }

        /**
         * A new immutable waiter; later changes to this builder do not affect it.
         *
         * @throws IllegalStateException when {@code description} or {@code successWhen} was not set
         */
        public Waiter<T> build() {
            if (description == null) {
                throw new IllegalStateException("description must be set");
            }
            if (success == null) {
                throw new IllegalStateException("successWhen must be set");
            }
            return new Waiter<>(this);
        }
    }
}
