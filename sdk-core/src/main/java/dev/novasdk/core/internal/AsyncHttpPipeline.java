package dev.novasdk.core.internal;

import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.OpenStackException;
import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.filter.AsyncFilter;
import dev.novasdk.core.filter.AsyncFilterChain;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The async twin of {@link HttpPipeline}: the same filters in the same order, each in its non-blocking form,
 * over an {@link AsyncHttpTransport}. Built by {@link HttpPipeline.Builder#buildAsync}. Futures it returns fail
 * with the exceptions the blocking pipeline throws ({@link ApiException} subclasses, {@link TransportException}),
 * wrapped in {@link CompletionException} for dependent stages. Immutable and thread-safe.
 */
public final class AsyncHttpPipeline implements AutoCloseable {
    private final AsyncHttpTransport transport;
    private final boolean ownsTransport;
    private final AsyncFilterChain head;
    private final ErrorMapper errorMapper;
    private final Secrets secrets;
    private final CallObserver observer; // null without listeners

    AsyncHttpPipeline(
            AsyncHttpTransport transport,
            boolean ownsTransport,
            List<Object> filters,
            ErrorMapper errorMapper,
            Secrets secrets,
            CallObserver observer) {
        this.observer = observer;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.errorMapper = errorMapper;
        this.secrets = secrets;
        AsyncFilterChain chain = request -> execute(transport, request);
        for (int i = filters.size() - 1; i >= 0; i--) {
            AsyncFilter f = (AsyncFilter) filters.get(i);
            AsyncFilterChain next = chain;
            chain = request -> f.filterAsync(request, next);
        }
        this.head = chain;
    }

    // As in the blocking pipeline: an unchecked failure of the transport becomes an IOException the retry logic
    // can classify; one thrown instead of returned becomes a failed future.
    private static CompletableFuture<HttpResponse> execute(AsyncHttpTransport transport, HttpRequest request) {
        CompletableFuture<HttpResponse> sent;
        try {
            sent = transport.executeAsync(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(asIo(e));
        }
        if (sent == null) {
            return CompletableFuture.failedFuture(new IOException("the transport returned no future"));
        }
        return sent.exceptionallyCompose(failure -> {
            Throwable cause = Futures.unwrap(failure);
            return CompletableFuture.failedFuture(
                    cause instanceof IOException
                                    || cause instanceof OpenStackException
                                    || !(cause instanceof RuntimeException)
                            ? cause
                            : asIo((RuntimeException) cause));
        });
    }

    private static IOException asIo(RuntimeException e) {
        if (e instanceof OpenStackException) {
            throw e;
        }
        return new IOException(
                "the transport failed with " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                e);
    }

    /**
     * Starts sending the request through the chain; the future completes with a 2xx response or fails with the
     * exception {@link HttpPipeline#send} would throw.
     */
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        CompletableFuture<HttpResponse> exchange = exchangeAsync(request);
        return cancelling(
                exchange.thenApply(response -> {
                    if (!response.isSuccessful()) {
                        throw errorMapper.toException(request, response);
                    }
                    return response;
                }),
                exchange);
    }

    /**
     * {@code derived}, made to cancel {@code source} when it is cancelled: a stage built with {@code thenApply}
     * does not pass a cancellation back to the future it was built on, and the caller's cancel must reach the
     * exchange.
     */
    public static <T> CompletableFuture<T> cancelling(CompletableFuture<T> derived, CompletableFuture<?> source) {
        derived.whenComplete((r, e) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /**
     * Starts sending the request through the chain; the future completes with the response whatever its status,
     * or fails with a {@link TransportException} when none was received.
     */
    public CompletableFuture<HttpResponse> exchangeAsync(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (observer != null) {
            return observedExchange(request);
        }
        return exchange(request, request);
    }

    // The call ends when its future completes, with the response or the exception the caller sees.
    private CompletableFuture<HttpResponse> observedExchange(HttpRequest request) {
        CallObserver.Call call = observer.callStarted(request);
        CompletableFuture<HttpResponse> result = exchange(request, call.attach(request));
        return cancelling(
                result.whenComplete((r, e) -> call.callEnded(r, e == null ? null : Futures.unwrap(e))), result);
    }

    // sent: request, or the same request carrying what the chain needs to observe it.
    private CompletableFuture<HttpResponse> exchange(HttpRequest request, HttpRequest sent) {
        CompletableFuture<HttpResponse> started;
        try {
            started = head.proceedAsync(sent);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse> result = started.handle((response, failure) -> {
            if (failure == null) {
                return response;
            }
            Throwable cause = Futures.unwrap(failure);
            if (cause instanceof IOException) {
                throw TransportException.of(request.method(), request.uri(), (IOException) cause);
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw Futures.wrap(cause);
        });
        // Cancelling the caller's future cancels the exchange below it (the transport aborts the connection).
        return cancelling(result, started);
    }

    /** The mapper that turns error responses into exceptions, scrubbing them of this pipeline's secrets. */
    public ErrorMapper errorMapper() {
        return errorMapper;
    }

    /** The secrets this pipeline has sent or been given. */
    public Secrets secrets() {
        return secrets;
    }

    /** Closes the transport if this pipeline owns it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
