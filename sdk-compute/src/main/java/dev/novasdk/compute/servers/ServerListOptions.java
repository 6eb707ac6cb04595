package dev.novasdk.compute.servers;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.compute.SortKey;
import dev.novasdk.compute.internal.ListQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters, sorting and page size of a server listing. {@link #limit()} is the page size, not a total: the
 * listing fetches further pages as iteration reaches them. Nova treats {@code name} as a regular expression;
 * {@link ServerManager#find(String)} escapes it for exact names.
 */
@Value.Immutable
public interface ServerListOptions extends ListOptions {
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

    /** The query parameters, in a stable order. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("name", name().orElse(null))
                .add("status", status().orElse(null))
                .add("image", image().orElse(null))
                .add("flavor", flavor().orElse(null))
                .add("host", host().orElse(null))
                .add("changes-since", changesSince().orElse(null))
                .addJoined("tags", tags())
                .addJoined("tags-any", tagsAny())
                .addIf(allTenants(), "all_tenants", "1")
                .add("project_id", projectId().orElse(null))
                .add("ip", ip().orElse(null))
                .add("reservation_id", reservationId().orElse(null))
                .sort(sort())
                .page(this)
                .build();
    }

    /** Checks what Nova would refuse with a 400. */
    @Value.Check
    default void check() {
        if (status().isPresent() && status().get() == ServerStatus.UNKNOWN) {
            throw new IllegalArgumentException("status UNKNOWN cannot be used as a filter");
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

    /** Builder of {@link ServerListOptions}. */
    final class Builder extends ImmutableServerListOptions.Builder {
        /** Adds a sort key. */
        public Builder addSort(String key, SortDirection direction) {
            return addSort(SortKey.of(key, direction));
        }
    }
}
