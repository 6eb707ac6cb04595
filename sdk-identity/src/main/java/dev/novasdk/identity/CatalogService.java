package dev.novasdk.identity;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One service of the catalog, with its endpoints.
 */
@Value.Immutable
public interface CatalogService {
    /** The service type ({@code compute}, {@code image}, ...). */
    String type();

    /** The service name ({@code nova}), if given. */
    Optional<String> name();

    /** The service id, if given. */
    Optional<String> id();

    /** The endpoints. */
    List<CatalogEndpoint> endpoints();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CatalogService}. */
    final class Builder extends ImmutableCatalogService.Builder {}
}
