package dev.novasdk.compute.servers;

import dev.novasdk.core.error.ApiError;
import dev.novasdk.core.error.BadRequestException;

/**
 * Nova's 400 for a console type the cloud does not serve ({@code "Unavailable console type novnc."}): the
 * console proxy of that type is disabled or the hypervisor has none. Carries the type asked for.
 */
public class ConsoleUnavailableException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    private final ConsoleType type;

    /** The refusal {@code error} of a request for a {@code type} console. */
    public ConsoleUnavailableException(ApiError error, ConsoleType type) {
        super(error);
        this.type = type;
    }

    /** The console type asked for. */
    public ConsoleType type() {
        return type;
    }
}
