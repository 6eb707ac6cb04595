package dev.novasdk.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The rules of a server group's policy (microversion 2.64+); Nova sends {@code {}} when there are none. */
@Value.Immutable
@JsonSerialize(as = ImmutableServerGroupRules.class)
@JsonDeserialize(as = ImmutableServerGroupRules.class)
public interface ServerGroupRules {
    /** At most this many members per host ({@code max_server_per_host}; anti-affinity only). */
    @JsonProperty("max_server_per_host")
    Optional<Integer> maxServerPerHost();

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

    /** Builder of {@link ServerGroupRules}. */
    final class Builder extends ImmutableServerGroupRules.Builder {}
}
