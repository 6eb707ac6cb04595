package dev.novasdk.compute.servers.info;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A security group as Nova shows it for a server: id, name, description, project and rules. */
@Value.Immutable
@JsonSerialize(as = ImmutableSecurityGroup.class)
@JsonDeserialize(as = ImmutableSecurityGroup.class)
public interface SecurityGroup {
    /** The group's id (a UUID with Neutron). */
    String id();

    /** The group's name. */
    String name();

    /** The group's description. */
    Optional<String> description();

    /** The project owning the group. */
    @JsonProperty("tenant_id")
    Optional<String> tenantId();

    /** The group's rules. */
    List<Rule> rules();

    /** One rule of a security group. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableRule.class)
    @JsonDeserialize(as = ImmutableRule.class)
    interface Rule {
        /** The rule's id. */
        Optional<String> id();

        /** The group the rule belongs to. */
        @JsonProperty("parent_group_id")
        Optional<String> parentGroupId();

        /** {@code tcp}, {@code udp}, {@code icmp}, or empty for any protocol. */
        @JsonProperty("ip_protocol")
        Optional<String> ipProtocol();

        /** The first port (or ICMP type). */
        @JsonProperty("from_port")
        Optional<Integer> fromPort();

        /** The last port (or ICMP code). */
        @JsonProperty("to_port")
        Optional<Integer> toPort();

        /** The source range, as {@code {"cidr": "0.0.0.0/0"}}; empty for a group source. */
        @JsonProperty("ip_range")
        Map<String, String> ipRange();

        /** The source group, as {@code {"name": .., "tenant_id": ..}}; empty for a CIDR source. */
        Map<String, String> group();
    }
}
