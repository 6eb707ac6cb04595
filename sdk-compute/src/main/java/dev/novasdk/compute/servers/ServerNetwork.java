package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One NIC of a server being created: an entry of the {@code networks} list, attached either to a network
 * (optionally with a fixed IP) or to an existing port.
 *
 * <pre>{@code
 * ServerNetwork.ofNetwork(netId);
 * ServerNetwork.builder().networkId(netId).fixedIp("10.0.0.5").tag("nic1").build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface ServerNetwork {
    /**
     * The network to attach to ({@code uuid}). From microversion 2.37 Nova requires it to be a UUID; a
     * request holding another form of id can only be sent at 2.36 or earlier.
     */
    @JsonProperty("uuid")
    Optional<String> networkId();

    /** An existing port to attach ({@code port}); its network is the port's. */
    @JsonProperty("port")
    Optional<String> portId();

    /** The IPv4 or IPv6 address to take from the network ({@code fixed_ip}); not with a port. */
    @JsonProperty("fixed_ip")
    Optional<String> fixedIp();

    /**
     * A device role tag the guest sees in its metadata ({@code tag}). Nova accepts it in microversions 2.32
     * to 2.36 and from 2.42 on; a bug made 2.37 to 2.41 reject it.
     */
    @JsonProperty("tag")
    Optional<String> tag();

    /** A NIC on network {@code networkId}. */
    static ServerNetwork ofNetwork(String networkId) {
        return builder()
                .networkId(Objects.requireNonNull(networkId, "networkId"))
                .build();
    }

    /** A NIC on the existing port {@code portId}. */
    static ServerNetwork ofPort(String portId) {
        return builder().portId(Objects.requireNonNull(portId, "portId")).build();
    }

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

    /**
     * Checks what novaclient and Nova check before any network call: a NIC names a network or a port, not
     * both; a fixed IP needs a network (Nova: "the two cannot be specified together" with a port).
     */
    @Value.Check
    default void check() {
        if (networkId().isPresent() == portId().isPresent()) {
            throw RequestRules.invalid(
                    "networks[]",
                    "entry must have exactly one of uuid (network) or port, got "
                            + (networkId().isPresent() ? "both" : "neither"));
        }
        networkId().ifPresent(id -> {
            if (id.isEmpty()) {
                throw RequestRules.invalid("networks[].uuid", "must not be empty");
            }
        });
        portId().ifPresent(id -> {
            if (id.isEmpty()) {
                throw RequestRules.invalid("networks[].port", "must not be empty");
            }
        });
        fixedIp().ifPresent(ip -> {
            if (portId().isPresent()) {
                throw RequestRules.invalid(
                        "networks[].fixed_ip", "cannot be combined with port; the port has its own addresses");
            }
            RequestRules.ipAddress("networks[].fixed_ip", ip);
        });
        tag().ifPresent(t -> RequestRules.tag("networks[].tag", t));
    }

    /** Builder of {@link ServerNetwork}. */
    final class Builder extends ImmutableServerNetwork.Builder {}
}
