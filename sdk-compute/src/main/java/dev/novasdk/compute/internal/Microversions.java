package dev.novasdk.compute.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.observe.OperationInfo;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The compute microversion of every request, by one rule.
 *
 * <p><b>The rule.</b> A request has requirements: the operation's own range (Nova's image proxy ends at 2.35)
 * and those of the fields it sets, in its body ({@code ServerCreate.versionRequirements()}) and in its query
 * (a {@code tags} filter needs 2.26). A client <em>pinned</em> to a version sends every request at that
 * version, and refuses before sending one whose requirements that version does not meet, naming the
 * operation or field and the versions. A <em>negotiating</em> client sends each request at the highest version
 * from the cloud's minimum to the negotiated one (the highest both the SDK and the cloud support) that meets
 * every requirement, and refuses before sending when there is none.
 *
 * <p>Negotiation reads the compute version document once: threads arriving while it is being read wait for
 * that read. A failed read is not remembered, so the next call tries again. Thread-safe. Not API.
 */
public final class Microversions {
    // The endpoint's version document, or its parent's: the template cannot say which, and need not.
    private static final OperationInfo VERSION_DOCUMENT = new OperationInfo("versions.get", "compute", "/");

    /** The microversions a cloud's compute API serves. */
    public record Range(Microversion min, Microversion max) {}

    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final ComputeEndpoints endpoints;
    private final Microversion pinned;
    private final Microversion sdkMax;
    private volatile Range cloud;
    // A lock rather than synchronized: it is held during the version document request, and a virtual thread
    // blocking in a synchronized block would pin its carrier thread.
    private final ReentrantLock negotiation = new ReentrantLock();
    // The async clients' read of the version document in progress, if any.
    private final AtomicReference<CompletableFuture<Range>> asyncRead = new AtomicReference<>();

