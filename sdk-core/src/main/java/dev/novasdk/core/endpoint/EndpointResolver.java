package dev.novasdk.core.endpoint;

import java.net.URI;

/**
 * Finds the base URL of a service, usually from the identity service's catalog. Implementations are
 * thread-safe. The identity module's {@code Session} is the usual implementation; tests and fixed
 * deployments can use a lambda.
 */
@FunctionalInterface
public interface EndpointResolver {
    /**
     * The base URL for the query, as the catalog gives it (it may embed a project id).
     *
     * @throws dev.novasdk.core.error.EndpointNotFoundException when no single endpoint matches
     */
    URI resolve(EndpointQuery query);
}
