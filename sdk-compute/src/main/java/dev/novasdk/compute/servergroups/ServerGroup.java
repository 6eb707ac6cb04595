package dev.novasdk.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A server group: servers the scheduler places by one policy (affinity, anti-affinity, ...). Below
 * microversion 2.64 Nova sends the policy as a one-element {@code policies} list with an empty
 * {@code metadata}; from 2.64 as {@code policy} with {@code rules}. {@link #policy()} reads either.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerGroup.class)
@JsonDeserialize(as = ImmutableServerGroup.class)
public interface ServerGroup {
    /** The group's id (a UUID), which the {@code group} scheduler hint takes. */
    String id();

    /** The name; not unique. */
    String name();

    /** The policies as sent below microversion 2.64 (one element); empty from 2.64. */
    List<String> policies();

    /** The policy as sent from microversion 2.64. */
    @JsonProperty("policy")
    Optional<String> policyRaw();

    /** The policy, from either form; UNKNOWN for a value this SDK does not know. */
    @JsonIgnore
    default ServerGroupPolicy policy() {
        return ServerGroupPolicy.fromValue(
                policyRaw().orElse(policies().isEmpty() ? null : policies().get(0)));
    }

    /** The policy's rules (2.64+). */
    Optional<ServerGroupRules> rules();

    /**
     * The ids of the servers in the group, including ones the scheduler failed to place (they stay members
     * in ERROR until deleted).
     */
    List<String> members();

    /** Always empty: Nova never used it; not sent from 2.64. */
    Map<String, String> metadata();

    /** The owning project (2.13+). */
    @JsonProperty("project_id")
    Optional<String> projectId();

    /** The creating user (2.13+). */
    @JsonProperty("user_id")
    Optional<String> userId();

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

    /** Builder of {@link ServerGroup}. */
    final class Builder extends ImmutableServerGroup.Builder {}
}