    /** Versions for a client pinned to {@code pinned}, or negotiating up to {@code sdkMax} when it is null. */
    public Microversions(
            HttpPipeline pipeline,
            JsonCodec codec,
            ComputeEndpoints endpoints,
            Microversion pinned,
            Microversion sdkMax) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.pinned = pinned;
        this.sdkMax = Objects.requireNonNull(sdkMax, "sdkMax");
    }

    /**
     * The pinned version, else the highest both the SDK and the cloud support.
     *
     * @throws IllegalStateException when the cloud's minimum is above what the SDK supports
     */
    public Microversion current() {
        if (pinned != null) {
            return pinned;
        }
        Range c = cloud();
        if (c.min().compareTo(sdkMax) > 0) {
            throw new IllegalStateException("the cloud's compute API needs microversion " + c.min()
                    + " or later, but this SDK supports at most " + sdkMax);
        }
        return c.max().compareTo(sdkMax) < 0 ? c.max() : sdkMax;
    }

    /**
     * The version to send {@code operation} at, with the requirements of its fields, by the rule above.
     *
     * @throws IllegalStateException when the operation itself is not served at any usable version
     * @throws IllegalArgumentException when a field is not accepted at any usable version, naming the fields
     */
    Microversion select(Operation<?, ?> operation, List<VersionRequirement> fields) {
        MicroversionRange served = operation.versions();
        if (pinned != null) {
            if (!served.contains(pinned)) {
                throw new IllegalStateException(operation.name() + " is served in compute microversions " + served
                        + "; the client is pinned to " + pinned);
            }
            VersionRequirements.check(fields, pinned);
            return pinned;
        }
        Microversion max = current();
        Microversion min = cloud().min();
        // Without Optional pipelines: this runs for every request.
        Microversion servedMin = served.min().orElse(null);
        Microversion servedMax = served.max().orElse(null);
        Microversion low = servedMin != null && servedMin.compareTo(min) > 0 ? servedMin : min;
        Microversion high = servedMax != null && servedMax.compareTo(max) < 0 ? servedMax : max;
        if (low.compareTo(high) > 0) {
            throw new IllegalStateException(operation.name() + " is served in compute microversions " + served
                    + "; the client can use " + min + " to " + max);
        }
        return fields.isEmpty() ? high : VersionRequirements.select(fields, low, high);
    }

    /** The cloud's range, from its version document (read once). */
    public Range cloud() {
        Range c = cloud;
        if (c != null) {
            return c;
        }
        negotiation.lock();
        try {
            c = cloud;
            if (c == null) {
                c = read();
                cloud = c;
            }
            return c;
        } finally {
            negotiation.unlock();
        }
    }

    private Range read() {
        URI base = endpoints.compute();
        for (URI uri : candidates(base)) {
            HttpRequest request = versionRequest(uri);
            HttpResponse response = pipeline.exchange(request);
            Optional<Range> range;
            try {
                range = judge(request, response);
            } finally {
                response.release();
            }
            if (range.isPresent()) {
                return range.get();
            }
        }
        throw noDocument(base);
    }

    /**
     * The cloud's range without blocking: at once when known (or pinned: then the range is never needed),
     * else from one read of the version document through {@code async}, shared by every caller meanwhile. A
     * failed read is not remembered.
     */
    public CompletableFuture<Range> cloudAsync(AsyncHttpPipeline async) {
        Range c = cloud;
        if (c != null || pinned != null) {
            return CompletableFuture.completedFuture(c);
        }
        while (true) {
            CompletableFuture<Range> running = asyncRead.get();
            if (running != null) {
                return running.copy();
            }
            CompletableFuture<Range> mine = new CompletableFuture<>();
            if (!asyncRead.compareAndSet(null, mine)) {
                continue;
            }
            CompletableFuture<Range> read;
            try {
                URI base = endpoints.compute();
                read = readAsync(async, base, candidates(base), 0);
            } catch (RuntimeException e) {
                read = CompletableFuture.failedFuture(e);
            }
            read.whenComplete((range, failure) -> {
                if (range != null) {
                    cloud = range;
                }
                asyncRead.compareAndSet(mine, null);
                if (failure != null) {
                    mine.completeExceptionally(Futures.unwrap(failure));
                } else {
                    mine.complete(range);
                }
            });
            return mine.copy();
        }
    }

    private CompletableFuture<Range> readAsync(AsyncHttpPipeline async, URI base, List<URI> uris, int i) {
        if (i >= uris.size()) {
            return CompletableFuture.failedFuture(noDocument(base));
        }
        HttpRequest request = versionRequest(uris.get(i));
        return async.exchangeAsync(request).thenCompose(response -> {
            Optional<Range> range = judge(request, response);
            return range.isPresent()
                    ? CompletableFuture.completedFuture(range.get())
                    : readAsync(async, base, uris, i + 1);
        });
    }

    // Endpoints may embed a project id (/v2.1/<project>); the version document is one level up then.
    private static List<URI> candidates(URI base) {
        URI parent = parent(base);
        return parent == null ? List.of(base) : List.of(base, parent);
    }

    private static EndpointNotFoundException noDocument(URI base) {
        return new EndpointNotFoundException(
                "no compute version document at " + base + " or its parent; is the compute endpoint right?",
                List.of(base.toString()));
    }

    // The range in a version document response; empty when the response says to look elsewhere.
    private Optional<Range> judge(HttpRequest request, HttpResponse response) {
        if (!response.isSuccessful()) {
            // Only "not here" sends us to the parent (nova answers 404 for /v2.1/<project>, 300 for a
            // bare root); an authentication, permission or server error would only repeat there, and
            // the caller needs to see it rather than a vague "no version document".
            if (response.statusCode() == 404 || response.statusCode() / 100 == 3) {
                return Optional.empty();
            }
            throw pipeline.errorMapper().toException(request, response);
        }
        JsonNode version;
        try {
            version = codec.decode(request, response, null, JsonNode.class).get("version");
        } catch (ResponseParseException notJson) {
            // A 200 that is not JSON (an HTML landing page in front of the API) is not the document.
            return Optional.empty();
        }
        return version != null && version.isObject()
                ? Optional.of(range(request, response, version))
                : Optional.empty();
    }

    private static Range range(HttpRequest request, HttpResponse response, JsonNode version) {
        String max = version.path("version").asText("");
        String min = version.path("min_version").asText("");
        if (max.isEmpty()) {
            // A v2.0 endpoint: no microversions at all.
            return new Range(Microversion.of(2, 0), Microversion.of(2, 0));
        }
        try {
            return new Range(min.isEmpty() ? Microversion.of(2, 1) : Microversion.parse(min), Microversion.parse(max));
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

    private static URI parent(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : uri.resolve(path.substring(0, slash + 1));
    }

    private static HttpRequest versionRequest(URI uri) {
        return HttpRequest.builder(HttpMethod.GET, uri)
                .attribute(OperationInfo.ATTRIBUTE, VERSION_DOCUMENT)
                .build();
    }
}
