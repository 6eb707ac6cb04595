package dev.novasdk.core.error;

/**
 * 400: The request was malformed or failed the service's validation.
 */
public class BadRequestException extends ApiException {
    /** An exception describing {@code error}. */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
