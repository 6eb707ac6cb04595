package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Nova's answer to the {@code rescue} action: the administrator password of the rescue system, the one
 * given or one Nova generated. A secret: never shown by {@code toString()}, and masked in the SDK's debug log.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerRescueResult.class)
@JsonDeserialize(as = ImmutableServerRescueResult.class)
public interface ServerRescueResult {
    /**
     * The rescue system's administrator password ({@code adminPass}); absent when the cloud does not hand
     * out passwords ({@code enable_instance_password = False}).
     */
    @JsonProperty("adminPass")
    @Value.Redacted
    Optional<String> adminPassword();

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

    /** Builder of {@link ServerRescueResult}. */
    final class Builder extends ImmutableServerRescueResult.Builder {}
}
