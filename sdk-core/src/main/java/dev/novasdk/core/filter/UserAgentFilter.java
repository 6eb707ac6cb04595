package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sets {@code User-Agent} (the SDK's name and version, the Java version, and an optional application
 * suffix) and {@code Accept: application/json}, unless the request already has them. WebOb-based services
 * (glance, and nova's 404 for unknown URLs) answer errors as HTML unless JSON is asked for.
 */
public final class UserAgentFilter implements Filter, AsyncFilter {
    /** The SDK's own product token. */
    public static final String SDK_PRODUCT = "nova-java-sdk/" + SdkVersion.VERSION;

    private final String userAgent;

    private UserAgentFilter(String userAgent) {
        this.userAgent = userAgent;
    }

    /** A filter sending the SDK's user agent. */
    public static UserAgentFilter create() {
        return new UserAgentFilter(defaultUserAgent());
    }

    /** A filter sending {@code applicationSuffix} after the SDK's user agent, like {@code myapp/1.2}. */
    public static UserAgentFilter withSuffix(String applicationSuffix) {
        Objects.requireNonNull(applicationSuffix, "applicationSuffix");
        if (applicationSuffix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("applicationSuffix must not contain control characters");
        }
        String s = applicationSuffix.trim();
        return new UserAgentFilter(s.isEmpty() ? defaultUserAgent() : defaultUserAgent() + " " + s);
    }

    /** The {@code User-Agent} value sent. */
    public String userAgent() {
        return userAgent;
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
        HttpRequest r = request;
        if (!r.headers().contains("User-Agent")) {
            r = r.withHeader("User-Agent", userAgent);
        }
        if (!r.headers().contains("Accept")) {
            r = r.withHeader("Accept", "application/json");
        }
        return r;
    }

    private static String defaultUserAgent() {
        return SDK_PRODUCT + " java/" + System.getProperty("java.version", "unknown");
    }
}
