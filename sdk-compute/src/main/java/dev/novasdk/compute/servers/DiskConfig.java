package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * How the root disk is partitioned ({@code OS-DCF:diskConfig}). Values this SDK does not know read as
 * {@link #UNKNOWN}; {@link Server#diskConfigRaw()} keeps what was sent.
 */
public enum DiskConfig implements ApiEnum {
    /** The root partition is expanded to fill the disk. */
    AUTO,
    /** The partition layout of the image is kept. */
    MANUAL,
    /** A value this SDK does not know yet; never sent in a request. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<DiskConfig> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** {@code AUTO} or {@code MANUAL}. */
    @JsonValue
    @Override
    public String value() {
        return name();
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static DiskConfig fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
