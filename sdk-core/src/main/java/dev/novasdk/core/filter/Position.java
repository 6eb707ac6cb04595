package dev.novasdk.core.filter;

/**
 * Where a user filter runs relative to the retry loop.
 */
public enum Position {
    /** Once per call, outside the retry loop (after the user agent and microversion filters). */
    PER_CALL,
    /** Once per attempt, inside the retry loop, after authentication and before logging. */
    PER_ATTEMPT
}
