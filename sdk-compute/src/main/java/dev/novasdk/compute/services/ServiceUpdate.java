package dev.novasdk.compute.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /os-services/{service_id}} (microversion 2.53+): a new status, with an optional
 * reason when disabling, and/or the forced-down flag. Nova updates only {@code nova-compute} services.
 *
 * <pre>{@code
 * ServiceUpdate off = ServiceUpdate.builder().status(ServiceStatus.DISABLED).disabledReason("maintenance").build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface ServiceUpdate {
    /** {@link ServiceStatus#ENABLED} or {@link ServiceStatus#DISABLED}. */
    @JsonProperty("status")
    Optional<ServiceStatus> status();

    /** Why the service is disabled (1-255 characters); only with {@code status} disabled. */
    @JsonProperty("disabled_reason")
    Optional<String> disabledReason();

    /** Whether the service is forced down (for fencing a failed host before evacuating it). */
    @JsonProperty("forced_down")
    Optional<Boolean> forcedDown();

    /** Checks Nova's rules for this body before sending. */
    @Value.Check
    default void check() {
        if (status().isEmpty() && forcedDown().isEmpty()) {
            // Nova answers 400 "No updates were requested. Fields 'status' or 'forced_down' should be specified."
            throw new IllegalArgumentException("status or forcedDown must be set: Nova requires one of them");
        }
        status().filter(s -> s == ServiceStatus.UNKNOWN).ifPresent(s -> {
            throw new IllegalArgumentException("status must be ENABLED or DISABLED");
        });
        if (disabledReason().isPresent() && status().orElse(null) != ServiceStatus.DISABLED) {
            throw new IllegalArgumentException("disabledReason needs status DISABLED: Nova accepts a reason only then");
        }
        disabledReason().filter(r -> r.isBlank() || r.length() > 255).ifPresent(r -> {
            throw new IllegalArgumentException("disabledReason must be 1 to 255 characters and not blank");
        });
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

    /** Builder of {@link ServiceUpdate}. */
    final class Builder extends ImmutableServiceUpdate.Builder {}
}
