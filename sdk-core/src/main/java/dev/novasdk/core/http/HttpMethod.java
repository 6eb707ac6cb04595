package dev.novasdk.core.http;

/**
 * The HTTP methods OpenStack APIs use.
 */
public enum HttpMethod {
    /** Reads a resource or a collection; idempotent. */
    GET(true),
    /** Reads only the headers of a resource; idempotent. */
    HEAD(true),
    /** Creates a resource or runs an action; not idempotent. */
    POST(false),
    /** Replaces a resource or a field of it; idempotent. */
    PUT(true),
    /** Changes part of a resource (Glance, Keystone); not idempotent. */
    PATCH(false),
    /** Deletes a resource; idempotent. */
    DELETE(true),
    /** Asks which methods a resource allows; idempotent. */
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
