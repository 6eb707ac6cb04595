package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * The status nova reports for a server ({@code status}), a summary of its vm and task states. Clouds and
 * newer nova releases may add values; those read as {@link #UNKNOWN}, and {@link Server#statusRaw()} keeps
 * what was sent.
 */
public enum ServerStatus implements ApiEnum {
    /** Running. */
    ACTIVE,
    /** Being built; not yet running. */
    BUILD,
    /** Deleted; seen only when listing with {@code deleted=true} or briefly during deletion. */
    DELETED,
    /** Failed; {@link Server#fault()} usually says why. */
    ERROR,
    /** Being hard-rebooted. */
    HARD_REBOOT,
    /** Being live-migrated. */
    MIGRATING,
    /** Its admin password is being set. */
    PASSWORD,
    /** Paused in memory. */
    PAUSED,
    /** Being soft-rebooted. */
    REBOOT,
    /** Being rebuilt from an image. */
    REBUILD,
    /** In rescue mode. */
    RESCUE,
    /** Being resized or cold-migrated. */
    RESIZE,
    /** A resize is being reverted. */
    REVERT_RESIZE,
    /** Shelved, still on its host. */
    SHELVED,
    /** Shelved and removed from its host. */
    SHELVED_OFFLOADED,
    /** Stopped. */
    SHUTOFF,
    /** Soft-deleted; may still be restored. */
    SOFT_DELETED,
    /** Suspended to disk. */
    SUSPENDED,
    /** Resized or migrated; waiting for the resize to be confirmed or reverted. */
    VERIFY_RESIZE,
    /**
     * A status this SDK does not know, no status at all (the partial body of a create response), or nova's
     * own {@code UNKNOWN} for a server in a cell it cannot reach (microversion 2.69+).
     */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<ServerStatus> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** The value on the wire, for query parameters such as {@code ?status=ACTIVE}. */
    @JsonValue
    @Override
    public String value() {
        return name();
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else, including null. */
    @JsonCreator
    public static ServerStatus fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
