package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume attached to a server ({@code os-extended-volumes:volumes_attached}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAttachedVolume.class)
@JsonDeserialize(as = ImmutableAttachedVolume.class)
public interface AttachedVolume {
    /** The volume id. */
    String id();

    /** Whether deleting the server deletes the volume; sent from microversion 2.3 on. */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

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

    /** Builder of {@link AttachedVolume}. */
    final class Builder extends ImmutableAttachedVolume.Builder {}
}
