package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The body of a snapshot (the {@code createImage} action): the new image's name and metadata. Written as the
 * body inside the {@code createImage} envelope. Immutable.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface ServerImageCreate {
    /** The image name ({@code name}): 1 to 255 printable characters, no leading or trailing whitespace. */
    @JsonProperty("name")
    String name();

    /** Image properties to set ({@code metadata}), next to the ones Nova copies from the server. */
    @JsonProperty("metadata")
    Map<String, String> metadata();

    /** A snapshot named {@code name} without metadata. */
    static ServerImageCreate of(String name) {
        return builder().name(name).build();
    }

    /** Checks the name and metadata as Nova's schema does. */
    @Value.Check
    default void check() {
        RequestRules.name("name", name());
        ServerFields.metadata(metadata());
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

    /** Builder of {@link ServerImageCreate}. */
    final class Builder extends ImmutableServerImageCreate.Builder {}
}
