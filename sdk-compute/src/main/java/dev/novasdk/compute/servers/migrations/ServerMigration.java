package dev.novasdk.compute.servers.migrations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An in-progress live migration of a server, with its progress counters. {@link #uuid()} appears from compute
 * microversion 2.59, {@link #userId()} and {@link #projectId()} from 2.80.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerMigration.class)
@JsonDeserialize(as = ImmutableServerMigration.class)
public interface ServerMigration {
    /** The migration's number, used in its path. */
    long id();

    /** The migration's UUID (2.59+). */
    Optional<String> uuid();

    /** The migrating server. */
    @JsonProperty("server_uuid")
    Optional<String> serverUuid();

    /** The migration's status ({@code queued}, {@code preparing}, {@code running}, ...), as Nova sent it. */
    Optional<String> status();

    /** The source compute service's host. */
    @JsonProperty("source_compute")
    Optional<String> sourceCompute();

    /** The source node. */
    @JsonProperty("source_node")
    Optional<String> sourceNode();

    /** The destination compute service's host. */
    @JsonProperty("dest_compute")
    Optional<String> destCompute();

    /** The destination host's IP address. */
    @JsonProperty("dest_host")
    Optional<String> destHost();

    /** The destination node. */
    @JsonProperty("dest_node")
    Optional<String> destNode();

    /** Guest memory to copy, in bytes. */
    @JsonProperty("memory_total_bytes")
    Optional<Long> memoryTotalBytes();

    /** Guest memory copied, in bytes. */
    @JsonProperty("memory_processed_bytes")
    Optional<Long> memoryProcessedBytes();

    /** Guest memory left to copy, in bytes. */
    @JsonProperty("memory_remaining_bytes")
    Optional<Long> memoryRemainingBytes();

    /** Disk to copy, in bytes (block migrations). */
    @JsonProperty("disk_total_bytes")
    Optional<Long> diskTotalBytes();

    /** Disk copied, in bytes. */
    @JsonProperty("disk_processed_bytes")
    Optional<Long> diskProcessedBytes();

    /** Disk left to copy, in bytes. */
    @JsonProperty("disk_remaining_bytes")
    Optional<Long> diskRemainingBytes();

    /** When the migration was created. */
    @JsonProperty("created_at")
    Optional<Instant> createdAt();

    /** When the migration last changed. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** The user who started the migration (2.80+). */
    @JsonProperty("user_id")
    Optional<String> userId();

    /** The project of that user (2.80+). */
    @JsonProperty("project_id")
    Optional<String> projectId();
}
