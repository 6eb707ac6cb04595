package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The status nova reports for a server ({@code status}), a summary of its vm and task states. Clouds and
 * newer nova releases may add values; those read as {@link #UNKNOWN}, and {@link Server#statusRaw()} keeps
 * what was sent.
 */
public enum ServerStatus {
    /** Running. */
    @JsonProperty("ACTIVE")
    ACTIVE,
    /** Being built; not yet running. */
    @JsonProperty("BUILD")
    BUILD,
    /** Deleted; seen only when listing with {@code deleted=true} or briefly during deletion. */
    @JsonProperty("DELETED")
    DELETED,
    /** Failed; {@link Server#fault()} usually says why. */
    @JsonProperty("ERROR")
    ERROR,
    /** Being hard-rebooted. */
    @JsonProperty("HARD_REBOOT")
    HARD_REBOOT,
    /** Being live-migrated. */
    @JsonProperty("MIGRATING")
    MIGRATING,
    /** Its admin password is being set. */
    @JsonProperty("PASSWORD")
    PASSWORD,
    /** Paused in memory. */
    @JsonProperty("PAUSED")
    PAUSED,
    /** Being soft-rebooted. */
    @JsonProperty("REBOOT")
    REBOOT,
    /** Being rebuilt from an image. */
    @JsonProperty("REBUILD")
    REBUILD,
    /** In rescue mode. */
    @JsonProperty("RESCUE")
    RESCUE,
    /** Being resized or cold-migrated. */
    @JsonProperty("RESIZE")
    RESIZE,
    /** A resize is being reverted. */
    @JsonProperty("REVERT_RESIZE")
    REVERT_RESIZE,
    /** Shelved, still on its host. */
    @JsonProperty("SHELVED")
    SHELVED,
    /** Shelved and removed from its host. */
    @JsonProperty("SHELVED_OFFLOADED")
    SHELVED_OFFLOADED,
    /** Stopped. */
    @JsonProperty("SHUTOFF")
    SHUTOFF,
    /** Soft-deleted; may still be restored. */
    @JsonProperty("SOFT_DELETED")
    SOFT_DELETED,
    /** Suspended to disk. */
    @JsonProperty("SUSPENDED")
    SUSPENDED,
    /** Resized or migrated; waiting for the resize to be confirmed or reverted. */
    @JsonProperty("VERIFY_RESIZE")
    VERIFY_RESIZE,
    /**
     * A status this SDK does not know, no status at all (the partial body of a create response), or nova's
     * own {@code UNKNOWN} for a server in a cell it cannot reach (microversion 2.69+).
     */
    @JsonProperty("UNKNOWN")
    @JsonEnumDefaultValue
    UNKNOWN;

    /** The value on the wire, for query parameters such as {@code ?status=ACTIVE}. */
    public String value() {
        return name();
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else, including null. */
    public static ServerStatus fromValue(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
