package dev.novasdk.compute.internal;

import java.util.Objects;

/**
 * One call of one operation, checked and built once and run by either executor: the blocking manager runs
 * it with {@link OperationExecutor#call}, the async one with {@link AsyncOperationExecutor#call}, so both send
 * the same request after the same argument checks. Not API.
 *
 * @param <I> the body's type ({@link Void} for none)
 * @param <O> the result's type
 */
record Invocation<I, O>(Operation<I, O> operation, Call<I> call) {
    Invocation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
    }

    static <I, O> Invocation<I, O> of(Operation<I, O> operation, Call<I> call) {
        return new Invocation<>(operation, call);
    }

    /** Runs this call on the blocking executor. */
    O run(OperationExecutor executor) {
        return executor.call(operation, call);
    }
}
