package dev.novasdk.core.error;

/**
 * 409: The resource is in a state that does not allow the request, or the request conflicts with another resource.
 */
public class ConflictException extends ApiException {
    /** An exception describing {@code error}. */
    public ConflictException(ApiError error) {
        super(error);
    }
}
