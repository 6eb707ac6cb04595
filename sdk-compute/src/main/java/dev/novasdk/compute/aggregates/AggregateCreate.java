package dev.novasdk.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /os-aggregates}, inside the {@code aggregate} envelope.
 *
 * <pre>{@code
 * AggregateCreate fast = AggregateCreate.builder().name("fast-ssd").build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface AggregateCreate {
    /** The name (1-255 characters, no leading or trailing blank); unique. */
    @JsonProperty("name")
    String name();

    /**
     * The availability zone the aggregate defines (1-255 characters, no {@code :}). Adding a host to an
     * aggregate with a zone moves the host, and so its servers' zone, to that zone.
     */
    @JsonProperty("availability_zone")
    Optional<String> availabilityZone();

    /** Checks Nova's schema before sending. */
    @Value.Check
    default void check() {
        AggregateRules.name("name", name());
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

    /** Builder of {@link AggregateCreate}. */
    final class Builder extends ImmutableAggregateCreate.Builder {}
}
