package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * How a server got an address ({@code OS-EXT-IPS:type}). Values this SDK does not know read as
 * {@link #UNKNOWN}; {@link ServerAddress#typeRaw()} keeps what was sent.
 */
public enum AddressType implements ApiEnum {
    /** An address of the server's port on the network. */
    FIXED("fixed"),
    /** A floating IP associated with one of the server's fixed addresses. */
    FLOATING("floating"),
    /** A type this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private static final ApiEnums<AddressType> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    AddressType(String value) {
        this.value = value;
    }

    /** {@code fixed} or {@code floating}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static AddressType fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
