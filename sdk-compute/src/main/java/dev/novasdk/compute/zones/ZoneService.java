package dev.novasdk.compute.zones;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A compute service on a host of a zone, in the detailed zone listing. */
@Value.Immutable
@JsonSerialize(as = ImmutableZoneService.class)
@JsonDeserialize(as = ImmutableZoneService.class)
public interface ZoneService {
    /** Whether the service is up (reported recently). */
    boolean available();

    /** Whether the service is enabled. */
    boolean active();

    /** When the service last reported. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

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

    /** Builder of {@link ZoneService}. */
    final class Builder extends ImmutableZoneService.Builder {}
}
