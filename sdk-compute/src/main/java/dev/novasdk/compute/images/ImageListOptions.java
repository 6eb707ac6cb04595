package dev.novasdk.compute.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters and page size of an image listing. {@link #limit()} is the page size, not a total. Glance filters
 * names exactly; Nova's proxy (used only without Glance in the catalog) understands name, status and limit.
 */
@Value.Immutable
public interface ImageListOptions {
    /** A plain listing. */
    static ImageListOptions defaults() {
        return builder().build();
    }

    /** Exact image name. */
    Optional<String> name();

    /** Status ({@code active}, {@code queued}, ...). */
    Optional<String> status();

    /** Visibility ({@code public}, {@code private}, {@code shared}, {@code community}, {@code all}). */
    Optional<String> visibility();

    /** Owner project id. */
    Optional<String> owner();

    /** Images carrying every one of these tags (Glance only). */
    List<String> tags();

    /** The page size. */
    Optional<Integer> limit();

    /** Start after the image with this id. */
    Optional<String> marker();

    /** The Glance v2 query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> glanceQuery() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        name().ifPresent(v -> q.put("name", List.of(v)));
        status().ifPresent(v -> q.put("status", List.of(v)));
        visibility().ifPresent(v -> q.put("visibility", List.of(v)));
        owner().ifPresent(v -> q.put("owner", List.of(v)));
        if (!tags().isEmpty()) {
            q.put("tag", tags());
        }
        limit().ifPresent(v -> q.put("limit", List.of(v.toString())));
        marker().ifPresent(v -> q.put("marker", List.of(v)));
        return q;
    }

    /** The query parameters of Nova's {@code /images} proxy. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> novaQuery() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        name().ifPresent(v -> q.put("name", List.of(v)));
        status().ifPresent(v -> q.put("status", List.of(v.toUpperCase(java.util.Locale.ROOT))));
        limit().ifPresent(v -> q.put("limit", List.of(v.toString())));
        marker().ifPresent(v -> q.put("marker", List.of(v)));
        return q;
    }

    /** Rejects values the services would refuse. */
    @Value.Check
    default void check() {
        limit().ifPresent(l -> {
            if (l < 1) {
                throw new IllegalArgumentException("limit must be >= 1 (it is the page size), got " + l);
            }
        });
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ImageListOptions}. */
    final class Builder extends ImmutableImageListOptions.Builder {}
}
