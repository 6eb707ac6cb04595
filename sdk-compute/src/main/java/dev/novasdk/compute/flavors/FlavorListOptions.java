package dev.novasdk.compute.flavors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters and page size of a flavor listing. {@link #limit()} is the page size, not a total.
 */
@Value.Immutable
public interface FlavorListOptions {
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

    /** Sort key ({@code flavorid}, {@code name}, {@code memory_mb}, ...). */
    Optional<String> sortKey();

    /** Sort direction, {@code asc} or {@code desc}. */
    Optional<String> sortDir();

    /** The page size. */
    Optional<Integer> limit();

    /** Start after the flavor with this id. */
    Optional<String> marker();

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        switch (visibility()) {
            case PUBLIC:
                q.put("is_public", List.of("true"));
                break;
            case PRIVATE:
                q.put("is_public", List.of("false"));
                break;
            case ALL:
                q.put("is_public", List.of("None"));
                break;
            default:
        }
        minDisk().ifPresent(v -> q.put("minDisk", List.of(v.toString())));
        minRam().ifPresent(v -> q.put("minRam", List.of(v.toString())));
        sortKey().ifPresent(v -> q.put("sort_key", List.of(v)));
        sortDir().ifPresent(v -> q.put("sort_dir", List.of(v)));
        limit().ifPresent(v -> q.put("limit", List.of(v.toString())));
        marker().ifPresent(v -> q.put("marker", List.of(v)));
        return q;
    }

    /** Rejects values Nova would refuse. */
    @Value.Check
    default void check() {
        limit().ifPresent(l -> {
            if (l < 1) {
                throw new IllegalArgumentException("limit must be >= 1 (it is the page size), got " + l);
            }
        });
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
        sortDir().ifPresent(d -> {
            if (!d.equals("asc") && !d.equals("desc")) {
                throw new IllegalArgumentException("sortDir must be asc or desc, got '" + d + "'");
            }
        });
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FlavorListOptions}. */
    final class Builder extends ImmutableFlavorListOptions.Builder {}
}
