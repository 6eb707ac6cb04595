package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A security group of a server, by name as nova lists it; a server with several ports may list one name
 * several times.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerSecurityGroup.class)
@JsonDeserialize(as = ImmutableServerSecurityGroup.class)
public interface ServerSecurityGroup {
    /** The group's name. */
    String name();

    /** A group reference by name. */
    static ServerSecurityGroup of(String name) {
        return builder().name(name).build();
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

    /** Builder of {@link ServerSecurityGroup}. */
    final class Builder extends ImmutableServerSecurityGroup.Builder {}
}
