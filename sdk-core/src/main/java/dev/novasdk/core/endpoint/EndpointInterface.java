package dev.novasdk.core.endpoint;

import java.util.Locale;

/**
 * The catalog interface of an endpoint.
 */
public enum EndpointInterface {
    /** Reachable by users; the default. */
    PUBLIC,
    /** Reachable inside the cloud's network. */
    INTERNAL,
    /** For operators. */
    ADMIN;

    /** The catalog spelling: {@code public}, {@code internal} or {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code public}, {@code internal}, {@code admin}, also in the v2.0 forms {@code publicURL},
     * {@code internalURL}, {@code adminURL} used by {@code OS_ENDPOINT_TYPE}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static EndpointInterface parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("url")) {
            t = t.substring(0, t.length() - 3);
        }
        switch (t) {
            case "public":
                return PUBLIC;
            case "internal":
                return INTERNAL;
            case "admin":
                return ADMIN;
            default:
                throw new IllegalArgumentException("interface must be public, internal or admin, got '" + text + "'");
        }
    }
}
