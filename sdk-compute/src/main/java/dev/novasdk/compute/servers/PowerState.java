package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The hypervisor's view of a server ({@code OS-EXT-STS:power_state}), an integer on the wire. Codes this SDK
 * does not know read as {@link #UNKNOWN}; {@link Server#powerStateCode()} keeps the code sent.
 */
public enum PowerState {
    /** 0: no state reported (also what nova shows for a server in an unreachable cell). */
    NOSTATE(0),
    /** 1: running. */
    RUNNING(1),
    /** 2: blocked; no longer reported by current nova. */
    BLOCKED(2),
    /** 3: paused. */
    PAUSED(3),
    /** 4: shut down. */
    SHUTDOWN(4),
    /** 5: shut off; no longer reported by current nova, which uses {@link #SHUTDOWN}. */
    SHUTOFF(5),
    /** 6: crashed. */
    CRASHED(6),
    /** 7: suspended. */
    SUSPENDED(7),
    /** A code this SDK does not know; its {@link #code()} is -1, which nova never sends. */
    UNKNOWN(-1);

    private final int code;

    PowerState(int code) {
        this.code = code;
    }

    /** The integer nova sends. */
    @JsonValue
    public int code() {
        return code;
    }

    /** The member for a code nova sent; {@link #UNKNOWN} for any other. */
    @JsonCreator
    public static PowerState fromCode(int code) {
        for (PowerState s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
