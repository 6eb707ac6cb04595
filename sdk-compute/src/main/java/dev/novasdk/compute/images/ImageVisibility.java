package dev.novasdk.compute.images;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Who may see and boot an image (glance's {@code visibility}). Values this SDK does not know read as
 * {@link #UNKNOWN}; {@link Image#visibilityRaw()} keeps what was sent.
 */
public enum ImageVisibility {
    /** Every project. */
    @JsonProperty("public")
    PUBLIC,
    /** The owner only. */
    @JsonProperty("private")
    PRIVATE,
    /** The owner and the projects it was shared with as members (glance 2.5+). */
    @JsonProperty("shared")
    SHARED,
    /** Every project, but listed only for the owner and members unless asked for (glance 2.5+). */
    @JsonProperty("community")
    COMMUNITY,
    /** A visibility this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** The value on the wire, for query parameters such as {@code ?visibility=shared}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    public static ImageVisibility fromValue(String value) {
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
