package dev.novasdk.compute.servers;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes of {@code PUT /servers/{id}}: name, description (2.19+), access addresses and hostname
 * (2.90+). Only the fields set are sent.
 */
@Value.Immutable
public interface ServerUpdate {
    /** The new name (1-255 characters). */
    Optional<String> name();

    /** The new description (microversion 2.19+); an empty string clears it. */
    Optional<String> description();

    /** The new IPv4 access address. */
    Optional<String> accessIpv4();

    /** The new IPv6 access address. */
    Optional<String> accessIpv6();

    /** The new hostname (microversion 2.90+). */
    Optional<String> hostname();

    /** Rejects empty updates and values Nova's schema refuses. */
    @Value.Check
    default void check() {
        if (name().isEmpty()
                && description().isEmpty()
                && accessIpv4().isEmpty()
                && accessIpv6().isEmpty()
                && hostname().isEmpty()) {
            throw new IllegalArgumentException(
                    "a server update needs at least one of name, description, " + "accessIpv4, accessIpv6, hostname");
        }
        name().ifPresent(n -> {
            if (n.isBlank() || n.length() > 255) {
                throw new IllegalArgumentException("name must be 1 to 255 characters and not blank, got '" + n + "'");
            }
        });
        description().filter(d -> d.length() > 255).ifPresent(d -> {
            throw new IllegalArgumentException("description must be at most 255 characters, got " + d.length());
        });
    }

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerUpdate}. */
    final class Builder extends ImmutableServerUpdate.Builder {}
}
