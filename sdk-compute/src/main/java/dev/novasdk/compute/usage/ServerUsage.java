package dev.novasdk.compute.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One server's use within the period of a usage report. */
@Value.Immutable
@JsonSerialize(as = ImmutableServerUsage.class)
@JsonDeserialize(as = ImmutableServerUsage.class)
public interface ServerUsage {
    /** The server's UUID. */
    @JsonProperty("instance_id")
    String instanceId();

    /** The server's name. */
    @JsonProperty("name")
    Optional<String> name();

    /** The project. */
    @JsonProperty("tenant_id")
    Optional<String> tenantId();

    /** The flavor's name. */
    @JsonProperty("flavor")
    Optional<String> flavor();

    /** Hours the server existed within the period. */
    @JsonProperty("hours")
    Optional<Double> hours();

    /** Memory in MiB. */
    @JsonProperty("memory_mb")
    Optional<Long> memoryMb();

    /** Root and ephemeral disk in GiB. */
    @JsonProperty("local_gb")
    Optional<Long> localGb();

    /** Virtual CPUs. */
    @JsonProperty("vcpus")
    Optional<Integer> vcpus();

    /** When the server was created. */
    @JsonProperty("started_at")
    Optional<Instant> startedAt();

    /** When it was deleted; null while it exists. */
    @JsonProperty("ended_at")
    Optional<Instant> endedAt();

    /** Its state ({@code active}, {@code terminated}, ...). */
    @JsonProperty("state")
    Optional<String> state();

    /** Seconds from creation to deletion or now. */
    @JsonProperty("uptime")
    Optional<Long> uptime();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerUsage}. */
    final class Builder extends ImmutableServerUsage.Builder {}
}
