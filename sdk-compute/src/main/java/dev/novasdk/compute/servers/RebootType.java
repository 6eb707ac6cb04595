package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;

/**
 * How to reboot a server (the {@code type} of the {@code reboot} action).
 */
public enum RebootType implements ApiEnum {
    /** Ask the guest OS to restart. */
    SOFT,
    /** Power-cycle the instance. */
    HARD;

    /** {@code SOFT} or {@code HARD}. */
    @JsonValue
    @Override
    public String value() {
        return name();
    }
}
