package dev.novasdk.compute.migrations;

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
 * Filters and page size of a migration listing. Paging and {@code changes-since} need microversion 2.59,
 * {@code changes-before} 2.66, the user and project filters 2.80. The marker is a migration's UUID.
 */
@Value.Immutable
public interface MigrationListOptions extends ListOptions {
    /** Every migration. */
    static MigrationListOptions defaults() {
        return builder().build();
    }

    /** Migrations from or to this host. */
    Optional<String> host();

    /** Migrations with this status ({@code finished}, {@code confirmed}, ...). */
    Optional<String> status();

    /** Migrations of this server. */
    Optional<String> instanceUuid();

    /** Migrations of this kind. */
    Optional<MigrationType> migrationType();

    /** Migrations from this compute host. */
    Optional<String> sourceCompute();

    /** Migrations changed at or after this instant ({@code changes-since}, 2.59+). */
    Optional<Instant> changesSince();

    /** Migrations changed at or before this instant ({@code changes-before}, 2.66+). */
    Optional<Instant> changesBefore();

    /** Migrations started by this user (2.80+). */
    Optional<String> userId();

    /** Migrations of servers of this project (2.80+). */
    Optional<String> projectId();

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("host", host().orElse(null))
                .add("status", status().orElse(null))
                .add("instance_uuid", instanceUuid().orElse(null))
                .add("migration_type", migrationType().orElse(null))
                .add("source_compute", sourceCompute().orElse(null))
                .add("changes-since", changesSince().orElse(null))
                .add("changes-before", changesBefore().orElse(null))
                .add("user_id", userId().orElse(null))
                .add("project_id", projectId().orElse(null))
                .page(this)
                .build();
    }

    /** The microversions the filters set here need. */
    @Value.Derived
    @Value.Auxiliary
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        Microversion paging = Microversion.of(2, 59);
        limit().ifPresent(v -> r.add(VersionRequirement.since("limit", paging)));
        marker().ifPresent(v -> r.add(VersionRequirement.since("marker", paging)));
        changesSince().ifPresent(v -> r.add(VersionRequirement.since("changes-since", paging)));
        changesBefore().ifPresent(v -> r.add(VersionRequirement.since("changes-before", Microversion.of(2, 66))));
        userId().ifPresent(v -> r.add(VersionRequirement.since("user_id", Microversion.of(2, 80))));
        projectId().ifPresent(v -> r.add(VersionRequirement.since("project_id", Microversion.of(2, 80))));
        return List.copyOf(r);
    }

    /** Rejects what Nova would refuse. */
    @Value.Check
    default void check() {
        migrationType().filter(t -> t == MigrationType.UNKNOWN).ifPresent(t -> {
            throw new IllegalArgumentException("migrationType must not be UNKNOWN");
        });
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

    /** Builder of {@link MigrationListOptions}. */
    final class Builder extends ImmutableMigrationListOptions.Builder {}
}
