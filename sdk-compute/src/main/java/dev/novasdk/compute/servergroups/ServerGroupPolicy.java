package dev.novasdk.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;
import java.util.Locale;

/**
 * How the scheduler places a server group's members. Values this SDK does not know read as {@link #UNKNOWN};
 * {@link ServerGroup#policyRaw()} and {@link ServerGroup#policies()} keep what was sent.
 */
public enum ServerGroupPolicy implements ApiEnum {
    /** Every member on the same host; a member that does not fit there fails with "No valid host". */
    AFFINITY,
    /** Every member on a different host; a member with no host left fails with "No valid host". */
    ANTI_AFFINITY,
    /** The same host when possible (microversion 2.15+). */
    SOFT_AFFINITY,
    /** Different hosts when possible (microversion 2.15+). */
    SOFT_ANTI_AFFINITY,
    /** A policy this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<ServerGroupPolicy> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** The value on the wire ({@code anti-affinity}, ...). */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ServerGroupPolicy fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
