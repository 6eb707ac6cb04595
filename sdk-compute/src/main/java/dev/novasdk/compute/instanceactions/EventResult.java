package dev.novasdk.compute.instanceactions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * How an instance action's event ended ({@code result}); absent while it runs. Values this SDK does not know
 * read as {@link #UNKNOWN}, and {@link InstanceActionEvent#resultRaw()} keeps what was sent.
 */
public enum EventResult implements ApiEnum {
    /** {@code Success}: the step completed. */
    SUCCESS("Success"),
    /** {@code Error}: the step failed; the event's traceback (admin) says where. */
    ERROR("Error"),
    /** A value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("UNKNOWN");

    private static final ApiEnums<EventResult> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    EventResult(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else, including null. */
    @JsonCreator
    public static EventResult fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
