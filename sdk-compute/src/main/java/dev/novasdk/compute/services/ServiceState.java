package dev.novasdk.compute.services;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/** Whether a service reports in time: {@code state}. Values this SDK does not know read as {@link #UNKNOWN}. */
public enum ServiceState implements ApiEnum {
    /** The service reported recently. */
    UP("up"),
    /** The service has not reported in time, or is forced down. */
    DOWN("down"),
    /** A value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("UNKNOWN");

    private static final ApiEnums<ServiceState> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    ServiceState(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ServiceState fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
