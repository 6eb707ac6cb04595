package dev.novasdk.compute.internal;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.filter.RetryFilter;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.Checks;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.internal.Secrets;
import dev.novasdk.core.observe.OperationInfo;
import dev.novasdk.core.paging.Page;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs any {@link Operation}: resolves the endpoint, fills the path, selects the microversion by the rule of
 * {@link Microversions}, encodes the body, sends through the pipeline (which maps error statuses to
 * exceptions) and decodes the result. Every compute and image request goes through here. Thread-safe. Not
 * API.
 */
public final class OperationExecutor {
    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final ComputeEndpoints endpoints;
    private final Microversions versions;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Duration callTimeout; // null: the pipeline's
    private final Duration attemptTimeout;

    /** An executor sending through {@code pipeline}; {@code sleeper} and {@code nanoTime} serve waiters. */
    public OperationExecutor(
            HttpPipeline pipeline,
            JsonCodec codec,
            ComputeEndpoints endpoints,
            Microversions versions,
            Sleeper sleeper,
            LongSupplier nanoTime) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.callTimeout = null;
        this.attemptTimeout = null;
    }

    private OperationExecutor(OperationExecutor base, Duration callTimeout, Duration attemptTimeout) {
        this.pipeline = base.pipeline;
        this.codec = base.codec;
        this.endpoints = base.endpoints;
        this.versions = base.versions;
        this.sleeper = base.sleeper;
        this.nanoTime = base.nanoTime;
        this.callTimeout = Checks.positive(callTimeout, "callTimeout");
        this.attemptTimeout = Checks.positive(attemptTimeout, "attemptTimeout");
    }

    /** This executor, with every request it sends carrying these budgets instead of the pipeline's. */
    public OperationExecutor withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new OperationExecutor(this, callTimeout, attemptTimeout);
    }

    /**
     * Sends {@code call} of {@code operation} and returns its result.
     *
     * @throws IllegalArgumentException for a bad argument or a field the usable versions refuse, before sending
     * @throws dev.novasdk.core.error.OpenStackException for what the service or the network answered
     */
    public <I, O> O call(Operation<I, O> operation, Call<I> call) {
        HttpRequest request = request(operation, call, null);
        HttpResponse response = pipeline.send(request);
        try {
            return read(operation, request, response);
        } finally {
            // Readers decode into values of their own, so the transport may reuse the body's buffer.
            response.release();
        }
    }

    /** {@link #call}, with empty for a status the operation says means "no such resource". */
    public <I, O> Optional<O> callIfPresent(Operation<I, O> operation, Call<I> call) {
        try {
            return Optional.of(call(operation, call));
        } catch (ApiException e) {
            if (operation.isAbsent(e.statusCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A lazy listing of {@code call} of {@code operation}; see {@link #list(Function, Predicate, Supplier)}. */
    public <D, T> PagedIterable<T> list(ListOperation<D, T> operation, Call<Void> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        return list(operation.idOf(), operation.unsettled(), () -> new Listing<>(operation, call));
    }

    /**
     * A lazy listing: nothing is sent until iteration starts, then the first page from {@code start}'s call and
     * further pages from each page's next link (absolute, or relative to the service's root as Glance sends it),
     * all at the first page's version. One page is held at a time. {@code start} is called when iteration
     * starts, so a listing that must choose between services (Glance or Nova's image proxy) chooses then.
     *
     * <p>Every item is yielded once even while the service repeats items or next links as its data changes
     * (Nova does while servers are build requests), by {@code idOf}, keeping the ids of {@code unsettled}
     * items for the whole traversal; see {@link PagedIterable#distinct}, which pauses on the client's sleeper
     * before following a repeated link.
     */
    public <D, T> PagedIterable<T> list(
            Function<? super T, String> idOf, Predicate<? super T> unsettled, Supplier<Listing<D, T>> start) {
        Objects.requireNonNull(start, "start");
        return PagedIterable.distinct(
                previous -> {
                    Listing<D, T> listing = start.get();
                    HttpRequest request = pageRequest(listing, previous);
                    HttpResponse response = pipeline.send(request);
                    try {
                        return page(listing, request, response);
                    } finally {
                        response.release();
                    }
                },
                idOf,
                unsettled,
                sleeper);
    }

    // The request of the page after previous (the first page when empty), at the first page's version.
    <D, T> HttpRequest pageRequest(Listing<D, T> listing, Optional<Page<T>> previous) {
        return request(
                listing.operation().page(),
                listing.call(),
                previous.map(p -> p.nextLink().orElseThrow()).orElse(null));
    }

    <D, T> Page<T> page(Listing<D, T> listing, HttpRequest request, HttpResponse response) {
        Operation<Void, D> page = listing.operation().page();
        D doc = page.reader().read(codec, request, response);
        URI next = listing.operation()
                .nextHref(doc)
                .map(href -> NextLinks.resolve(endpoints.linkBase(page.api()), href))
                .orElse(null);
        return Page.of(listing.operation().items(doc), next);
    }

    <I, O> O read(Operation<I, O> operation, HttpRequest request, HttpResponse response) {
        O result = operation.reader().read(codec, request, response);
        if (operation.reader() instanceof Bodies.SecretReader<O> learning) {
            learning.secretOf(result).ifPresent(pipeline.secrets()::add);
        }
        return result;
    }

    /** A listing and its call, chosen when iteration starts. */
    public record Listing<D, T>(ListOperation<D, T> operation, Call<Void> call) {}

    /** The version requests go at by default: the pinned or negotiated one. */
    public Microversions versions() {
        return versions;
    }

    /** The endpoints. */
    public ComputeEndpoints endpoints() {
        return endpoints;
    }

    /** How waiters sleep. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** How waiters measure time. */
    public LongSupplier nanoTime() {
        return nanoTime;
    }

    // uriOrNull: a next link, which already carries the path and query.
    <I> HttpRequest request(Operation<I, ?> operation, Call<I> call, URI uriOrNull) {
        I body = call.body();
        URI uri = uriOrNull != null
                ? uriOrNull
                : Urls.of(endpoints.base(operation.api()), operation.path().expand(call.pathValues()), call.query());
        HttpRequest.Builder b = HttpRequest.builder(operation.method(), uri);
        if (pipeline.observed()) {
            b.attribute(OperationInfo.ATTRIBUTE, operation.info());
        }
        if (operation.api() == Operation.Api.COMPUTE) {
            List<VersionRequirement> fields = operation.requirements(body);
            if (!call.requirements().isEmpty()) {
                fields = new ArrayList<>(fields);
                fields.addAll(call.requirements());
            }
            Microversion version = versions.select(operation, fields);
            b.attribute(MicroversionFilter.MICROVERSION, version);
        }
        if (operation.idempotent() != operation.method().isIdempotent()) {
            b.attribute(RetryFilter.IDEMPOTENT, operation.idempotent());
        }
        if (callTimeout != null) {
            b.attribute(RetryFilter.CALL_TIMEOUT, callTimeout).attribute(RetryFilter.ATTEMPT_TIMEOUT, attemptTimeout);
        }
        if (operation.reader() instanceof Bodies.SecretReader) {
            b.attribute(Secrets.RESPONSE_BODY_HOLDS_NO_SECRETS, true); // read() learns it from the result
        }
        if (operation.hasBody()) {
            b.body(RequestBody.wrap(operation.writer().write(codec, body), RequestBody.JSON));
        }
        return b.build();
    }
}
