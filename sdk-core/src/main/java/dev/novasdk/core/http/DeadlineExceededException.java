package dev.novasdk.core.http;

import java.net.SocketTimeoutException;

/**
 * A transport gave up because the request's {@link Deadline} passed: the time budget of the call or of the
 * attempt ran out, whether the server was silent, slow to send headers or trickling the body. It is a
 * {@link SocketTimeoutException}, so code that treats timeouts alike keeps working; the SDK reports it as
 * {@link dev.novasdk.core.error.TransportException.Kind#DEADLINE_EXCEEDED}.
 */
public class DeadlineExceededException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message, which must not contain secrets. */
    public DeadlineExceededException(String message) {
        super(message);
    }
}
