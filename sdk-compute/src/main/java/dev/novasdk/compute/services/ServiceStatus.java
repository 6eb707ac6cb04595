package dev.novasdk.compute.services;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/** Whether a compute service (or a hypervisor's service) takes new work: {@code status}. Values this SDK does not know read as {@link #UNKNOWN}. */
public enum ServiceStatus implements ApiEnum {
    /** The service is enabled. */
    ENABLED("enabled"),
    /** The service is disabled: the scheduler skips a disabled nova-compute. */
    DISABLED("disabled"),
    /** A value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("UNKNOWN");

    private static final ApiEnums<ServiceStatus> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    ServiceStatus(String value) {
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
    public static ServiceStatus fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
