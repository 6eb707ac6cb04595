package dev.novasdk.compute.flavors;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.compute.internal.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters and page size of a flavor listing. {@link #limit()} is the page size, not a total.
 */
@Value.Immutable
public interface FlavorListOptions extends ListOptions {
    /** Which flavors to list by visibility. */
    enum Visibility {
        /** Public flavors, and private ones the project can access (Nova's default). */
        DEFAULT,
        /** Public flavors only. */
        PUBLIC,
        /** Private flavors only (admin). */
        PRIVATE,
        /** All flavors (admin). */
        ALL
    }

    /** A plain detailed listing. */
    static FlavorListOptions defaults() {
        return builder().build();
    }

    /** Whether to list full documents ({@code /flavors/detail}, default). */
    @Value.Default
    default boolean detail() {
        return true;
    }

    /** The visibility filter. */
    @Value.Default
    default Visibility visibility() {
        return Visibility.DEFAULT;
    }

    /** Flavors with at least this disk (GiB). */
    Optional<Integer> minDisk();

    /** Flavors with at least this RAM (MiB). */
    Optional<Integer> minRam();

    /**
     * Sort key ({@code flavorid}, {@code name}, {@code memory_mb}, ...); nova's default is {@code flavorid}.
     * Nova sorts flavors by one key only.
     */
    Optional<String> sortKey();

    /** Sort direction; nova's default is {@link SortDirection#ASC}. */
    Optional<SortDirection> sortDir();

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .addIf(visibility() == Visibility.PUBLIC, "is_public", "true")
                .addIf(visibility() == Visibility.PRIVATE, "is_public", "false")
                .addIf(visibility() == Visibility.ALL, "is_public", "None")
                .add("minDisk", minDisk().orElse(null))
                .add("minRam", minRam().orElse(null))
                .add("sort_key", sortKey().orElse(null))
                .add("sort_dir", sortDir().orElse(null))
                .page(this)
                .build();
    }

    /** Rejects values Nova would refuse. */
    @Value.Check
    default void check() {
        minDisk().ifPresent(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("minDisk must be >= 0, got " + v);
            }
        });
        minRam().ifPresent(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("minRam must be >= 0, got " + v);
            }
        });
        sortKey().ifPresent(k -> {
            if (k.isBlank()) {
                throw new IllegalArgumentException("sortKey must not be blank");
            }
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

    /** Builder of {@link FlavorListOptions}. */
    final class Builder extends ImmutableFlavorListOptions.Builder {}
}
