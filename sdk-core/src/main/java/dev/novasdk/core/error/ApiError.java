package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.ErrorMapper;
import dev.novasdk.core.internal.HttpStatus;
import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about a non-2xx response, as read by {@link ErrorMapper}: the request it answered, the
 * status, the service's fault name and message, and the request id. Immutable.
 */
public final class ApiError {
    private final int statusCode;
    private final String reasonPhrase;
    private final HttpMethod method;
    private final URI uri;
    private final String requestId;
    private final String faultName;
    private final String serviceMessage;
    private final String bodyExcerpt;
    private final Duration retryAfter;
    private final String authReceipt;

    private ApiError(Builder b) {
        this.statusCode = b.statusCode;
        this.reasonPhrase = b.reasonPhrase != null ? b.reasonPhrase : HttpStatus.reasonPhrase(b.statusCode);
        this.method = Objects.requireNonNull(b.method, "method");
        this.uri = SafeUri.of(Objects.requireNonNull(b.uri, "uri"));
        this.requestId = b.requestId;
        this.faultName = b.faultName;
        this.serviceMessage = b.serviceMessage;
        this.bodyExcerpt = b.bodyExcerpt == null ? "" : b.bodyExcerpt;
        this.retryAfter = b.retryAfter;
        this.authReceipt = b.authReceipt;
    }

    /** A builder; {@code statusCode}, {@code method} and {@code uri} are required. */
    public static Builder builder(int statusCode, HttpMethod method, URI uri) {
        return new Builder(statusCode, method, uri);
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase, from the response or the standard one. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The request method. */
    public HttpMethod method() {
        return method;
    }

    /** The request URI, with user info and secret-looking query values removed. */
    public URI uri() {
        return uri;
    }

    /** {@code x-openstack-request-id} or {@code x-compute-request-id}, when the service sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The fault name: nova's envelope key ({@code badRequest}, {@code itemNotFound}, {@code computeFault}),
     * keystone's title ({@code Unauthorized}), WebOb's title, or the OAuth2 error code.
     */
    public Optional<String> faultName() {
        return Optional.ofNullable(faultName);
    }

    /** The human-readable message the service gave, cleaned of markup. */
    public Optional<String> serviceMessage() {
        return Optional.ofNullable(serviceMessage);
    }

    /** The start of the response body (at most 2 KiB of text), for diagnosis. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** How long the service asked the client to wait, from {@code Retry-After} or nova's {@code retryAfter}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Keystone's {@code Openstack-Auth-Receipt} for a multi-factor authentication that needs more methods. */
    public Optional<String> authReceipt() {
        return Optional.ofNullable(authReceipt);
    }

    /**
     * The exception message: {@code POST https://nova/v2.1/servers -> 400 Bad Request [req-1c2d]: Swap drive
     * requested is larger than instance type allows.}
     */
    public String message() {
        StringBuilder sb = new StringBuilder(128);
        sb.append(method)
                .append(' ')
                .append(uri)
                .append(" -> ")
                .append(statusCode)
                .append(' ')
                .append(reasonPhrase);
        if (requestId != null) {
            sb.append(" [").append(requestId).append(']');
        }
        if (serviceMessage != null && !serviceMessage.isEmpty()) {
            sb.append(": ").append(serviceMessage);
        } else if (faultName != null) {
            sb.append(": ").append(faultName);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }

    /** Mutable builder of {@link ApiError}. */
    public static final class Builder {
        private final int statusCode;
        private String reasonPhrase;
        private final HttpMethod method;
        private final URI uri;
        private String requestId;
        private String faultName;
        private String serviceMessage;
        private String bodyExcerpt;
        private Duration retryAfter;
        private String authReceipt;

        private Builder(int statusCode, HttpMethod method, URI uri) {
            this.statusCode = statusCode;
            this.method = Objects.requireNonNull(method, "method");
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** The reason phrase as received. */
        public Builder reasonPhrase(String v) {
            this.reasonPhrase = v;
            return this;
        }

        /** The request id. */
        public Builder requestId(String v) {
            this.requestId = v;
            return this;
        }

        /** The fault name. */
        public Builder faultName(String v) {
            this.faultName = v;
            return this;
        }

        /** The service's message. */
        public Builder serviceMessage(String v) {
            this.serviceMessage = v;
            return this;
        }

        /** The body excerpt. */
        public Builder bodyExcerpt(String v) {
            this.bodyExcerpt = v;
            return this;
        }

        /** The delay the service asked for. */
        public Builder retryAfter(Duration v) {
            this.retryAfter = v;
            return this;
        }

        /** Keystone's MFA receipt id. */
        public Builder authReceipt(String v) {
            this.authReceipt = v;
            return this;
        }

        /** A new immutable value. */
        public ApiError build() {
            return new ApiError(this);
        }
    }
}
