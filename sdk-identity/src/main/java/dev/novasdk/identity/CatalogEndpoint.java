package dev.novasdk.identity;

import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One endpoint of a service in the catalog.
 */
@Value.Immutable
public interface CatalogEndpoint {
    /** The endpoint id. */
    Optional<String> id();

    /** {@code public}, {@code internal} or {@code admin}. */
    String interfaceName();

    /** The region id ({@code region_id}, else {@code region}). */
    Optional<String> region();

    /** The URL as the catalog gives it; it may embed a project id ({@code /v2/<tenant_id>}). */
    URI url();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CatalogEndpoint}. */
    final class Builder extends ImmutableCatalogEndpoint.Builder {}
}
