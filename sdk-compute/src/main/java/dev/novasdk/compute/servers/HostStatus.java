package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * The state of the compute service on a server's host ({@code host_status}, microversion 2.16+, by policy).
 * Values this SDK does not know read as {@link #UNKNOWN}; {@link Server#hostStatusRaw()} keeps what was sent.
 */
public enum HostStatus implements ApiEnum {
    /** The compute service is up. */
    UP("UP"),
    /** The compute service is down or forced down. */
    DOWN("DOWN"),
    /** The compute service is disabled. */
    MAINTENANCE("MAINTENANCE"),
    /** The server has no host (nova sends the empty string), as before it is scheduled. */
    NONE(""),
    /**
     * Nova's own {@code UNKNOWN}, for a compute service that has not reported, or a value this SDK does not
     * know.
     */
    @JsonEnumDefaultValue
    UNKNOWN("UNKNOWN");

    private static final ApiEnums<HostStatus> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    HostStatus(String value) {
        this.value = value;
    }

    /** The value on the wire: {@code UP}, {@code DOWN}, {@code MAINTENANCE}, {@code UNKNOWN} or {@code ""}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static HostStatus fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
