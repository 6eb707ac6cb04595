package dev.novasdk.core.internal;

import java.util.concurrent.CompletionException;

/**
 * The two conversions every asynchronous stage of the SDK makes between a failure and the
 * {@link CompletionException} that {@code CompletableFuture} wraps it in. Not API.
 */
public final class Futures {
    private Futures() {}

    /**
     * The failure itself, without the {@link CompletionException} wrappers dependent stages add: what a caller
     * of the blocking API would have caught. {@code null} stays {@code null}.
     */
    public static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * {@code t} as the exception a stage throws to fail its future with {@code t}: itself when it already is a
     * {@link CompletionException}, else wrapped once.
     */
    public static CompletionException wrap(Throwable t) {
        return t instanceof CompletionException c ? c : new CompletionException(t);
    }
}
