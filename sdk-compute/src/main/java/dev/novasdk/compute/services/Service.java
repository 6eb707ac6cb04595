package dev.novasdk.compute.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A compute service ({@code nova-compute}, {@code nova-scheduler}, {@code nova-conductor}) on a host, as
 * {@code GET /os-services} shows it. Services of a cell that does not answer (2.69+) carry only binary, host
 * and the status {@code UNKNOWN}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableService.class)
@JsonDeserialize(as = ImmutableService.class)
public interface Service extends ServiceHealth {
    /** The id: an integer (as text) before microversion 2.53, a UUID from 2.53; absent for a down cell. */
    @JsonProperty("id")
    Optional<String> id();

    /** The binary, such as {@code nova-compute}. */
    @JsonProperty("binary")
    String binary();

    /** The host the service runs on. */
    @JsonProperty("host")
    String host();

    /** The availability zone ({@code internal} for control services). */
    @JsonProperty("zone")
    Optional<String> zone();

    /** When the service last reported. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** Why the service was disabled, when it was disabled with a reason. */
    @JsonProperty("disabled_reason")
    Optional<String> disabledReason();

    /** Whether the service is forced down (2.11+). */
    @JsonProperty("forced_down")
    Optional<Boolean> forcedDown();

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

    /** Builder of {@link Service}. */
    final class Builder extends ImmutableService.Builder {}
}
