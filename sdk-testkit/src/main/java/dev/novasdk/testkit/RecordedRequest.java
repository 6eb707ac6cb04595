package dev.novasdk.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a {@link FakeCloud} answered, kept so a test can check what its client really sent: the
 * method, path and query, the headers (microversion, token, request id) and the body, together with the
 * status it got back. Immutable. {@link #toString()} leaves out headers and body, which may hold secrets.
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final int statusCode;
    private final String requestId;
    private final Instant receivedAt;

    RecordedRequest(
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body,
            int statusCode,
            String requestId,
            Instant receivedAt) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query == null ? "" : query;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? "" : body;
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.receivedAt = receivedAt;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The decoded path, including the service prefix ({@code /compute/v2.1/servers}). */
    public String path() {
        return path;
    }

    /** The raw query string without the {@code ?}; empty when there was none. */
    public String query() {
        return query;
    }

    /** Request headers by lower-case name, each with every value sent. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a request header, matched case-insensitively. */
    public Optional<String> header(String name) {
        Objects.requireNonNull(name, "name");
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The request body as UTF-8 text; empty when there was none. */
    public String body() {
        return body;
    }

    /** The status the cloud answered with. */
    public int statusCode() {
        return statusCode;
    }

    /** The request id the cloud answered with; Glance's 401 and the version documents carry none. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** When the cloud's clock read the request. */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + statusCode
                + (requestId == null ? "" : " [" + requestId + "]");
    }
}
