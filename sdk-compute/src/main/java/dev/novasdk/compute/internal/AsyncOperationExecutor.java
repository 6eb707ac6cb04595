package dev.novasdk.compute.internal;

import dev.novasdk.core.auth.AsyncTokenProvider;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.AsyncSleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs any {@link Operation} without blocking: the same requests as {@link OperationExecutor} (which builds
 * them: endpoint, path, microversion by the one rule, body, attributes) sent through the {@link AsyncHttpPipeline}
 * and decoded by the same readers. Before the first request it obtains a token and the cloud's microversions
 * without blocking, so building requests never waits. Futures fail with the exceptions the blocking executor
 * throws; a bad argument or a field the usable versions refuse fails the future before anything is sent.
 * Thread-safe. Not API.
 */
public final class AsyncOperationExecutor {
    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private final OperationExecutor requests;
    private final AsyncHttpPipeline pipeline;
    private final AsyncTokenProvider tokens; // null: no authentication
    private final AsyncSleeper sleeper;
    private final LongSupplier nanoTime;

    /** An executor building requests with {@code requests} and sending them through {@code pipeline}. */
    public AsyncOperationExecutor(
            OperationExecutor requests,
            AsyncHttpPipeline pipeline,
            AsyncTokenProvider tokens,
            AsyncSleeper sleeper,
            LongSupplier nanoTime) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.tokens = tokens;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** This executor, with every request it sends carrying these budgets instead of the pipeline's. */
    public AsyncOperationExecutor withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new AsyncOperationExecutor(
                requests.withTimeouts(callTimeout, attemptTimeout), pipeline, tokens, sleeper, nanoTime);
    }

    /** A future of the result of {@code call} of {@code operation}. */
    public <I, O> CompletableFuture<O> call(Operation<I, O> operation, Call<I> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        AtomicReference<CompletableFuture<?>> sent = new AtomicReference<>();
        CompletableFuture<O> result = ready().thenCompose(v -> {
            HttpRequest request = requests.request(operation, call, null);
            CompletableFuture<HttpResponse> response = pipeline.sendAsync(request);
            sent.set(response);
            return response.thenApply(r -> requests.read(operation, request, r));
        });
        // A cancelled call cancels its exchange (the transport drops the connection) once it has started.
        result.whenComplete((r, e) -> {
            CompletableFuture<?> exchange = sent.get();
            if (result.isCancelled() && exchange != null) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    /** {@link #call}, with empty for a status the operation says means "no such resource". */
    public <I, O> CompletableFuture<Optional<O>> callIfPresent(Operation<I, O> operation, Call<I> call) {
        return call(operation, call).handle((result, failure) -> {
            if (failure == null) {
                return Optional.of(result);
            }
            Throwable cause = Futures.unwrap(failure);
            if (cause instanceof ApiException && operation.isAbsent(((ApiException) cause).statusCode())) {
                return Optional.empty();
            }
            throw Futures.wrap(failure);
        });
    }

    /** A lazy listing of {@code call} of {@code operation}; see {@link OperationExecutor#list}. */
    public <D, T> PagedPublisher<T> list(ListOperation<D, T> operation, Call<Void> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        return list(operation.idOf(), operation.unsettled(), () -> new OperationExecutor.Listing<>(operation, call));
    }

    /**
     * A lazy listing as {@link OperationExecutor#list(Function, Predicate, Supplier)} makes, as a publisher:
     * pages are fetched as the subscriber asks for items.
     */
    public <D, T> PagedPublisher<T> list(
            Function<? super T, String> idOf,
            Predicate<? super T> unsettled,
            Supplier<OperationExecutor.Listing<D, T>> start) {
        Objects.requireNonNull(start, "start");
        return PagedPublisher.distinct(
                previous -> ready().thenCompose(v -> {
                    OperationExecutor.Listing<D, T> listing = start.get();
                    HttpRequest request = requests.pageRequest(listing, previous);
                    return pipeline.sendAsync(request).thenApply(response -> requests.page(listing, request, response));
                }),
                idOf,
                unsettled,
                sleeper);
    }

    /**
     * Completes once requests can be built without blocking: a token is cached (so the catalog is known) and
     * the cloud's microversions are known.
     */
    public CompletableFuture<Void> ready() {
        CompletableFuture<?> token = tokens == null ? READY : tokens.tokenAsync();
        return token.thenCompose(t -> requests.versions().cloudAsync(pipeline)).thenApply(r -> null);
    }

    /** The blocking executor that builds this one's requests. */
    public OperationExecutor requests() {
        return requests;
    }

    /** How async waiters pause. */
    public AsyncSleeper sleeper() {
        return sleeper;
    }

    /** How waiters measure time. */
    public LongSupplier nanoTime() {
        return nanoTime;
    }
}
