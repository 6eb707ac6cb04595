package dev.novasdk.core.error;

/**
 * 413 or 429: the service refused the request for its rate or size. {@link #retryAfter()} says how long it
 * asked to wait, when it said. Note that nova's 413 usually means "request body too large", which waiting
 * does not fix.
 */
public class RateLimitException extends ApiException {
    /** An exception describing {@code error}. */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
