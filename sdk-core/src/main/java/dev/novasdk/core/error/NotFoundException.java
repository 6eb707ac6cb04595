package dev.novasdk.core.error;

/**
 * 404: The resource does not exist (or, in nova, the API does not exist at the requested microversion).
 */
public class NotFoundException extends ApiException {
    /** An exception describing {@code error}. */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
