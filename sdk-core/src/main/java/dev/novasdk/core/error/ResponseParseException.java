package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A 2xx response whose body could not be decoded into the expected document.
 */
public class ResponseParseException extends OpenStackException {
    private final HttpMethod method;
    private final URI uri;
    private final int statusCode;
    private final String requestId;

    /** An exception for the response to {@code method uri}. */
    public ResponseParseException(
            HttpMethod method, URI uri, int statusCode, String requestId, String detail, Throwable cause) {
        super(
                method + " " + SafeUri.of(uri) + " -> " + statusCode + (requestId == null ? "" : " [" + requestId + "]")
                        + ": response body could not be decoded" + (detail == null ? "" : ": " + detail),
                cause);
        this.method = Objects.requireNonNull(method, "method");
        this.uri = SafeUri.of(Objects.requireNonNull(uri, "uri"));
        this.statusCode = statusCode;
        this.requestId = requestId;
    }

    /** The request method. */
    public HttpMethod method() {
        return method;
    }

    /** The request URI, without secret query values. */
    public URI uri() {
        return uri;
    }

    /** The (successful) status code of the response. */
    public int statusCode() {
        return statusCode;
    }

    /** The service's request id, if sent. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
