package dev.novasdk.compute.instanceactions;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.internal.ListQuery;
import dev.novasdk.core.http.Microversion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Paging and time filters of an instance action listing, newest first. {@link #limit()} is the page size and
 * {@link #marker()} a request id; both, and {@link #changesSince()}, need microversion 2.58, and
 * {@link #changesBefore()} 2.66: a client that cannot send them refuses before sending.
 */
@Value.Immutable
public interface InstanceActionListOptions extends ListOptions {
    /** The options of a plain listing. */
    static InstanceActionListOptions defaults() {
        return builder().build();
    }

    /** Only actions updated at or after this time ({@code changes-since}); 2.58+. */
    Optional<Instant> changesSince();

    /** Only actions updated at or before this time ({@code changes-before}); 2.66+. */
    Optional<Instant> changesBefore();

    /** The query parameters, in a stable order. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("changes-since", changesSince().orElse(null))
                .add("changes-before", changesBefore().orElse(null))
                .page(this)
                .build();
    }

    /** The microversions the options set here need. */
    @Value.Derived
    @Value.Auxiliary
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        Microversion v258 = Microversion.of(2, 58);
        if (limit().isPresent()) {
            r.add(VersionRequirement.since("limit", v258));
        }
        if (marker().isPresent()) {
            r.add(VersionRequirement.since("marker", v258));
        }
        if (changesSince().isPresent()) {
            r.add(VersionRequirement.since("changes-since", v258));
        }
        if (changesBefore().isPresent()) {
            r.add(VersionRequirement.since("changes-before", Microversion.of(2, 66)));
        }
        return List.copyOf(r);
    }

    /** Rejects a time window Nova would refuse with a 400. */
    @Value.Check
    default void check() {
        ListQuery.checkChangesWindow(changesSince(), changesBefore());
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

    /** Builder of {@link InstanceActionListOptions}. */
    final class Builder extends ImmutableInstanceActionListOptions.Builder {}
}
