package dev.novasdk.core.error;

/**
 * Root of every exception the SDK throws for a failed call; never thrown itself. Unchecked, like the AWS SDK
 * v2's {@code SdkException}. Messages never contain tokens, passwords or other secrets.
 */
public abstract class OpenStackException extends RuntimeException {
    protected OpenStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
