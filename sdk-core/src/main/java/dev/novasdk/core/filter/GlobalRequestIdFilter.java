package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Sends a caller-chosen global request id as {@code X-OpenStack-Request-ID}, so one user action can be
 * traced across services' logs. Nova accepts only {@code req-<uuid>} and silently ignores anything else, so
 * the format is checked here.
 */
public final class GlobalRequestIdFilter implements Filter, AsyncFilter {
    private static final Pattern FORMAT =
            Pattern.compile("^req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final String requestId;

    private GlobalRequestIdFilter(String requestId) {
        this.requestId = requestId;
    }

    /**
     * A filter sending {@code requestId}.
     *
     * @throws IllegalArgumentException unless the id is {@code req-} followed by a UUID
     */
    public static GlobalRequestIdFilter of(String requestId) {
        Objects.requireNonNull(requestId, "globalRequestId");
        if (!FORMAT.matcher(requestId).matches()) {
            throw new IllegalArgumentException(
                    "globalRequestId must be 'req-' followed by a UUID, got '" + requestId + "'");
        }
        return new GlobalRequestIdFilter(requestId);
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        return next.proceed(prepare(request));
    }

    /** Adds the header as {@link #filter} does and passes the request on without blocking. */
    @Override
    public CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next) {
        return next.proceedAsync(prepare(request));
    }

    private HttpRequest prepare(HttpRequest request) {
        return request.headers().contains("X-OpenStack-Request-ID")
                ? request
                : request.withHeader("X-OpenStack-Request-ID", requestId);
    }
}
