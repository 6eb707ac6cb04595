package dev.novasdk.compute;

import dev.novasdk.core.value.OpenStackStyle;
import org.immutables.value.Value;

/**
 * A sort key of a listing and its direction ({@code sort_key} and {@code sort_dir}), such as
 * {@code SortKey.of("created_at", SortDirection.DESC)}. Which keys a service accepts is its business: nova and
 * glance answer 400 for others.
 */
@OpenStackStyle // on the type rather than in a package-info, so this package keeps no style of its own
@Value.Immutable
public interface SortKey {
    /** The key ({@code created_at}, {@code display_name}, {@code name}, ...). */
    @Value.Parameter
    String key();

    /** The direction. */
    @Value.Parameter
    SortDirection direction();

    /** A sort key. */
    static SortKey of(String key, SortDirection direction) {
        return ImmutableSortKey.of(key, direction);
    }

    /** Rejects an empty key, which the services would refuse. */
    @Value.Check
    default void check() {
        if (key().isBlank()) {
            throw new IllegalArgumentException("sort key must not be blank");
        }
    }

    /**
     * A builder holding this sort key, to make a changed copy; changing the builder never changes this key.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SortKey}. */
    final class Builder extends ImmutableSortKey.Builder {}
}
