package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestAttribute;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends the microversion of a request as {@code OpenStack-API-Version: <service> X.Y} and, for services
 * that have one, the legacy header ({@code X-OpenStack-Nova-API-Version: X.Y}). Nova silently ignores the
 * standard header without the service name and serves 2.1, so the name is always sent.
 *
 * <p>The version is the request's {@link #MICROVERSION} attribute when set (a manager lowers it for one
 * request), else the client's default from the supplier (pinned or negotiated); with neither, no header is
 * sent and the service uses its minimum.
 */
public final class MicroversionFilter implements Filter, AsyncFilter {
    /** The microversion for one request, overriding the client's default. */
    public static final RequestAttribute<Microversion> MICROVERSION =
            RequestAttribute.of("microversion", Microversion.class);

    private final String serviceType;
    private final String legacyHeader;
    private final Supplier<Optional<Microversion>> defaultVersion;
    private volatile Rendered rendered;

    private MicroversionFilter(
            String serviceType, String legacyHeader, Supplier<Optional<Microversion>> defaultVersion) {
        this.serviceType = serviceType;
        this.legacyHeader = legacyHeader;
        this.defaultVersion = defaultVersion;
    }

    /**
     * A filter for {@code serviceType} ({@code "compute"}).
     *
     * @param legacyHeader the service's old header name, or {@code null} when it has none
     * @param defaultVersion called per request for the client's version; must be cheap and thread-safe
     */
    public static MicroversionFilter of(
            String serviceType, String legacyHeader, Supplier<Optional<Microversion>> defaultVersion) {
        Objects.requireNonNull(serviceType, "serviceType");
        if (serviceType.isBlank() || serviceType.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("serviceType must be a non-blank word, got '" + serviceType + "'");
        }
        return new MicroversionFilter(
                serviceType.toLowerCase(Locale.ROOT),
                legacyHeader,
                Objects.requireNonNull(defaultVersion, "defaultVersion"));
    }

    /** The compute filter: {@code OpenStack-API-Version: compute X.Y} and {@code X-OpenStack-Nova-API-Version}. */
    public static MicroversionFilter compute(Supplier<Optional<Microversion>> defaultVersion) {
        return of("compute", "X-OpenStack-Nova-API-Version", defaultVersion);
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        return next.proceed(prepare(request));
    }

    /** Adds the headers as {@link #filter} does and passes the request on without blocking. */
    @Override
    public CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next) {
        return next.proceedAsync(prepare(request));
    }

    private HttpRequest prepare(HttpRequest request) {
        Optional<Microversion> v = request.attribute(MICROVERSION);
        if (v.isEmpty()) {
            v = defaultVersion.get();
        }
        if (v.isEmpty()) {
            return request;
        }
        Rendered h = rendered;
        if (h == null || !h.version.equals(v.get())) {
            h = new Rendered(v.get(), serviceType);
            rendered = h;
        }
        HttpRequest r = request.withHeader("OpenStack-API-Version", h.combined);
        if (legacyHeader != null) {
            r = r.withHeader(legacyHeader, h.plain);
        }
        return r;
    }

    // The header values of the version most recently sent: a client sends nearly every request at one version,
    // so they are built once rather than per request. Immutable, so a racing replacement is harmless.
    private static final class Rendered {
        final Microversion version;
        final String plain;
        final String combined;

        Rendered(Microversion version, String serviceType) {
            this.version = version;
            this.plain = version.toString();
            this.combined = serviceType + " " + plain;
        }
    }
}
