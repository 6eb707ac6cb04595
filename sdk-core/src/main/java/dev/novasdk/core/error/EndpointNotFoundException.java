package dev.novasdk.core.error;

import java.util.List;

/**
 * The service catalog has no endpoint, or more than one, for the requested service type, interface and
 * region. The message lists the candidates that exist.
 */
public class EndpointNotFoundException extends OpenStackException {
    private final List<String> candidates;

    /** An exception with the message and the catalog entries that were considered. */
    public EndpointNotFoundException(String message, List<String> candidates) {
        super(message, null);
        this.candidates = List.copyOf(candidates);
    }

    /** Descriptions of the catalog entries that exist, such as {@code compute/public/RegionOne}. */
    public List<String> candidates() {
        return candidates;
    }
}
