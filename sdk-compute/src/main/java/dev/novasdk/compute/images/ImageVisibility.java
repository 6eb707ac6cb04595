package dev.novasdk.compute.images;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;
import java.util.Locale;

/**
 * Who may see and boot an image (glance's {@code visibility}). Values this SDK does not know read as
 * {@link #UNKNOWN}; {@link Image#visibilityRaw()} keeps what was sent.
 */
public enum ImageVisibility implements ApiEnum {
    /** Every project. */
    PUBLIC,
    /** The owner only. */
    PRIVATE,
    /** The owner and the projects it was shared with as members (glance 2.5+). */
    SHARED,
    /** Every project, but listed only for the owner and members unless asked for (glance 2.5+). */
    COMMUNITY,
    /** A visibility this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<ImageVisibility> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** The value on the wire, for query parameters such as {@code ?visibility=shared}. */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ImageVisibility fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
