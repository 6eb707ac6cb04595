package dev.novasdk.compute.hypervisors;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.internal.ListQuery;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters and page size of a hypervisor listing. Paging needs microversion 2.33, the host name pattern and
 * {@code with_servers} need 2.53 (before, {@link HypervisorManager#search} and
 * {@link HypervisorManager#servers} use the older paths). Nova does not page a pattern search.
 */
@Value.Immutable
public interface HypervisorListOptions extends ListOptions {
    /** A detailed listing of every hypervisor. */
    static HypervisorListOptions defaults() {
        return builder().build();
    }

    /** Whether to list full documents ({@code /os-hypervisors/detail}, default). */
    @Value.Default
    default boolean detail() {
        return true;
    }

    /** Only hypervisors whose host name contains this text ({@code hypervisor_hostname_pattern}, 2.53+). */
    Optional<String> hostnamePattern();

    /** Whether to include each hypervisor's servers ({@code with_servers}, 2.53+). */
    @Value.Default
    default boolean withServers() {
        return false;
    }

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("hypervisor_hostname_pattern", hostnamePattern().orElse(null))
                .addIf(withServers(), "with_servers", "true")
                .page(this)
                .build();
    }

    /** The microversions the filters set here need. */
    @Value.Derived
    @Value.Auxiliary
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (limit().isPresent()) {
            r.add(VersionRequirement.since("limit", Microversion.of(2, 33)));
        }
        if (marker().isPresent()) {
            r.add(VersionRequirement.since("marker", Microversion.of(2, 33)));
        }
        if (hostnamePattern().isPresent()) {
            r.add(VersionRequirement.since("hypervisor_hostname_pattern", Microversion.of(2, 53)));
        }
        if (withServers()) {
            r.add(VersionRequirement.since("with_servers", Microversion.of(2, 53)));
        }
        return List.copyOf(r);
    }

    /** Rejects what Nova would refuse. */
    @Value.Check
    default void check() {
        hostnamePattern().filter(String::isBlank).ifPresent(p -> {
            throw new IllegalArgumentException("hostnamePattern must not be blank");
        });
        if (hostnamePattern().isPresent() && (limit().isPresent() || marker().isPresent())) {
            throw new IllegalArgumentException(
                    "hostnamePattern cannot be combined with limit or marker: Nova does not page a pattern search");
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

    /** Builder of {@link HypervisorListOptions}. */
    final class Builder extends ImmutableHypervisorListOptions.Builder {}
}
