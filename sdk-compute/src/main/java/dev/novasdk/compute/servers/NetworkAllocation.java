package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;

/**
 * The special values of {@code networks} (microversion 2.37 and later), sent instead of a list of NICs.
 */
public enum NetworkAllocation implements ApiEnum {
    /** Use a network available to the project, allocating one if the cloud can ({@code "auto"}). */
    AUTO("auto"),
    /** Create the server without any network ({@code "none"}). */
    NONE("none");

    private final String value;

    NetworkAllocation(String value) {
        this.value = value;
    }

    /** The JSON value, {@code "auto"} or {@code "none"}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
