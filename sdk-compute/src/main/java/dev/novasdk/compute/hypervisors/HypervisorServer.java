package dev.novasdk.compute.hypervisors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A server on a hypervisor: its libvirt-style instance name and its UUID. */
@Value.Immutable
@JsonSerialize(as = ImmutableHypervisorServer.class)
@JsonDeserialize(as = ImmutableHypervisorServer.class)
public interface HypervisorServer {
    /** The instance name on the hypervisor ({@code instance-00000001}), not the server's display name. */
    @JsonProperty("name")
    String name();

    /** The server's UUID. */
    @JsonProperty("uuid")
    String uuid();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link HypervisorServer}. */
    final class Builder extends ImmutableHypervisorServer.Builder {}
}
