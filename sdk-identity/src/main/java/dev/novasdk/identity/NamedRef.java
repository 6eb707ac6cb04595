package dev.novasdk.identity;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user, project, domain or role as a token names it: an id, a name, and for users and projects the domain.
 */
@Value.Immutable
public interface NamedRef {
    /** The id. */
    Optional<String> id();

    /** The name. */
    Optional<String> name();

    /** The owning domain, for users and projects in v3 tokens. */
    Optional<NamedRef> domain();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link NamedRef}. */
    final class Builder extends ImmutableNamedRef.Builder {}
}
