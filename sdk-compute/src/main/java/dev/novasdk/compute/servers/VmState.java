package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * The state nova keeps for a server ({@code OS-EXT-STS:vm_state}), from which, with the task state, it
 * derives {@link ServerStatus}. Values this SDK does not know read as {@link #UNKNOWN};
 * {@link Server#vmStateRaw()} keeps what was sent.
 */
public enum VmState implements ApiEnum {
    /** Running. */
    ACTIVE("active"),
    /** Being built. */
    BUILDING("building"),
    /** Paused in memory. */
    PAUSED("paused"),
    /** Suspended to disk. */
    SUSPENDED("suspended"),
    /** Powered off. */
    STOPPED("stopped"),
    /** In rescue mode. */
    RESCUED("rescued"),
    /** Resized or migrated, waiting for the resize to be confirmed or reverted. */
    RESIZED("resized"),
    /** Soft-deleted; may still be restored ({@code soft-delete}). */
    SOFT_DELETED("soft-delete"),
    /** Deleted. */
    DELETED("deleted"),
    /** Failed. */
    ERROR("error"),
    /** Shelved, still on its host. */
    SHELVED("shelved"),
    /** Shelved and removed from its host. */
    SHELVED_OFFLOADED("shelved_offloaded"),
    /** A state this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private static final ApiEnums<VmState> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    VmState(String value) {
        this.value = value;
    }

    /** The value on the wire, such as {@code active} or {@code soft-delete}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static VmState fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
