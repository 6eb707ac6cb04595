package dev.novasdk.core.http;

/**
 * The HTTP methods OpenStack APIs use.
 */
public enum HttpMethod {
    GET(true),
    HEAD(true),
    POST(false),
    PUT(true),
    PATCH(false),
    DELETE(true),
    OPTIONS(true);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /**
     * Whether repeating the request leaves the server in the same state (RFC 9110 section 9.2.2). Only
     * idempotent requests are retried after the server may have seen them.
     */
    public boolean isIdempotent() {
        return idempotent;
    }
}
