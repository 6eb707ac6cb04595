package dev.novasdk.compute.servers.attachments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A network interface (Neutron port) attached to a server; {@link #tag()} appears from compute 2.70. */
@Value.Immutable
@JsonSerialize(as = ImmutableInterfaceAttachment.class)
@JsonDeserialize(as = ImmutableInterfaceAttachment.class)
public interface InterfaceAttachment {
    /** The port's id. */
    @JsonProperty("port_id")
    String portId();

    /** The port's network. */
    @JsonProperty("net_id")
    Optional<String> netId();

    /** The port's MAC address. */
    @JsonProperty("mac_addr")
    Optional<String> macAddr();

    /** The port's status ({@code ACTIVE}, {@code DOWN}, ...), as Neutron reports it. */
    @JsonProperty("port_state")
    Optional<String> portState();

    /** The port's fixed IP addresses. */
    @JsonProperty("fixed_ips")
    List<FixedIp> fixedIps();

    /** The device tag (2.70+); empty when untagged. */
    Optional<String> tag();
}
