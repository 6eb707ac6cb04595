package dev.novasdk.compute.servers;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters, sorting and page size of a server listing. {@link #limit()} is the page size, not a total: the
 * listing fetches further pages as iteration reaches them. Nova treats {@code name} as a regular expression;
 * {@link ServerManager#find(String)} escapes it for exact names.
 */
@Value.Immutable
public interface ServerListOptions {
    /** The options of a plain detailed listing. */
    static ServerListOptions defaults() {
        return builder().build();
    }

    /** Whether to list full documents ({@code /servers/detail}, default) or ids and names only. */
    @Value.Default
    default boolean detail() {
        return true;
    }

    /** Name filter (a regular expression on Nova's side). */
    Optional<String> name();

    /** Status filter. */
    Optional<ServerStatus> status();

    /** Servers booted from this image id. */
    Optional<String> image();

    /** Servers of this flavor id. */
    Optional<String> flavor();

    /** Servers on this compute host (admin). */
    Optional<String> host();

    /** Servers changed since this time, deleted ones included. */
    Optional<Instant> changesSince();

    /** Servers with every one of these tags (2.26+). */
    List<String> tags();

    /** Servers with any of these tags (2.26+). */
    List<String> tagsAny();

    /** Servers of every project (admin). */
    @Value.Default
    default boolean allTenants() {
        return false;
    }

    /** Servers of this project (with {@link #allTenants()}, admin). */
    Optional<String> projectId();

    /** Servers with this IPv4 address (regular expression). */
    Optional<String> ip();

    /** Servers of one multiple-create request. */
    Optional<String> reservationId();

    /** Sort keys, with their directions, most significant first. */
    List<SortKey> sort();

    /** The page size (Nova caps it at its own maximum, usually 1000). */
    Optional<Integer> limit();

    /** Start after the server with this id. */
    Optional<String> marker();

    /** A sort key and its direction. */
    @Value.Immutable
    interface SortKey {
        /** The key ({@code created_at}, {@code display_name}, ...). */
        @Value.Parameter
        String key();

        /** The direction. */
        @Value.Parameter
        SortDirection direction();

        /** A sort key. */
        static SortKey of(String key, SortDirection direction) {
            return ImmutableSortKey.of(key, direction);
        }
    }

    /** The query parameters, in a stable order. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        name().ifPresent(v -> q.put("name", List.of(v)));
        status().ifPresent(v -> q.put("status", List.of(v.name())));
        image().ifPresent(v -> q.put("image", List.of(v)));
        flavor().ifPresent(v -> q.put("flavor", List.of(v)));
        host().ifPresent(v -> q.put("host", List.of(v)));
        changesSince().ifPresent(v -> q.put("changes-since", List.of(DateTimeFormatter.ISO_INSTANT.format(v))));
        if (!tags().isEmpty()) {
            q.put("tags", List.of(String.join(",", tags())));
        }
        if (!tagsAny().isEmpty()) {
            q.put("tags-any", List.of(String.join(",", tagsAny())));
        }
        if (allTenants()) {
            q.put("all_tenants", List.of("1"));
        }
        projectId().ifPresent(v -> q.put("project_id", List.of(v)));
        ip().ifPresent(v -> q.put("ip", List.of(v)));
        reservationId().ifPresent(v -> q.put("reservation_id", List.of(v)));
        if (!sort().isEmpty()) {
            List<String> keys = new ArrayList<>();
            List<String> dirs = new ArrayList<>();
            sort().forEach(k -> {
                keys.add(k.key());
                dirs.add(k.direction().name().toLowerCase(Locale.ROOT));
            });
            q.put("sort_key", keys);
            q.put("sort_dir", dirs);
        }
        limit().ifPresent(v -> q.put("limit", List.of(Integer.toString(v))));
        marker().ifPresent(v -> q.put("marker", List.of(v)));
        return q;
    }

    /** Checks what Nova would refuse with a 400. */
    @Value.Check
    default void check() {
        limit().ifPresent(l -> {
            if (l < 1) {
                throw new IllegalArgumentException("limit must be >= 1 (it is the page size), got " + l);
            }
        });
        if (status().isPresent() && status().get() == ServerStatus.UNKNOWN) {
            throw new IllegalArgumentException("status UNKNOWN cannot be used as a filter");
        }
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerListOptions}. */
    final class Builder extends ImmutableServerListOptions.Builder {
        /** Adds a sort key. */
        public Builder addSort(String key, SortDirection direction) {
            return (Builder) addSort(SortKey.of(key, direction));
        }
    }
}
