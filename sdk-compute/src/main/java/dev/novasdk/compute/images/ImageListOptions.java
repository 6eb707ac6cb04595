package dev.novasdk.compute.images;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.compute.SortKey;
import dev.novasdk.compute.internal.ListQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters, sorting and page size of an image listing. {@link #limit()} is the page size, not a total. Glance
 * filters names exactly; Nova's proxy (used only without Glance in the catalog) understands name, status and
 * the page, and neither visibility, owner, tags nor sorting.
 */
@Value.Immutable
public interface ImageListOptions extends ListOptions {
    /** A plain listing. */
    static ImageListOptions defaults() {
        return builder().build();
    }

    /** Exact image name. */
    Optional<String> name();

    /** Status filter. */
    Optional<ImageStatus> status();

    /**
     * Visibility filter (Glance only). Without one, Glance lists public images, the project's own and those
     * shared with it that it accepted; see also {@link #allVisibilities()}.
     */
    Optional<ImageVisibility> visibility();

    /**
     * Whether to list images of every visibility the project may see ({@code visibility=all}, Glance only),
     * which adds community images of other projects and pending shared ones. Not with {@link #visibility()}.
     */
    @Value.Default
    default boolean allVisibilities() {
        return false;
    }

    /** Owner project id (Glance only). */
    Optional<String> owner();

    /** Images carrying every one of these tags (Glance only). */
    List<String> tags();

    /**
     * Sort keys ({@code name}, {@code status}, {@code created_at}, {@code size}, ...), with their directions,
     * most significant first (Glance only; its default is {@code created_at} descending).
     */
    List<SortKey> sort();

    /** The Glance v2 query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> glanceQuery() {
        return ListQuery.create()
                .add("name", name().orElse(null))
                .add("status", status().orElse(null))
                .add("visibility", visibility().orElse(null))
                .addIf(allVisibilities(), "visibility", "all")
                .add("owner", owner().orElse(null))
                .addEach("tag", tags())
                .sort(sort())
                .page(this)
                .build();
    }

    /** The query parameters of Nova's {@code /images} proxy, which takes the status in upper case. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> novaQuery() {
        return ListQuery.create()
                .add("name", name().orElse(null))
                .add(
                        "status",
                        status().map(s -> s.value().toUpperCase(Locale.ROOT)).orElse(null))
                .page(this)
                .build();
    }

    /** Rejects filters that mean nothing to the services. */
    @Value.Check
    default void check() {
        if (status().isPresent() && status().get() == ImageStatus.UNKNOWN) {
            throw new IllegalArgumentException("status UNKNOWN cannot be used as a filter");
        }
        if (visibility().isPresent() && visibility().get() == ImageVisibility.UNKNOWN) {
            throw new IllegalArgumentException("visibility UNKNOWN cannot be used as a filter");
        }
        if (visibility().isPresent() && allVisibilities()) {
            throw new IllegalArgumentException("visibility and allVisibilities cannot be combined");
        }
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

    /** Builder of {@link ImageListOptions}. */
    final class Builder extends ImmutableImageListOptions.Builder {
        /** Adds a sort key. */
        public Builder addSort(String key, SortDirection direction) {
            return addSort(SortKey.of(key, direction));
        }
    }
}
