package dev.novasdk.core.error;

/**
 * 5xx: The service failed (5xx).
 */
public class ServerErrorException extends ApiException {
    /** An exception describing {@code error}. */
    public ServerErrorException(ApiError error) {
        super(error);
    }
}
