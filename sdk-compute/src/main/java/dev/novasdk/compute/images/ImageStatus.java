package dev.novasdk.compute.images;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;
import java.util.Locale;

/**
 * The status of an image. Glance sends lower case ({@code active}); nova's image proxy sends upper case and
 * folds glance's states into {@code ACTIVE}, {@code SAVING}, {@code DELETED}, {@code ERROR} and
 * {@code UNKNOWN}. Both spellings are read; values this SDK does not know read as {@link #UNKNOWN}, and
 * {@link Image#statusRaw()} keeps what was sent.
 */
public enum ImageStatus implements ApiEnum {
    /** Created, no data yet (glance); nova's proxy reports it as {@link #SAVING}. */
    QUEUED,
    /** Data is being uploaded or, for a snapshot, written. */
    SAVING,
    /** Data has been staged by the interoperable import (glance 2.6+). */
    UPLOADING,
    /** Being imported (glance 2.6+). */
    IMPORTING,
    /** Usable. */
    ACTIVE,
    /** The upload failed (glance); nova's proxy reports it as {@link #ERROR}. */
    KILLED,
    /** Deleted; data gone. */
    DELETED,
    /** Deleted, data kept for a while (glance); nova's proxy reports it as {@link #DELETED}. */
    PENDING_DELETE,
    /** Deactivated by an admin: data cannot be downloaded or booted (glance). */
    DEACTIVATED,
    /** Failed; nova's proxy only, for glance's {@code killed}. */
    ERROR,
    /** A status this SDK does not know, or none was sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<ImageStatus> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** Glance's spelling of the status (lower case). */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a value in glance's or nova's spelling; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ImageStatus fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
