package dev.novasdk.compute.hypervisors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The nova-compute service of a hypervisor, as the hypervisor detail shows it. */
@Value.Immutable
@JsonSerialize(as = ImmutableHypervisorService.class)
@JsonDeserialize(as = ImmutableHypervisorService.class)
public interface HypervisorService {
    /** The service id: an integer (as text) before 2.53, a UUID from 2.53. */
    @JsonProperty("id")
    String id();

    /** The host the service runs on. */
    @JsonProperty("host")
    String host();

    /** Why the service was disabled, if it was with a reason. */
    @JsonProperty("disabled_reason")
    Optional<String> disabledReason();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link HypervisorService}. */
    final class Builder extends ImmutableHypervisorService.Builder {}
}
