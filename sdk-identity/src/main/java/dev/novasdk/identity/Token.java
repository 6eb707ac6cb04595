package dev.novasdk.identity;

import dev.novasdk.core.auth.AuthToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Keystone token with what came with it: expiry, user, scope, roles and the service catalog. The id is
 * secret and shown as {@code ****} by {@code toString()}.
 */
@Value.Immutable
public interface Token extends AuthToken {
    @Override
    @Value.Redacted
    String id();

    @Override
    Optional<Instant> expiresAt();

    /** When the token was issued. */
    Optional<Instant> issuedAt();

    /** The methods used to get it ({@code password}, {@code token}, {@code application_credential}). */
    List<String> methods();

    /** The user. */
    Optional<NamedRef> user();

    /** The project of a project-scoped token. */
    Optional<NamedRef> project();

    /** The domain of a domain-scoped token. */
    Optional<NamedRef> domain();

    /** Whether the token is system-scoped. */
    @Value.Default
    default boolean systemScoped() {
        return false;
    }

    /** The roles granted in the scope. */
    List<NamedRef> roles();

    /** The service catalog; empty for unscoped tokens. */
    ServiceCatalog catalog();

    /** {@code v3} or {@code v2.0}: the identity API that issued the token. */
    String identityVersion();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Token}. */
    final class Builder extends ImmutableToken.Builder {}
}
