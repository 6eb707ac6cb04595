package dev.novasdk.compute.zones;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The state of an availability zone ({@code zoneState}). */
@Value.Immutable
@JsonSerialize(as = ImmutableZoneState.class)
@JsonDeserialize(as = ImmutableZoneState.class)
public interface ZoneState {
    /** Whether the zone has a service up. */
    boolean available();

    /** The state {@code available}. */
    static ZoneState of(boolean available) {
        return ImmutableZoneState.builder().available(available).build();
    }
}
