package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;
import java.util.Locale;

/** The protocol of a remote console ({@code protocol}); values this SDK does not know read as {@link #UNKNOWN}. */
public enum ConsoleProtocol implements ApiEnum {
    /** VNC. */
    VNC,
    /** SPICE. */
    SPICE,
    /** RDP (Hyper-V, whose driver Nova removed in 2024.1). */
    RDP,
    /** A serial port over a websocket. */
    SERIAL,
    /** VMware's MKS; microversion 2.8 and later. */
    MKS,
    /** A value this SDK does not know yet; never sent in a request. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<ConsoleProtocol> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** {@code vnc}, {@code spice}, ... */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ConsoleProtocol fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
