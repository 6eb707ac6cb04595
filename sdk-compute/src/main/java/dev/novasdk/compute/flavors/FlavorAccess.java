package dev.novasdk.compute.flavors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One project's access to a private flavor. */
@Value.Immutable
@JsonSerialize(as = ImmutableFlavorAccess.class)
@JsonDeserialize(as = ImmutableFlavorAccess.class)
public interface FlavorAccess {
    /** The flavor's id. */
    @JsonProperty("flavor_id")
    String flavorId();

    /** The project that may use the flavor. */
    @JsonProperty("tenant_id")
    String tenantId();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FlavorAccess}. */
    final class Builder extends ImmutableFlavorAccess.Builder {}
}
