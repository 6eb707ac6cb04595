package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.util.Objects;

/**
 * No usable HTTP response was received: the connection was refused or reset, timed out, failed TLS, the
 * response was malformed or truncated, exceeded a size limit, or the call ran out of time.
 */
public class TransportException extends OpenStackException {
    /** What went wrong on the wire. */
    public enum Kind {
        /** Connection refused, host unreachable or connect timeout: the request was not sent. */
        CONNECT_FAILED(false),
        /** The host name did not resolve: the request was not sent. */
        UNKNOWN_HOST(false),
        /** TLS handshake or certificate failure: the request was not sent. */
        TLS(false),
        /** No response within the response timeout; the server may have processed the request. */
        RESPONSE_TIMEOUT(true),
        /** The connection was reset or closed, or the response was truncated or malformed. */
        CONNECTION_FAILED(true),
        /**
         * The response body or headers exceed the transport's limits; the same response would come back, so it
         * is never retried.
         */
        RESPONSE_TOO_LARGE(true),
        /**
         * The time budget of the call or of the attempt ran out (a slow, stalled or trickling server); the
         * server may have processed the request.
         */
        DEADLINE_EXCEEDED(true);

        private final boolean maybeSent;

        Kind(boolean maybeSent) {
            this.maybeSent = maybeSent;
        }

        /** Whether the server may have received and processed the request. */
        public boolean mayHaveReachedServer() {
            return maybeSent;
        }
    }

    private final Kind kind;
    private final HttpMethod method;
    private final URI uri;

    /**
     * @param uri the request URI; its query and user info are dropped from the message
     */
    public TransportException(Kind kind, HttpMethod method, URI uri, String detail, Throwable cause) {
        super(
                method + " " + SafeUri.of(uri) + " -> " + describe(kind)
                        + (detail == null || detail.isBlank() ? "" : ": " + detail),
                cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.method = Objects.requireNonNull(method, "method");
        this.uri = SafeUri.of(uri);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The request method. */
    public HttpMethod method() {
        return method;
    }

    /** The request URI with query values of secret-looking parameters and user info removed. */
    public URI uri() {
        return uri;
    }

    /**
     * Classifies a transport's {@link java.io.IOException} by the contract of
     * {@link dev.novasdk.core.http.HttpTransport}, looking through its causes.
     */
    public static Kind classify(java.io.IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Before the timeouts below: a deadline breach is also a SocketTimeoutException.
            if (t instanceof dev.novasdk.core.http.DeadlineExceededException) {
                return Kind.DEADLINE_EXCEEDED;
            }
            if (t instanceof dev.novasdk.core.http.ResponseTooLargeException) {
                return Kind.RESPONSE_TOO_LARGE;
            }
            if (t instanceof java.net.UnknownHostException) {
                return Kind.UNKNOWN_HOST;
            }
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return Kind.CONNECT_FAILED;
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return Kind.TLS;
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return Kind.RESPONSE_TIMEOUT;
            }
        }
        return Kind.CONNECTION_FAILED;
    }

    /** A transport exception for {@code failure} of the request {@code method uri}. */
    public static TransportException of(HttpMethod method, URI uri, java.io.IOException failure) {
        String detail = failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new TransportException(classify(failure), method, uri, detail, failure);
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case CONNECT_FAILED:
                return "connection failed";
            case UNKNOWN_HOST:
                return "unknown host";
            case TLS:
                return "TLS failure";
            case RESPONSE_TIMEOUT:
                return "response timed out";
            case RESPONSE_TOO_LARGE:
                return "response too large";
            case DEADLINE_EXCEEDED:
                return "deadline exceeded";
            default:
                return "connection broken";
        }
    }
}
