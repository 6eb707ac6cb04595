package dev.novasdk.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code PUT /os-aggregates/{id}}: a new name and/or availability zone (at least one). */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface AggregateUpdate {
    /** The new name (1-255 characters, no leading or trailing blank). */
    @JsonProperty("name")
    Optional<String> name();

    /** The new availability zone (1-255 characters, no {@code :}). */
    @JsonProperty("availability_zone")
    Optional<String> availabilityZone();

    /** Checks Nova's schema before sending. */
    @Value.Check
    default void check() {
        if (name().isEmpty() && availabilityZone().isEmpty()) {
            throw new IllegalArgumentException("name or availabilityZone must be set: Nova refuses an empty update");
        }
        name().ifPresent(n -> AggregateRules.name("name", n));
        availabilityZone().ifPresent(z -> AggregateRules.zone("availabilityZone", z));
    }

    /** A builder holding this value's fields, to make a changed copy. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AggregateUpdate}. */
    final class Builder extends ImmutableAggregateUpdate.Builder {}
}
