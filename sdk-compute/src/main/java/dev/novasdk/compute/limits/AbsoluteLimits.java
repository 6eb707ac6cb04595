package dev.novasdk.compute.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A project's absolute limits and what it uses of them ({@code limits.absolute}); -1 means unlimited. Nova
 * stops sending the network ones (floating IPs, security groups) at microversion 2.36, {@code maxImageMeta} at
 * 2.39 and the personality ones at 2.57, so every field is optional.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAbsoluteLimits.class)
@JsonDeserialize(as = ImmutableAbsoluteLimits.class)
public interface AbsoluteLimits {
    /** Servers allowed. */
    @JsonProperty("maxTotalInstances")
    Optional<Integer> maxTotalInstances();

    /** Virtual CPUs allowed. */
    @JsonProperty("maxTotalCores")
    Optional<Integer> maxTotalCores();

    /** RAM allowed, in MiB. */
    @JsonProperty("maxTotalRAMSize")
    Optional<Integer> maxTotalRamSize();

    /** Metadata items per server. */
    @JsonProperty("maxServerMeta")
    Optional<Integer> maxServerMeta();

    /** Metadata items per image (up to 2.38). */
    @JsonProperty("maxImageMeta")
    Optional<Integer> maxImageMeta();

    /** Injected files per server (up to 2.56). */
    @JsonProperty("maxPersonality")
    Optional<Integer> maxPersonality();

    /** Bytes per injected file (up to 2.56). */
    @JsonProperty("maxPersonalitySize")
    Optional<Integer> maxPersonalitySize();

    /** Keypairs per user. */
    @JsonProperty("maxTotalKeypairs")
    Optional<Integer> maxTotalKeypairs();

    /** Server groups allowed. */
    @JsonProperty("maxServerGroups")
    Optional<Integer> maxServerGroups();

    /** Servers per server group. */
    @JsonProperty("maxServerGroupMembers")
    Optional<Integer> maxServerGroupMembers();

    /** Floating IPs allowed (up to 2.35). */
    @JsonProperty("maxTotalFloatingIps")
    Optional<Integer> maxTotalFloatingIps();

    /** Security groups allowed (up to 2.35). */
    @JsonProperty("maxSecurityGroups")
    Optional<Integer> maxSecurityGroups();

    /** Rules per security group (up to 2.35). */
    @JsonProperty("maxSecurityGroupRules")
    Optional<Integer> maxSecurityGroupRules();

    /** RAM in use, in MiB. */
    @JsonProperty("totalRAMUsed")
    Optional<Integer> totalRamUsed();

    /** Virtual CPUs in use. */
    @JsonProperty("totalCoresUsed")
    Optional<Integer> totalCoresUsed();

    /** Servers in use. */
    @JsonProperty("totalInstancesUsed")
    Optional<Integer> totalInstancesUsed();

    /** Floating IPs in use (up to 2.35). */
    @JsonProperty("totalFloatingIpsUsed")
    Optional<Integer> totalFloatingIpsUsed();

    /** Security groups in use (up to 2.35). */
    @JsonProperty("totalSecurityGroupsUsed")
    Optional<Integer> totalSecurityGroupsUsed();

    /** Server groups in use. */
    @JsonProperty("totalServerGroupsUsed")
    Optional<Integer> totalServerGroupsUsed();

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

    /** Builder of {@link AbsoluteLimits}. */
    final class Builder extends ImmutableAbsoluteLimits.Builder {}
}
