package dev.novasdk.core.filter;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestAttribute;
import dev.novasdk.core.internal.CallObserver;
import dev.novasdk.core.internal.Checks;
import dev.novasdk.core.internal.ErrorMapper;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.internal.SafeUri;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.core.waiter.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again when a failure is likely to pass and repeating it cannot do harm. It sits above the
 * per-attempt filters, so every attempt is authenticated and logged afresh.
 *
 * <p>A request is retried, up to {@link RetryPolicy#maxAttempts()} attempts in all, only when its body is
 * {@linkplain HttpRequest#repeatable() repeatable} and:
 * <ul>
 *   <li>the connection could not be made ({@link TransportException.Kind#CONNECT_FAILED}): any method, since
 *       nothing reached the server. Unknown hosts and TLS failures are not retried; they don't fix
 *       themselves;</li>
 *   <li>the response timed out or the connection broke after the request may have been sent: idempotent
 *       methods only ({@link dev.novasdk.core.http.HttpMethod#isIdempotent()});</li>
 *   <li>the status is 502, 503 or 504: idempotent methods only;</li>
 *   <li>the status is 429: any method, since the service refused the request without acting on it;</li>
 *   <li>the status is 413 with a {@code Retry-After} (header, or nova's {@code overLimit.retryAfter}): any
 *       method. Without one, nova's 413 means the body is too large, which waiting does not fix.</li>
 * </ul>
 * A POST or PATCH the server may have processed is never sent again: a replayed create boots a second
 * server. 401 is left to {@link AuthFilter}; no other status is retried.
 *
 * <p>Between attempts the filter waits for {@code Retry-After} when the response has one, else for the
 * policy's jittered backoff. A {@code Retry-After} longer than {@link RetryPolicy#maxRetryAfter()} is not
 * waited for: the response is returned at once. After the last attempt the last response is returned, or
 * the last {@link IOException} thrown. Each retry is logged at DEBUG to {@code dev.novasdk.retry} with the
 * method, the redacted URI, the attempt, the reason and the delay; never headers or bodies.
 *
 * <p>Every call has a time budget, the call timeout, that covers all its attempts and the waits between
 * them, and every attempt has its own, the attempt timeout. The filter puts the earlier of the two ends on
 * each attempt as {@link Deadline#ATTRIBUTE}; the transport gives up there with
 * {@link dev.novasdk.core.http.DeadlineExceededException} ({@link TransportException.Kind#DEADLINE_EXCEEDED}),
 * which is retried like a response timeout: for idempotent methods only. The filter never waits past the end
 * of the call's budget: when the next delay would reach it, the last response or failure goes to the caller
 * at once. A request can carry its own budgets as {@link #CALL_TIMEOUT} and {@link #ATTEMPT_TIMEOUT}.
 */
public final class RetryFilter implements Filter, AsyncFilter {
    /**
     * The time budget of one call, all attempts and waits included, for this request only; it replaces the
     * filter's {@linkplain Builder#callTimeout(Duration) call timeout}. Must be positive.
     */
    public static final RequestAttribute<Duration> CALL_TIMEOUT = RequestAttribute.of("callTimeout", Duration.class);

    /**
     * The time budget of each attempt of this request; it replaces the filter's
     * {@linkplain Builder#attemptTimeout(Duration) attempt timeout}. Must be positive.
     */
    public static final RequestAttribute<Duration> ATTEMPT_TIMEOUT =
            RequestAttribute.of("attemptTimeout", Duration.class);

    /** The default budget of one call, retries and waits included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);

    /** The default budget of one attempt. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger("dev.novasdk.retry");

    /**
     * Whether a request may be sent again after it may have reached the service, when that differs from its
     * method's rule ({@link HttpMethod#isIdempotent()}): a POST action that only sets a state can say true.
     */
    public static final RequestAttribute<Boolean> IDEMPOTENT = RequestAttribute.of("idempotent", Boolean.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final AsyncSleeper asyncSleeper;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration callTimeout;
    private final Duration attemptTimeout;

    private RetryFilter(Builder b) {
        this.policy = b.policy;
        this.sleeper = b.sleeper;
        this.asyncSleeper = b.asyncSleeper;
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
        this.callTimeout = b.callTimeout;
        this.attemptTimeout = b.attemptTimeout;
    }

    /**
     * A filter retrying by {@code policy}, waiting with {@code sleeper}, and measuring HTTP-date
     * {@code Retry-After} values against {@code clock}, with the default time budgets.
     */
    public static RetryFilter of(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        return builder().policy(policy).sleeper(sleeper).clock(clock).build();
    }

    /** A builder starting from the default policy, the system clocks and the default time budgets. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code request} until it gets a response or failure that is not worth retrying, or the attempts
     * run out.
     *
     * @throws InterruptedIOException when the thread is interrupted while waiting to retry; the interrupt
     *         flag is set again
     */
    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(next, "next");
        Deadline call = Deadline.after(budget(request, CALL_TIMEOUT, callTimeout), "call timeout", nanoTime);
        Duration perAttempt = budget(request, ATTEMPT_TIMEOUT, attemptTimeout);
        for (int attempt = 1; ; attempt++) {
            HttpResponse response = null;
            IOException failure = null;
            try {
                response = next.proceed(attemptRequest(request, call, perAttempt));
            } catch (IOException e) {
                failure = e;
            }
            Optional<Duration> delay = nextDelay(request, call, attempt, response, failure);
            if (delay.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            // The failed response is dropped here: its body is a byte array, so there is nothing to release.
            pause(delay.get(), request, attempt, failure != null ? describe(failure) : describe(response), failure);
        }
    }

    /**
     * Sends {@code request} as {@link #filter} does, waiting between attempts on the
     * {@linkplain Builder#asyncSleeper async sleeper} instead of a thread; the sleeper is required. Cancelling the returned future stops
     * the retries: the attempt or wait in progress is cancelled and no other starts.
     */
    @Override
    public CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(next, "next");
        if (asyncSleeper == null) {
            throw new IllegalStateException("this RetryFilter has no AsyncSleeper; build it with one");
        }
        Deadline call = Deadline.after(budget(request, CALL_TIMEOUT, callTimeout), "call timeout", nanoTime);
        Duration perAttempt = budget(request, ATTEMPT_TIMEOUT, attemptTimeout);
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<?> step = current.get();
            if (result.isCancelled() && step != null) {
                step.cancel(true);
            }
        });
        attemptAsync(request, next, call, perAttempt, 1, result, current);
        return result;
    }

    private void attemptAsync(
            HttpRequest request,
            AsyncFilterChain next,
            Deadline call,
            Duration perAttempt,
            int attempt,
            CompletableFuture<HttpResponse> result,
            AtomicReference<CompletableFuture<?>> current) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse> sent;
        try {
            sent = next.proceedAsync(attemptRequest(request, call, perAttempt));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        current.set(sent);
        sent.whenComplete((response, thrown) -> {
            Throwable cause = Futures.unwrap(thrown);
            if (cause != null && !(cause instanceof IOException)) {
                result.completeExceptionally(cause);
                return;
            }
            IOException failure = (IOException) cause;
            Optional<Duration> delay =
                    result.isDone() ? Optional.empty() : nextDelay(request, call, attempt, response, failure);
            if (delay.isEmpty()) {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(response);
                }
                return;
            }
            CompletableFuture<Void> wait = asyncSleeper.sleep(delay.get());
            current.set(wait);
            wait.whenComplete((ignored, waitFailure) -> {
                if (waitFailure != null) {
                    if (!result.isDone()) {
                        InterruptedIOException interrupted = new InterruptedIOException(request.method() + " "
                                + SafeUri.of(request.uri()) + ": the wait to retry after attempt " + attempt + "/"
                                + policy.maxAttempts() + " ended with " + Futures.unwrap(waitFailure));
                        interrupted.initCause(Futures.unwrap(waitFailure));
                        if (failure != null) {
                            interrupted.addSuppressed(failure);
                        }
                        result.completeExceptionally(interrupted);
                    }
                    return;
                }
                attemptAsync(request, next, call, perAttempt, attempt + 1, result, current);
            });
        });
    }

    private HttpRequest attemptRequest(HttpRequest request, Deadline call, Duration perAttempt) {
        return request.withAttribute(
                Deadline.ATTRIBUTE, call.earlier(Deadline.after(perAttempt, "attempt timeout", nanoTime)));
    }

    // The wait before the next attempt, or empty when the response or failure goes to the caller; logs which.
    private Optional<Duration> nextDelay(
            HttpRequest request, Deadline call, int attempt, HttpResponse response, IOException failure) {
        int maxAttempts = policy.maxAttempts();
        Optional<Duration> delay = attempt >= maxAttempts
                ? Optional.empty()
                : failure != null ? delayAfter(request, failure, attempt) : delayAfter(request, response, attempt);
        if (delay.isPresent() && delay.get().toNanos() >= call.remainingNanos()) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "{} {} attempt {}/{} failed with {}; not retrying: a wait of {} ms would pass the {}",
                        request.method(),
                        SafeUri.of(request.uri()),
                        attempt,
                        maxAttempts,
                        failure != null ? describe(failure) : describe(response),
                        delay.get().toMillis(),
                        call);
            }
            return Optional.empty();
        }
        if (delay.isPresent() && LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} attempt {}/{} failed with {}; retrying in {} ms",
                    request.method(),
                    SafeUri.of(request.uri()),
                    attempt,
                    maxAttempts,
                    failure != null ? describe(failure) : describe(response),
                    delay.get().toMillis());
        }
        if (delay.isPresent()) {
            CallObserver.retrying(request, delay.get());
        }
        return delay;
    }

    private Optional<Duration> delayAfter(HttpRequest request, IOException failure, int attempt) {
        // Even a refused connection may follow the transport opening a stream body, which cannot be rewound.
        if (!request.repeatable() || cancelled(failure) || failure.getCause() instanceof CancellationException) {
            return Optional.empty();
        }
        TransportException.Kind kind = TransportException.classify(failure);
        boolean retry;
        switch (kind) {
            case CONNECT_FAILED:
                retry = true;
                break;
            case RESPONSE_TIMEOUT:
            case CONNECTION_FAILED:
            case DEADLINE_EXCEEDED:
                retry = isIdempotent(request);
                break;
            default:
                retry = false;
        }
        return retry ? Optional.of(policy.backoff(attempt)) : Optional.empty();
    }

    private Optional<Duration> delayAfter(HttpRequest request, HttpResponse response, int attempt) {
        // A response means the server read the request, so a stream body has been consumed.
        if (!request.repeatable()) {
            return Optional.empty();
        }
        int status = response.statusCode();
        boolean retry;
        switch (status) {
            case 429:
                retry = true;
                break;
            case 502:
            case 503:
            case 504:
                retry = isIdempotent(request);
                break;
            case 413:
                retry = true; // only with a Retry-After, checked below
                break;
            default:
                retry = false;
        }
        if (!retry) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = retryAfter(response);
        if (retryAfter.isEmpty()) {
            return status == 413 ? Optional.empty() : Optional.of(policy.backoff(attempt));
        }
        if (retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "{} {} attempt {}/{} failed with {}; not retrying: Retry-After {} s exceeds maxRetryAfter {} s",
                        request.method(),
                        SafeUri.of(request.uri()),
                        attempt,
                        policy.maxAttempts(),
                        describe(response),
                        retryAfter.get().getSeconds(),
                        policy.maxRetryAfter().getSeconds());
            }
            return Optional.empty();
        }
        return retryAfter;
    }

    private Optional<Duration> retryAfter(HttpResponse response) {
        // The header, else nova's body member ({"overLimit": {"retryAfter": ..}}): one parser for retries and
        // for the exception the caller finally sees.
        return ErrorMapper.retryAfter(response, clock);
    }

    private void pause(Duration delay, HttpRequest request, int attempt, String reason, IOException failure)
            throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(request.method() + " "
                    + SafeUri.of(request.uri()) + ": interrupted while waiting to retry after attempt " + attempt
                    + "/" + policy.maxAttempts() + " failed with " + reason);
            interrupted.initCause(e);
            if (failure != null) {
                interrupted.addSuppressed(failure);
            }
            throw interrupted;
        }
    }

    private static Duration budget(HttpRequest request, RequestAttribute<Duration> key, Duration otherwise) {
        Optional<Duration> own = request.attribute(key);
        if (own.isEmpty()) {
            return otherwise;
        }
        return Checks.positive(own.get(), key.name());
    }

    // The caller gave up (interrupt): another attempt would work against it. A socket timeout is also an
    // InterruptedIOException but says nothing about the caller.
    private static boolean cancelled(IOException failure) {
        return Thread.currentThread().isInterrupted()
                || (failure instanceof InterruptedIOException && !(failure instanceof SocketTimeoutException));
    }

    // Exception class and kind only: messages of transport exceptions may repeat the URI with its query.
    private static String describe(IOException failure) {
        return TransportException.classify(failure) + " (" + failure.getClass().getSimpleName() + ")";
    }

    private static String describe(HttpResponse response) {
        return response.statusCode() + " " + response.reasonPhrase()
                + response.requestId().map(id -> " [" + id + "]").orElse("");
    }

    private static boolean isIdempotent(HttpRequest request) {
        return request.attribute(IDEMPOTENT).orElse(request.method().isIdempotent());
    }

    /** Mutable builder of {@link RetryFilter}; not thread-safe. */
    public static final class Builder {
        private RetryPolicy policy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private AsyncSleeper asyncSleeper;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;

        private Builder() {}

        /** How often and how long to retry (default {@link RetryPolicy#defaults()}). */
        public Builder policy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** How the filter waits between attempts; tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * How the filter waits between attempts of async calls, usually {@link AsyncSleeper#of} the async
         * client's scheduler; tests pass one that moves a fake clock. Required for {@link #filterAsync}.
         */
        public Builder asyncSleeper(AsyncSleeper asyncSleeper) {
            this.asyncSleeper = Objects.requireNonNull(asyncSleeper, "asyncSleeper");
            return this;
        }

        /** The clock HTTP-date {@code Retry-After} values are measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The monotonic clock the time budgets are measured on (default {@link System#nanoTime()}); tests
         * pass one that their sleeper advances.
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * The time budget of one call: every attempt and every wait between attempts (default 5 min). When it
         * runs out, the attempt in progress fails with
         * {@link TransportException.Kind#DEADLINE_EXCEEDED} and no further attempt starts.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.positive(timeout, "callTimeout");
            return this;
        }

        /**
         * The time budget of one attempt, from sending the request to the last byte of the response body
         * (default 2 min). Unlike the transport's response timeout, which only bounds the server's silence,
         * it also stops a server that sends slowly but never stops.
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = Checks.positive(timeout, "attemptTimeout");
            return this;
        }

        /** A new filter. */
        public RetryFilter build() {
            return new RetryFilter(this);
        }
    }
}
