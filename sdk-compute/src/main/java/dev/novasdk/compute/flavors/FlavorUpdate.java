package dev.novasdk.compute.flavors;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /flavors/{id}} (microversion 2.55+): the description is the only thing Nova lets
 * change on a flavor. An absent description clears it (Nova writes {@code null}).
 *
 * <pre>{@code
 * FlavorUpdate u = FlavorUpdate.builder().description("for batch jobs").build();
 * }</pre>
 */
@Value.Immutable
public interface FlavorUpdate {
    /** The new description (at most 65535 characters); empty clears it. */
    Optional<String> description();

    /** Checks Nova's schema before sending. */
    @Value.Check
    default void check() {
        description().filter(d -> d.length() > 65535).ifPresent(d -> {
            throw new IllegalArgumentException("description must be at most 65535 characters, got " + d.length());
        });
    }

    /** A builder holding this value's fields, to make a changed copy. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FlavorUpdate}. */
    final class Builder extends ImmutableFlavorUpdate.Builder {}
}
