package dev.novasdk.identity;

import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.error.EndpointNotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services and endpoints a token grants, with deterministic endpoint selection by service type (and its
 * official aliases), interface, region and service name. Immutable.
 */
public final class ServiceCatalog {
    private static final ServiceCatalog EMPTY = new ServiceCatalog(List.of());

    // The service-types-authority alias groups that matter to Nova users; the first name is the official one.
    private static final List<List<String>> ALIASES = List.of(
            List.of("block-storage", "volumev3", "volumev2", "volume", "block-store"),
            List.of("shared-file-system", "sharev2", "share"),
            List.of("container-infrastructure-management", "container-infra"),
            List.of("clustering", "cluster"),
            List.of("workflow", "workflowv2"),
            List.of("load-balancer", "octavia"),
            List.of("baremetal-introspection", "baremetal_introspection"),
            List.of("application-catalog", "application_catalog"),
            List.of("key-manager", "keymanager"));

    private final List<CatalogService> services;

    private ServiceCatalog(List<CatalogService> services) {
        this.services = List.copyOf(services);
    }

    /** A catalog of these services. */
    public static ServiceCatalog of(List<CatalogService> services) {
        return services.isEmpty() ? EMPTY : new ServiceCatalog(Objects.requireNonNull(services, "services"));
    }

    /** The empty catalog of an unscoped token. */
    public static ServiceCatalog empty() {
        return EMPTY;
    }

    /** Every service, in the order Keystone sent them (which is not stable between deployments). */
    public List<CatalogService> services() {
        return services;
    }

    /** The distinct service types present, sorted. */
    public Set<String> serviceTypes() {
        Set<String> types = new TreeSet<>();
        services.forEach(s -> types.add(s.type()));
        return types;
    }

    /**
     * The service types searched for {@code serviceType}: itself first, then its official aliases
     * ({@code block-storage} also finds {@code volumev3}, {@code volumev2}, {@code volume}).
     */
    public static List<String> typesFor(String serviceType) {
        String t = serviceType.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        out.add(t);
        for (List<String> group : ALIASES) {
            if (group.contains(t)) {
                out.addAll(group);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The single endpoint matching the query. The query's interface and region win over the defaults; with no
     * region at all, an endpoint is found only when the matches are all in one region.
     *
     * @throws EndpointNotFoundException when nothing matches, or more than one endpoint does; the message and
     *         {@link EndpointNotFoundException#candidates()} list what the catalog has
     */
    public URI resolve(EndpointQuery query, EndpointInterface defaultInterface, Optional<String> defaultRegion) {
        Objects.requireNonNull(query, "query");
        EndpointInterface iface =
                query.endpointInterface().orElse(Objects.requireNonNull(defaultInterface, "defaultInterface"));
        Optional<String> region = query.region().isPresent() ? query.region() : defaultRegion;
        for (String type : typesFor(query.serviceType())) {
            List<CatalogService> ofType = new ArrayList<>();
            for (CatalogService s : services) {
                if (s.type().equalsIgnoreCase(type)
                        && (query.serviceName().isEmpty() || query.serviceName().equals(s.name()))) {
                    ofType.add(s);
                }
            }
            if (ofType.isEmpty()) {
                continue;
            }
            Map<URI, String> matches = new LinkedHashMap<>();
            List<String> candidates = new ArrayList<>();
            Set<String> regions = new TreeSet<>();
            for (CatalogService s : ofType) {
                for (CatalogEndpoint e : s.endpoints()) {
                    String c = describe(s, e);
                    candidates.add(c);
                    if (!e.interfaceName().equalsIgnoreCase(iface.wireName())) {
                        continue;
                    }
                    if (region.isPresent() && !region.equals(e.region())) {
                        continue;
                    }
                    matches.putIfAbsent(e.url(), c);
                    regions.add(e.region().orElse("(no region)"));
                }
            }
            candidates.sort(null);
            String wanted =
                    type + "/" + iface.wireName() + region.map(r -> "@" + r).orElse("")
                            + query.serviceName().map(n -> " named " + n).orElse("");
            if (matches.size() == 1) {
                return matches.keySet().iterator().next();
            }
            if (matches.isEmpty()) {
                throw new EndpointNotFoundException(
                        "no " + wanted + " endpoint in the service catalog; it has: " + candidates, candidates);
            }
            List<String> ambiguous = new ArrayList<>(matches.values());
            ambiguous.sort(null);
            String hint = region.isEmpty() && regions.size() > 1
                    ? "; set a region (OS_REGION_NAME), the catalog has " + regions
                    : "; set a service name or an endpoint override";
            throw new EndpointNotFoundException(
                    "more than one " + wanted + " endpoint in the service catalog: " + ambiguous + hint, ambiguous);
        }
        List<String> types = new ArrayList<>(serviceTypes());
        throw new EndpointNotFoundException(
                "no service of type " + String.join(" or ", typesFor(query.serviceType()))
                        + query.serviceName().map(n -> " named " + n).orElse("")
                        + " in the service catalog; the types it has are " + types,
                types);
    }

    private static String describe(CatalogService s, CatalogEndpoint e) {
        return s.type() + s.name().map(n -> "(" + n + ")").orElse("") + "/" + e.interfaceName() + "@"
                + e.region().orElse("(no region)") + " " + e.url();
    }

    @Override
    public String toString() {
        return "ServiceCatalog" + serviceTypes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceCatalog && services.equals(((ServiceCatalog) o).services);
    }

    @Override
    public int hashCode() {
        return services.hashCode();
    }
}
