package dev.novasdk.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A token to send as {@code X-Auth-Token}. Implementations must redact the id in {@code toString()}.
 */
public interface AuthToken {
    /** The secret token id. Never log it. */
    String id();

    /** When the token expires, if the service said. */
    Optional<Instant> expiresAt();

    /**
     * A token given by the caller (say {@code OS_TOKEN}), with an expiry when known; its {@code toString()}
     * hides the id.
     */
    static AuthToken of(String id, Instant expiresAtOrNull) {
        java.util.Objects.requireNonNull(id, "id");
        Optional<Instant> expiry = Optional.ofNullable(expiresAtOrNull);
        return new AuthToken() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Optional<Instant> expiresAt() {
                return expiry;
            }

            @Override
            public String toString() {
                return "AuthToken{id=****" + expiry.map(e -> ", expiresAt=" + e).orElse("") + "}";
            }
        };
    }
}
