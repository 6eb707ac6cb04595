package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The service answered with a non-2xx status. Subclasses name the common statuses; other statuses (405,
 * 406, 410, 415, ...) are thrown as this class. The message reads like
 * {@code POST https://nova/v2.1/servers -> 400 Bad Request [req-1c2d]: Swap drive requested is larger than
 * instance type allows.}
 */
public class ApiException extends OpenStackException {
    private final ApiError error;

    /** An exception describing {@code error}. */
    public ApiException(ApiError error) {
        super(Objects.requireNonNull(error, "error").message(), null);
        this.error = error;
    }

    /** All details of the error response. */
    public ApiError error() {
        return error;
    }

    /** The HTTP status code. */
    public int statusCode() {
        return error.statusCode();
    }

    /** The request method. */
    public HttpMethod method() {
        return error.method();
    }

    /** The request URI, without user info or secret query values. */
    public URI uri() {
        return error.uri();
    }

    /** The service's request id, for support tickets and log searches. */
    public Optional<String> requestId() {
        return error.requestId();
    }

    /** The service's fault name, such as nova's {@code badRequest}. */
    public Optional<String> faultName() {
        return error.faultName();
    }

    /** The service's message. */
    public Optional<String> serviceMessage() {
        return error.serviceMessage();
    }

    /** At most 2 KiB of the response body. */
    public String bodyExcerpt() {
        return error.bodyExcerpt();
    }

    /** The delay the service asked for before another attempt, if it gave one. */
    public Optional<Duration> retryAfter() {
        return error.retryAfter();
    }
}
