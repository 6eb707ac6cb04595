package dev.novasdk.core.observe;

import dev.novasdk.core.http.HttpMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * A call is starting: what it is and where it goes. Every later event of the call refers to this one.
 *
 * @param operation the operation, such as {@code servers.create}, or {@code unknown}
 * @param serviceType the service type, such as {@code compute}, or {@code unknown}
 * @param method the HTTP method
 * @param urlTemplate the path template under the service's endpoint ({@code /servers/{server_id}}), or
 *        {@code unknown}; never an id, a query or a secret
 * @param serverAddress the host the call goes to
 * @param serverPort the port the call goes to
 * @param microversion the microversion the call asks for, if any
 * @param globalRequestId the global request id sent as {@code X-OpenStack-Request-ID}, if the client has one
 */
public record CallStarted(
        String operation,
        String serviceType,
        HttpMethod method,
        String urlTemplate,
        String serverAddress,
        int serverPort,
        Optional<String> microversion,
        Optional<String> globalRequestId) {
    /** Checks that no component is null. */
    public CallStarted {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        Objects.requireNonNull(serverAddress, "serverAddress");
        Objects.requireNonNull(microversion, "microversion");
        Objects.requireNonNull(globalRequestId, "globalRequestId");
    }
}
