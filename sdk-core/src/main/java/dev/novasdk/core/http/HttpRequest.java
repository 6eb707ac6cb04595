package dev.novasdk.core.http;

import dev.novasdk.core.internal.HttpUrls;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP request. Filters change a request by deriving a new one ({@link #withHeader},
 * {@link #withUri}, {@link #withAttribute}); the original is never modified, so it can be replayed.
 */
public final class HttpRequest {
    private static final Object[] NO_ATTRIBUTES = new Object[0];

    private final HttpMethod method;
    private final URI uri;
    private final Headers headers;
    private final RequestBody body;
    // Keys and values side by side: a request carries two to five attributes and filters add them one at a
    // time, so copying a small array beats a map per request and per added attribute.
    private final Object[] attributes;

    private HttpRequest(HttpMethod method, URI uri, Headers headers, RequestBody body, Object[] attributes) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.attributes = attributes;
    }

    /** A builder for a request with the given method and absolute URI. */
    public static Builder builder(HttpMethod method, URI uri) {
        return new Builder(method, uri);
    }

    /** A GET of {@code uri} with no headers. */
    public static HttpRequest get(URI uri) {
        return builder(HttpMethod.GET, uri).build();
    }

    /** The method. */
    public HttpMethod method() {
        return method;
    }

    /** The absolute URI, query included. */
    public URI uri() {
        return uri;
    }

    /** The headers. */
    public Headers headers() {
        return headers;
    }

    /** The body, if any. */
    public Optional<RequestBody> body() {
        return Optional.ofNullable(body);
    }

    /** Whether the request can be sent again: it has no body or a repeatable one. */
    public boolean repeatable() {
        return body == null || body.repeatable();
    }

    /** The value of an attribute, if set. */
    public <T> Optional<T> attribute(RequestAttribute<T> key) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i] == key) {
                return Optional.of(key.cast(attributes[i + 1]));
            }
        }
        return Optional.empty();
    }

    /** A copy with the header set to exactly this value. */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.with(name, value), body, attributes);
    }

    /** A copy with the header removed. */
    public HttpRequest withoutHeader(String name) {
        Headers h = headers.without(name);
        return h == headers ? this : new HttpRequest(method, uri, h, body, attributes);
    }

    /** A copy with another URI. */
    public HttpRequest withUri(URI newUri) {
        return new HttpRequest(method, checkUri(newUri), headers, body, attributes);
    }

    /** A copy with the attribute set. */
    public <T> HttpRequest withAttribute(RequestAttribute<T> key, T value) {
        return new HttpRequest(
                method,
                uri,
                headers,
                body,
                put(attributes, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers.addAll(headers);
        b.body = body;
        b.attributes = attributes;
        return b;
    }

    /** Method and URI only: headers and body may hold secrets. */
    @Override
    public String toString() {
        return method + " " + uri;
    }

    // The attributes with key set to value: replaced in place in a copy, or appended to one.
    private static Object[] put(Object[] attributes, RequestAttribute<?> key, Object value) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i] == key) {
                Object[] copy = attributes.clone();
                copy[i + 1] = value;
                return copy;
            }
        }
        Object[] copy = Arrays.copyOf(attributes, attributes.length + 2);
        copy[attributes.length] = key;
        copy[attributes.length + 1] = value;
        return copy;
    }

    private static URI checkUri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        return HttpUrls.check(uri, "uri");
    }

    /** Mutable builder of {@link HttpRequest}; not thread-safe. */
    public static final class Builder {
        private HttpMethod method;
        private URI uri;
        private final Headers.Builder headers = Headers.builder();
        private RequestBody body;
        private Object[] attributes = NO_ATTRIBUTES; // copied on write, so build() can share it

        private Builder(HttpMethod method, URI uri) {
            this.method = Objects.requireNonNull(method, "method");
            this.uri = checkUri(uri);
        }

        /** Replaces the method. */
        public Builder method(HttpMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Replaces the URI. */
        public Builder uri(URI uri) {
            this.uri = checkUri(uri);
            return this;
        }

        /** Adds a header value. */
        public Builder addHeader(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Sets a header to exactly this value. */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** Sets the body; {@code null} removes it. */
        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        /** Sets an attribute. */
        public <T> Builder attribute(RequestAttribute<T> key, T value) {
            attributes = put(attributes, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A new immutable request. */
        public HttpRequest build() {
            if (body != null && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
                throw new IllegalStateException("a " + method + " request must not have a body");
            }
            return new HttpRequest(method, uri, headers.build(), body, attributes);
        }
    }
}
