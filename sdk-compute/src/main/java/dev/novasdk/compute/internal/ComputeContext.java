package dev.novasdk.compute.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.error.NoUniqueMatchException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.paging.Page;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the compute managers share: the pipeline, the JSON codec, the resolved endpoints and the negotiated
 * microversion. Thread-safe. Endpoints are resolved lazily and may be resolved more than once under races
 * (resolvers cache); the version document is read exactly once, however many threads need it first. Not
 * API: use {@link dev.novasdk.compute.ComputeClient}.
 */
public final class ComputeContext {
    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final EndpointResolver resolver;
    private final URI endpointOverride;
    private final URI imageEndpointOverride;
    private final EndpointInterface endpointInterface;
    private final String region;
    private final Microversion pinned;
    private final Microversion sdkMax;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private volatile URI endpoint;
    private volatile Optional<URI> imageEndpoint;
    private volatile VersionRange cloudVersions;
    // A lock rather than synchronized: it is held during the version document request, and a virtual thread
    // blocking in a synchronized block would pin its carrier thread.
    private final ReentrantLock negotiation = new ReentrantLock();

    /** The microversions a cloud's compute API serves. */
    public record VersionRange(Microversion min, Microversion max) {}

    /** All settings; {@code pinned} may be null (negotiate). */
    public ComputeContext(
            HttpPipeline pipeline,
            JsonCodec codec,
            EndpointResolver resolver,
            URI endpointOverride,
            URI imageEndpointOverride,
            EndpointInterface endpointInterface,
            String region,
            Microversion pinned,
            Microversion sdkMax,
            Sleeper sleeper,
            LongSupplier nanoTime,
            Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.resolver = resolver;
        this.endpointOverride = endpointOverride;
        this.imageEndpointOverride = imageEndpointOverride;
        this.endpointInterface = endpointInterface;
        this.region = region;
        this.pinned = pinned;
        this.sdkMax = Objects.requireNonNull(sdkMax, "sdkMax");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The pipeline every compute request goes through. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** The client's JSON codec. */
    public JsonCodec codec() {
        return codec;
    }

    /** How waiters sleep. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** How waiters measure time. */
    public LongSupplier nanoTime() {
        return nanoTime;
    }

    /** The client's clock. */
    public Clock clock() {
        return clock;
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

    /** The compute endpoint (as the catalog gives it, e.g. {@code http://nova:8774/v2.1}). */
    public URI endpoint() {
        URI e = endpoint;
        if (e == null) {
            e = endpointOverride != null ? endpointOverride : resolver.resolve(query("compute"));
            endpoint = e;
        }
        return e;
    }

    /**
     * The Glance endpoint, without a version (the catalog usually gives none), or empty when the catalog
     * has no image service: then images come through Nova's proxy.
     */
    public Optional<URI> imageEndpoint() {
        Optional<URI> e = imageEndpoint;
        if (e == null) {
            if (imageEndpointOverride != null) {
                e = Optional.of(imageEndpointOverride);
            } else if (endpointOverride != null && resolver == null) {
                e = Optional.empty();
            } else {
                try {
                    e = Optional.of(resolver.resolve(query("image")));
                } catch (EndpointNotFoundException noImageService) {
                    e = Optional.empty();
                }
            }
            imageEndpoint = e;
        }
        return e;
    }

    /** The version pinned by the user, if any. */
    public Optional<Microversion> pinned() {
        return Optional.ofNullable(pinned);
    }

    /** The highest microversion this SDK understands. */
    public Microversion sdkMax() {
        return sdkMax;
    }

    /**
     * The version requests use by default: the pinned one, else the highest that both the SDK and the cloud
     * support (reading the version document on first use).
     *
     * @throws IllegalStateException when the cloud's minimum is above what the SDK supports
     */
    public Microversion defaultVersion() {
        if (pinned != null) {
            return pinned;
        }
        VersionRange cloud = cloudVersions();
        if (cloud.min().compareTo(sdkMax) > 0) {
            throw new IllegalStateException("the cloud's compute API needs microversion " + cloud.min()
                    + " or later, but this SDK supports at most " + sdkMax);
        }
        return cloud.max().compareTo(sdkMax) < 0 ? cloud.max() : sdkMax;
    }

    /**
     * The cloud's microversion range, from the version document. Read once: threads arriving while it is
     * being read wait for that read instead of sending their own. A failed read is not remembered, so the
     * next call tries again.
     */
    public VersionRange cloudVersions() {
        VersionRange v = cloudVersions;
        if (v != null) {
            return v;
        }
        negotiation.lock();
        try {
            v = cloudVersions;
            if (v == null) {
                v = readVersions();
                cloudVersions = v;
            }
            return v;
        } finally {
            negotiation.unlock();
        }
    }

    private VersionRange readVersions() {
        URI base = endpoint();
        // Endpoints may embed a project id (/v2.1/<project>); the version document is one level up then.
        URI[] candidates = {base, parent(base)};
        for (URI uri : candidates) {
            if (uri == null) {
                continue;
            }
            HttpRequest request = HttpRequest.get(uri);
            HttpResponse response = pipeline.exchange(request);
            if (!response.isSuccessful()) {
                // Only "not here" sends us to the parent (nova answers 404 for /v2.1/<project>, 300 for a
                // bare root); an authentication, permission or server error would only repeat there, and
                // the caller needs to see it rather than a vague "no version document".
                if (response.statusCode() == 404 || response.statusCode() / 100 == 3) {
                    continue;
                }
                throw pipeline.errorMapper().toException(request, response);
            }
            JsonNode doc;
            try {
                doc = codec.decode(request, response, null, JsonNode.class);
            } catch (ResponseParseException notJson) {
                // A 200 that is not JSON (an HTML landing page in front of the API) is not the document.
                continue;
            }
            JsonNode version = doc.get("version");
            if (version == null || !version.isObject()) {
                continue;
            }
            String max = version.path("version").asText("");
            String min = version.path("min_version").asText("");
            if (max.isEmpty()) {
                // A v2.0 endpoint: no microversions at all.
                return new VersionRange(Microversion.of(2, 0), Microversion.of(2, 0));
            }
            try {
                return new VersionRange(
                        min.isEmpty() ? Microversion.of(2, 1) : Microversion.parse(min), Microversion.parse(max));
            } catch (IllegalArgumentException e) {
                throw new ResponseParseException(
                        request.method(),
                        request.uri(),
                        response.statusCode(),
                        response.requestId().orElse(null),
                        "bad version in the compute version document: " + e.getMessage(),
                        e);
            }
        }
        throw new EndpointNotFoundException(
                "no compute version document at " + base + " or its parent; " + "is the compute endpoint right?",
                java.util.List.of(base.toString()));
    }

    private static URI parent(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        return uri.resolve(path.substring(0, slash + 1));
    }

    /** A request builder carrying the microversion for this request; {@code null} sends none (Glance). */
    public HttpRequest.Builder request(HttpMethod method, URI uri, Microversion version) {
        HttpRequest.Builder b = HttpRequest.builder(method, uri);
        return version == null ? b : b.attribute(MicroversionFilter.MICROVERSION, version);
    }

    /** Sends a GET at {@code version} and decodes the member {@code envelope} of the body. */
    public <T> T get(URI uri, Microversion version, String envelope, Class<T> type) {
        HttpRequest request = request(HttpMethod.GET, uri, version).build();
        return codec.decode(request, pipeline.send(request), envelope, type);
    }

    /**
     * Where a listing starts: the first page's URL, the base that relative next links resolve against, and
     * the microversion of every page ({@code null} for none: Glance).
     */
    public record Listing(URI first, URI linkBase, Microversion version) {
        /** Checks the URLs; {@code version} may be null. */
        public Listing {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(linkBase, "linkBase");
        }
    }

    /**
     * A lazy listing: the first page from {@code start}'s URL, further pages from the document's next link
     * (absolute, or relative to the link base as Glance sends it). One page is held at a time.
     *
     * <p>Every item is yielded once even when the service repeats items or next links while its data
     * changes (Nova does while servers are still build requests): see {@link PagedIterable#distinct}, which
     * this listing is, with {@code idOf}, {@code unsettled} (the items whose repeats may come late, kept for
     * the whole traversal) and the client's sleeper for the pause before a repeated link.
     *
     * <p>{@code start} is called when a page is fetched, never by this method: working out the URL and the
     * version may resolve an endpoint or read the version document, and a listing sends nothing until it is
     * iterated.
     */
    public <D, T> PagedIterable<T> paged(
            Supplier<Listing> start,
            Class<D> documentType,
            Function<D, List<T>> items,
            Function<D, Optional<String>> next,
            Function<? super T, String> idOf,
            java.util.function.Predicate<? super T> unsettled) {
        Objects.requireNonNull(start, "start");
        return PagedIterable.distinct(
                previous -> {
                    Listing listing = start.get();
                    URI uri = previous.isEmpty()
                            ? listing.first()
                            : previous.get().nextLink().orElseThrow();
                    D doc = get(uri, listing.version(), null, documentType);
                    URI nextLink = next.apply(doc)
                            .map(href -> resolveLink(listing.linkBase(), href))
                            .orElse(null);
                    return Page.of(items.apply(doc), nextLink);
                },
                idOf,
                unsettled,
                sleeper);
    }

    private static URI resolveLink(URI base, String href) {
        URI h = URI.create(href);
        if (h.isAbsolute()) {
            if (h.getRawAuthority() != null && !h.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
                // Services behind proxies often link to their internal host name. Following it would fail, or
                // send the token to another host, so the link keeps the endpoint's scheme and host.
                return URI.create(base.getScheme() + "://" + base.getRawAuthority() + h.getRawPath()
                        + (h.getRawQuery() == null ? "" : "?" + h.getRawQuery()));
            }
            return h;
        }
        // Glance's next link is a path from its root ("/v2/images?marker=.."); deployments that serve Glance
        // under a prefix ("/image") keep the prefix in the catalog URL, so append rather than resolve.
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + (href.startsWith("/") ? href : "/" + href));
    }

    /**
     * {@code find(nameOrId)} as novaclient does it: by id first, then by exact name among {@code byName}
     * (a listing already filtered by the service where it can).
     *
     * @throws NoUniqueMatchException when several resources have the name
     */
    public static <T> Optional<T> find(
            String nameOrId,
            String resourceType,
            Function<String, T> getById,
            Iterable<T> byName,
            Function<T, Optional<String>> nameOf,
            Function<T, String> idOf) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        if (nameOrId.isBlank()) {
            throw new IllegalArgumentException("nameOrId must not be blank");
        }
        try {
            return Optional.of(getById.apply(nameOrId));
        } catch (NotFoundException notAnId) {
            // Fall through to the name search, like novaclient's find_resource.
        } catch (BadRequestException notAnIdEither) {
            // Some services answer 400 for an id of the wrong shape (glance: not a UUID).
        }
        List<T> matches = new ArrayList<>();
        for (T item : byName) {
            if (nameOf.apply(item).filter(nameOrId::equals).isPresent()) {
                matches.add(item);
            }
        }
        if (matches.size() > 1) {
            List<String> ids = new ArrayList<>();
            matches.forEach(m -> ids.add(idOf.apply(m)));
            throw new NoUniqueMatchException(resourceType, nameOrId, ids);
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    /** Sends {@code body} (already wrapped in its envelope; {@code null} for none) and returns the response. */
    public HttpResponse send(HttpMethod method, URI uri, Microversion version, Object body) {
        return pipeline.send(build(method, uri, version, body));
    }

    /** Sends {@code body} and decodes the member {@code envelope} of the response. */
    public <T> T exchange(
            HttpMethod method, URI uri, Microversion version, Object body, String envelope, Class<T> type) {
        HttpRequest request = build(method, uri, version, body);
        return codec.decode(request, pipeline.send(request), envelope, type);
    }

    private HttpRequest build(HttpMethod method, URI uri, Microversion version, Object body) {
        HttpRequest.Builder b = request(method, uri, version);
        if (body != null) {
            b.body(RequestBody.wrap(body instanceof byte[] ? (byte[]) body : codec.write(body), RequestBody.JSON));
        }
        return b.build();
    }
}
