package dev.novasdk.core.observe;

import dev.novasdk.core.http.RequestAttribute;
import java.util.Objects;

/**
 * What a request is, for observation: the operation's name ({@code servers.create}), the service type
 * ({@code compute}, {@code image}, {@code identity}) and the URL template relative to the service's endpoint
 * ({@code /servers/{server_id}/action}), which names no id, no query and no secret, so it can label metrics.
 * Service clients put it on every request as {@link #ATTRIBUTE}; a request without it is observed as
 * {@link #UNKNOWN}.
 *
 * @param name the operation, {@code <resource>.<verb>}
 * @param serviceType the catalog service type
 * @param urlTemplate the path template under the service's endpoint, starting with {@code /}
 */
public record OperationInfo(String name, String serviceType, String urlTemplate) {
    /** The request attribute that carries it. */
    public static final RequestAttribute<OperationInfo> ATTRIBUTE =
            RequestAttribute.of("operationInfo", OperationInfo.class);

    /** What a request without {@link #ATTRIBUTE} is observed as. */
    public static final OperationInfo UNKNOWN = new OperationInfo("unknown", "unknown", "unknown");

    /** Checks that no component is null. */
    public OperationInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(urlTemplate, "urlTemplate");
    }
}
