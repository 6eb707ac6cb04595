package dev.novasdk.core.error;

import java.util.Objects;

/**
 * The thread was interrupted while a waiter slept between polls. The thread's interrupt flag has been set
 * again before this is thrown, so code further up still sees the interruption; the
 * {@link InterruptedException} is the cause. Unchecked, so waits can be called without a {@code throws}
 * clause, unlike {@link Thread#sleep}.
 */
public class WaitInterruptedException extends OpenStackException {
    /** An exception whose cause is the interruption that ended the wait. */
    public WaitInterruptedException(String message, InterruptedException cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
    }
}
