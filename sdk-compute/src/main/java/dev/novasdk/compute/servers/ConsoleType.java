package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * The type of a remote console ({@code type}), each of one {@link ConsoleProtocol}; values this SDK does not
 * know read as {@link #UNKNOWN}. Which types a cloud serves is its configuration: an unavailable one is
 * refused with {@link ConsoleUnavailableException}.
 */
public enum ConsoleType implements ApiEnum {
    /** noVNC in a browser. */
    NOVNC("novnc", ConsoleProtocol.VNC),
    /** The SPICE HTML5 client. */
    SPICE_HTML5("spice-html5", ConsoleProtocol.SPICE),
    /** The RDP HTML5 client (Hyper-V only). */
    RDP_HTML5("rdp-html5", ConsoleProtocol.RDP),
    /** A serial console over a websocket. */
    SERIAL("serial", ConsoleProtocol.SERIAL),
    /** VMware's WebMKS; microversion 2.8 and later. */
    WEBMKS("webmks", ConsoleProtocol.MKS),
    /** A value this SDK does not know yet; never sent in a request. */
    @JsonEnumDefaultValue
    UNKNOWN("unknown", ConsoleProtocol.UNKNOWN);

    private static final ApiEnums<ConsoleType> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;
    private final ConsoleProtocol protocol;

    ConsoleType(String value, ConsoleProtocol protocol) {
        this.value = value;
        this.protocol = protocol;
    }

    /** {@code novnc}, {@code spice-html5}, ... */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The protocol this type belongs to. */
    public ConsoleProtocol protocol() {
        return protocol;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static ConsoleType fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
