package dev.novasdk.core.error;

import java.util.Optional;

/**
 * A resource being waited on reached an error state (a server in {@code ERROR}). Carries the fault the
 * service reported and the resource as last seen.
 */
public class ResourceErrorException extends OpenStackException {
    private final transient Object resource;
    private final Integer faultCode;
    private final String faultMessage;
    private final String faultDetails;

    /** An exception for {@code resource}, with the service's fault when it gave one. */
    public ResourceErrorException(
            String message, Object resource, Integer faultCode, String faultMessage, String faultDetails) {
        super(message, null);
        this.resource = resource;
        this.faultCode = faultCode;
        this.faultMessage = faultMessage;
        this.faultDetails = faultDetails;
    }

    /** The resource as last seen, cast to the caller's type. */
    public <T> Optional<T> resource(Class<T> type) {
        return type.isInstance(resource) ? Optional.of(type.cast(resource)) : Optional.empty();
    }

    /** The fault code (nova: the HTTP-like code of the failure), if reported. */
    public Optional<Integer> faultCode() {
        return Optional.ofNullable(faultCode);
    }

    /** The fault message, if reported. */
    public Optional<String> faultMessage() {
        return Optional.ofNullable(faultMessage);
    }

    /** The fault details (often a traceback, admin only), if reported. */
    public Optional<String> faultDetails() {
        return Optional.ofNullable(faultDetails);
    }
}
