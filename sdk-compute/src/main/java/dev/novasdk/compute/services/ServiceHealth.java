package dev.novasdk.compute.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The status and state of a compute service, as {@link Service} and the hypervisor of a service show them:
 * the values exactly as Nova sent them, and as enums.
 */
public interface ServiceHealth {
    /** The status exactly as Nova sent it ({@code enabled}, {@code disabled}, {@code UNKNOWN}). */
    @JsonProperty("status")
    Optional<String> statusRaw();

    /** The status; {@link ServiceStatus#UNKNOWN} for a value this SDK does not know or none. */
    @Value.NonAttribute
    @JsonIgnore
    default ServiceStatus status() {
        return ServiceStatus.fromValue(statusRaw().orElse(null));
    }

    /** The state exactly as Nova sent it ({@code up}, {@code down}). */
    @JsonProperty("state")
    Optional<String> stateRaw();

    /** The state; {@link ServiceState#UNKNOWN} for a value this SDK does not know or none. */
    @Value.NonAttribute
    @JsonIgnore
    default ServiceState state() {
        return ServiceState.fromValue(stateRaw().orElse(null));
    }
}
