package dev.novasdk.compute.servergroups;

import dev.novasdk.compute.internal.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which server groups to list and the page size. Nova pages server groups by {@code limit} and
 * {@code offset}, not by marker, and sends no next links; the listing asks for the next page until one comes
 * back short.
 */
@Value.Immutable
public interface ServerGroupListOptions {
    /** The project's groups, one page of up to Nova's maximum (1000) after another. */
    static ServerGroupListOptions defaults() {
        return builder().build();
    }

    /**
     * Every project's groups ({@code all_projects}, admin). The lab's Nova answers a non-admin asking for it
     * with the caller's own groups, not with 403.
     */
    @Value.Default
    default boolean allProjects() {
        return false;
    }

    /** The page size ({@code limit}), not a total. */
    Optional<Integer> limit();

    /** How many groups to skip before the first page ({@code offset}). */
    Optional<Integer> offset();

    /** The query parameters of the first page. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .addIf(allProjects(), "all_projects", "True")
                .add("limit", limit().orElse(null))
                .add("offset", offset().orElse(null))
                .build();
    }

    /** Rejects values Nova would refuse. */
    @Value.Check
    default void check() {
        limit().filter(l -> l < 1).ifPresent(l -> {
            throw new IllegalArgumentException("limit must be >= 1 (it is the page size), got " + l);
        });
        offset().filter(o -> o < 0).ifPresent(o -> {
            throw new IllegalArgumentException("offset must be >= 0, got " + o);
        });
    }

    /** A builder holding these options, to change some of them. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerGroupListOptions}. */
    final class Builder extends ImmutableServerGroupListOptions.Builder {}
}
