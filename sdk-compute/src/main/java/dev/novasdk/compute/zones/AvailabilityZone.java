package dev.novasdk.compute.zones;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An availability zone. The plain listing sends only the name and state ({@code "hosts": null}); the detailed
 * listing (admin) adds each host's compute services, including the {@code internal} zone of the control
 * services.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAvailabilityZone.class)
@JsonDeserialize(as = ImmutableAvailabilityZone.class)
public interface AvailabilityZone {
    /** The zone's name ({@code nova} by default), which {@code ServerCreate.availabilityZone} takes. */
    @JsonProperty("zoneName")
    String zoneName();

    /** Whether the zone is available. */
    @JsonProperty("zoneState")
    ZoneState zoneState();

    /** Host name to service name ({@code nova-compute}) to the service's state; empty in the plain listing. */
    @JsonProperty("hosts")
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    Map<String, Map<String, ZoneService>> hosts();

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

    /** Builder of {@link AvailabilityZone}. */
    final class Builder extends ImmutableAvailabilityZone.Builder {}
}
