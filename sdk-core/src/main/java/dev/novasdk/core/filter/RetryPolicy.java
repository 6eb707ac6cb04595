package dev.novasdk.core.filter;

/**
 * How often and how long to retry. Immutable.
 */
public final class RetryPolicy {
    private RetryPolicy() {
    }

    /** 3 attempts with capped exponential backoff and full jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy();
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return new RetryPolicy();
    }
}
