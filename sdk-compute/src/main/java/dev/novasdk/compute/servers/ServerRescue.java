package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The options of the {@code rescue} action: the administrator password to set in the rescue system and the
 * image to boot it from. Written as JSON it is the body inside the {@code rescue} envelope, such as
 * {@code {"adminPass": "...", "rescue_image_ref": "70a599e0-..."}}; without options use
 * {@link ServerManager#rescue(String)}, which sends {@code {"rescue": null}}.
 *
 * <pre>{@code
 * ServerRescue options = ServerRescue.builder().adminPassword(secret).imageId(rescueImage.id()).build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface ServerRescue {
    /**
     * The administrator password of the rescue system ({@code adminPass}); Nova generates one otherwise and
     * answers it. Never shown by {@code toString()}.
     */
    @JsonProperty("adminPass")
    @Value.Redacted
    Optional<String> adminPassword();

    /**
     * The image to boot the rescue system from ({@code rescue_image_ref}), an image id; Nova uses the
     * server's own image, or the configured rescue image, otherwise.
     */
    @JsonProperty("rescue_image_ref")
    Optional<String> imageId();

    /** Rejects values Nova's schema refuses, naming the field; never quotes the password. */
    @Value.Check
    default void check() {
        imageId().ifPresent(id -> {
            if (!RequestRules.isUuidLike(id)) {
                throw RequestRules.invalid("rescue_image_ref", "must be an image id (a UUID), got '" + id + "'");
            }
        });
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

    /** Builder of {@link ServerRescue}. */
    final class Builder extends ImmutableServerRescue.Builder {}
}
