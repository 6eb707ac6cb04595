package dev.novasdk.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A host aggregate: a named group of compute hosts with metadata, optionally exposed as an availability zone.
 * A create response has no hosts or metadata yet; the other responses have both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAggregate.class)
@JsonDeserialize(as = ImmutableAggregate.class)
public interface Aggregate {
    /** The id, an integer (as text). */
    @JsonProperty("id")
    String id();

    /** The UUID (2.41+). */
    @JsonProperty("uuid")
    Optional<String> uuid();

    /** The name. */
    @JsonProperty("name")
    String name();

    /** The availability zone the aggregate defines, if any (also in {@link #metadata()}). */
    @JsonProperty("availability_zone")
    Optional<String> availabilityZone();

    /** The compute hosts in the aggregate. */
    @JsonProperty("hosts")
    List<String> hosts();

    /** The metadata, {@code availability_zone} included when set. */
    @JsonProperty("metadata")
    Map<String, String> metadata();

    /** When it was created. */
    @JsonProperty("created_at")
    Optional<Instant> createdAt();

    /** When it was last updated. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** When it was deleted (always null in answers: deleted aggregates are not shown). */
    @JsonProperty("deleted_at")
    Optional<Instant> deletedAt();

    /** Whether it is deleted (always false in answers). */
    @JsonProperty("deleted")
    Optional<Boolean> deleted();

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

    /** Builder of {@link Aggregate}. */
    final class Builder extends ImmutableAggregate.Builder {}
}
