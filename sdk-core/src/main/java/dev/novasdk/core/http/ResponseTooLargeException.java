package dev.novasdk.core.http;

import java.io.IOException;

/**
 * A transport refused a response because its body or its headers exceed the configured limits. The request
 * reached the server, and asking again would bring the same response, so the SDK never retries it; it reports
 * it as {@link dev.novasdk.core.error.TransportException.Kind#RESPONSE_TOO_LARGE}.
 */
public class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message, which should name the limit and the setting that raises it. */
    public ResponseTooLargeException(String message) {
        super(message);
    }
}
