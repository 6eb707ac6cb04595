package dev.novasdk.core.error;

/**
 * 403: The caller is not allowed to do this, or a quota would be exceeded (nova reports quota as 403).
 */
public class ForbiddenException extends ApiException {
    /** An exception describing {@code error}. */
    public ForbiddenException(ApiError error) {
        super(error);
    }
}
