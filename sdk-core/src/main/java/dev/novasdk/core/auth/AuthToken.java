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
}
