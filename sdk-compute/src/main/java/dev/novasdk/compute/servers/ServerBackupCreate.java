package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The body of a backup (the {@code createBackup} action; project members may, by default): a snapshot named
 * {@code name}, of which Nova keeps the newest {@code rotation} of the same {@code backup_type}. Written as
 * the body inside the {@code createBackup} envelope. Immutable.
 *
 * <pre>{@code
 * ServerBackupCreate daily = ServerBackupCreate.builder().name("web-1-daily").backupType("daily").rotation(7).build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface ServerBackupCreate {
    /** The image name ({@code name}): 1 to 255 printable characters, no leading or trailing whitespace. */
    @JsonProperty("name")
    String name();

    /** The rotation group ({@code backup_type}), such as {@code daily} or {@code weekly}. */
    @JsonProperty("backup_type")
    String backupType();

    /** How many backups of this type to keep ({@code rotation}); 0 or more, older ones are deleted. */
    @JsonProperty("rotation")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    int rotation();

    /** Image properties to set ({@code metadata}). */
    @JsonProperty("metadata")
    Map<String, String> metadata();

    /** Checks the name, rotation and metadata as Nova's schema does. */
    @Value.Check
    default void check() {
        RequestRules.name("name", name());
        if (backupType().isEmpty()) {
            throw RequestRules.invalid("backup_type", "must not be empty");
        }
        if (rotation() < 0) {
            throw RequestRules.invalid("rotation", "must be 0 or more, got " + rotation());
        }
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

    /** Builder of {@link ServerBackupCreate}. */
    final class Builder extends ImmutableServerBackupCreate.Builder {}
}
