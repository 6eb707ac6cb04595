package dev.novasdk.compute.images;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The status of an image. Glance sends lower case ({@code active}); nova's image proxy sends upper case and
 * folds glance's states into {@code ACTIVE}, {@code SAVING}, {@code DELETED}, {@code ERROR} and
 * {@code UNKNOWN}. Both spellings are read; values this SDK does not know read as {@link #UNKNOWN}, and
 * {@link Image#statusRaw()} keeps what was sent.
 */
public enum ImageStatus {
    /** Created, no data yet (glance); nova's proxy reports it as {@link #SAVING}. */
    @JsonProperty("queued")
    QUEUED,
    /** Data is being uploaded or, for a snapshot, written. */
    @JsonProperty("saving")
    SAVING,
    /** Data has been staged by the interoperable import (glance 2.6+). */
    @JsonProperty("uploading")
    UPLOADING,
    /** Being imported (glance 2.6+). */
    @JsonProperty("importing")
    IMPORTING,
    /** Usable. */
    @JsonProperty("active")
    ACTIVE,
    /** The upload failed (glance); nova's proxy reports it as {@link #ERROR}. */
    @JsonProperty("killed")
    KILLED,
    /** Deleted; data gone. */
    @JsonProperty("deleted")
    DELETED,
    /** Deleted, data kept for a while (glance); nova's proxy reports it as {@link #DELETED}. */
    @JsonProperty("pending_delete")
    PENDING_DELETE,
    /** Deactivated by an admin: data cannot be downloaded or booted (glance). */
    @JsonProperty("deactivated")
    DEACTIVATED,
    /** Failed; nova's proxy only, for glance's {@code killed}. */
    @JsonProperty("error")
    ERROR,
    /** A status this SDK does not know, or none was sent. */
    @JsonProperty("unknown")
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Glance's spelling of the status (lower case). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a value in glance's or nova's spelling; {@link #UNKNOWN} for anything else or null. */
    public static ImageStatus fromValue(String value) {
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
