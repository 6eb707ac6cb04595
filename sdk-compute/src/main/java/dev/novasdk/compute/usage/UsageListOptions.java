package dev.novasdk.compute.usage;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.internal.ListQuery;
import dev.novasdk.core.http.Microversion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The period, detail and page size of a usage report. Without a start Nova reports from now (nothing); without
 * an end, until now. Paging (2.40+) pages servers: the marker is a server's UUID, and a project may appear
 * on several pages.
 */
@Value.Immutable
public interface UsageListOptions extends ListOptions {
    /** Nova parses {@code %Y-%m-%dT%H:%M:%S[.%f]} in UTC and refuses a zone suffix. */
    DateTimeFormatter NOVA_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** A report of every project from {@code start} to now. */
    static UsageListOptions since(Instant start) {
        return builder().start(start).build();
    }

    /** The start of the period. */
    Optional<Instant> start();

    /** The end of the period. */
    Optional<Instant> end();

    /** Whether each project's servers are listed too ({@code detailed=1}; listing of every project only). */
    @Value.Default
    default boolean detailed() {
        return false;
    }

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("start", start().map(NOVA_TIME::format).orElse(null))
                .add("end", end().map(NOVA_TIME::format).orElse(null))
                .addIf(detailed(), "detailed", "1")
                .page(this)
                .build();
    }

    /** The microversions the options set here need. */
    @Value.Derived
    @Value.Auxiliary
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        limit().ifPresent(v -> r.add(VersionRequirement.since("limit", Microversion.of(2, 40))));
        marker().ifPresent(v -> r.add(VersionRequirement.since("marker", Microversion.of(2, 40))));
        return List.copyOf(r);
    }

    /** Rejects what Nova would refuse. */
    @Value.Check
    default void check() {
        if (start().isPresent() && end().isPresent() && start().get().isAfter(end().get())) {
            // Nova: "Invalid start time. The start time cannot occur after the end time."
            throw new IllegalArgumentException("start must not be after end");
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

    /** Builder of {@link UsageListOptions}. */
    final class Builder extends ImmutableUsageListOptions.Builder {}
}
