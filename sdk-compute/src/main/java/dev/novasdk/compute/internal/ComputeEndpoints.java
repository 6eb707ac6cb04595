package dev.novasdk.compute.internal;

import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.error.EndpointNotFoundException;
import java.net.URI;
import java.util.Optional;

/**
 * Where compute and image requests go: explicit URLs, else the catalog, looked up on first use and
 * remembered. Thread-safe; a race may resolve an endpoint twice, which resolvers answer from their cache. Not
 * API.
 */
public final class ComputeEndpoints {
    private final EndpointResolver resolver;
    private final URI computeOverride;
    private final URI imageOverride;
    private final EndpointInterface endpointInterface;
    private final String region;
    private volatile URI compute;
    private volatile Optional<URI> imageV2;

    /**
     * Endpoints from {@code resolver}, or the overrides where given; {@code resolver} may be null when
     * {@code computeOverride} is set, and {@code endpointInterface} and {@code region} null for the resolver's
     * defaults.
     */
    public ComputeEndpoints(
            EndpointResolver resolver,
            URI computeOverride,
            URI imageOverride,
            EndpointInterface endpointInterface,
            String region) {
        if (resolver == null && computeOverride == null) {
            throw new IllegalArgumentException("neither an endpoint resolver nor a compute endpoint is set");
        }
        this.resolver = resolver;
        this.computeOverride = computeOverride;
        this.imageOverride = imageOverride;
        this.endpointInterface = endpointInterface;
        this.region = region;
    }

    /** The compute endpoint as the catalog gives it ({@code http://nova:8774/v2.1}). */
    public URI compute() {
        URI e = compute;
        if (e == null) {
            e = computeOverride != null ? computeOverride : resolver.resolve(query("compute"));
            compute = e;
        }
        return e;
    }

    /**
     * Glance's v2 root ({@code http://glance:9292/v2}), or empty when the catalog has no image service: then
     * images come through Nova's proxy.
     */
    public Optional<URI> imageV2() {
        Optional<URI> e = imageV2;
        if (e == null) {
            e = image().map(ComputeEndpoints::withV2);
            imageV2 = e;
        }
        return e;
    }

    /** The base requests of {@code api} are relative to. */
    URI base(Operation.Api api) {
        return api == Operation.Api.COMPUTE
                ? compute()
                : imageV2()
                        .orElseThrow(() ->
                                new EndpointNotFoundException("the catalog has no image service", java.util.List.of()));
    }

    /**
     * The base relative next links of {@code api} resolve against: Glance's {@code next} is a path from its
     * root ({@code /v2/images?marker=..}), so its base is the endpoint without {@code /v2}.
     */
    URI linkBase(Operation.Api api) {
        if (api == Operation.Api.COMPUTE) {
            return compute();
        }
        String v2 = base(api).toString();
        return URI.create(v2.substring(0, v2.length() - "/v2".length()));
    }

    private Optional<URI> image() {
        if (imageOverride != null) {
            return Optional.of(imageOverride);
        }
        if (resolver == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(resolver.resolve(query("image")));
        } catch (EndpointNotFoundException noImageService) {
            return Optional.empty();
        }
    }

    // Catalogs usually give Glance without a version (the lab: http://127.0.0.1:9292); accept one with it.
    private static URI withV2(URI endpoint) {
        String e = endpoint.toString();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return URI.create(e.endsWith("/v2") ? e : e + "/v2");
    }

    private EndpointQuery query(String type) {
        EndpointQuery.Builder q = EndpointQuery.builder(type);
        if (endpointInterface != null) {
            q.endpointInterface(endpointInterface);
        }
        if (region != null) {
            q.region(region);
        }
        return q.build();
    }
}
