package dev.novasdk.compute.migrations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The record of a resize, cold or live migration or evacuation. Before microversion 2.59 Nova lists the
 * oldest first; from 2.59 the newest first, with a {@link #uuid()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMigration.class)
@JsonDeserialize(as = ImmutableMigration.class)
public interface Migration {
    /** The id, an integer (as text). */
    @JsonProperty("id")
    String id();

    /** The UUID (2.59+), which paging markers use. */
    @JsonProperty("uuid")
    Optional<String> uuid();

    /** The server's UUID. */
    @JsonProperty("instance_uuid")
    Optional<String> instanceUuid();

    /** The status ({@code migrating}, {@code finished}, {@code confirmed}, {@code reverted}, {@code error}, ...). */
    @JsonProperty("status")
    Optional<String> status();

    /** The kind exactly as Nova sent it (2.23+). */
    @JsonProperty("migration_type")
    Optional<String> migrationTypeRaw();

    /** The kind (2.23+); {@link MigrationType#UNKNOWN} for a value this SDK does not know. */
    @Value.NonAttribute
    @JsonIgnore
    default Optional<MigrationType> migrationType() {
        return migrationTypeRaw().map(MigrationType::fromValue);
    }

    /** The source compute host. */
    @JsonProperty("source_compute")
    Optional<String> sourceCompute();

    /** The source node. */
    @JsonProperty("source_node")
    Optional<String> sourceNode();

    /** The destination compute host; null until the scheduler picked one. */
    @JsonProperty("dest_compute")
    Optional<String> destCompute();

    /** The destination node. */
    @JsonProperty("dest_node")
    Optional<String> destNode();

    /** The destination host's IP address. */
    @JsonProperty("dest_host")
    Optional<String> destHost();

    /** The database id of the old flavor. */
    @JsonProperty("old_instance_type_id")
    Optional<Long> oldInstanceTypeId();

    /** The database id of the new flavor. */
    @JsonProperty("new_instance_type_id")
    Optional<Long> newInstanceTypeId();

    /** The user who started it (2.80+). */
    @JsonProperty("user_id")
    Optional<String> userId();

    /** The project of the server (2.80+). */
    @JsonProperty("project_id")
    Optional<String> projectId();

    /** When it was created. */
    @JsonProperty("created_at")
    Optional<Instant> createdAt();

    /** When it last changed. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** Links to an in-progress live migration (2.23+). */
    @JsonProperty("links")
    List<Link> links();

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Migration}. */
    final class Builder extends ImmutableMigration.Builder {}
}
