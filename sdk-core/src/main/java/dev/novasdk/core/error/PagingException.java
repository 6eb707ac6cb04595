package dev.novasdk.core.error;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A listing could not be completed: the service kept sending pages that do not move on (the same next link
 * over and over) even after the listing paused and asked again, or the listing was interrupted while it
 * paused. Carries the request that was about to be repeated.
 */
public class PagingException extends OpenStackException {
    private final HttpMethod method;
    private final URI uri;

    /**
     * @param uriOrNull the page request that kept repeating, when the listing pages by link; its secret
     *     query values and user info are dropped
     */
    public PagingException(String message, HttpMethod method, URI uriOrNull, Throwable cause) {
        super(
                Objects.requireNonNull(method, "method") + (uriOrNull == null ? "" : " " + SafeUri.of(uriOrNull)) + ": "
                        + message,
                cause);
        this.method = method;
        this.uri = uriOrNull == null ? null : SafeUri.of(uriOrNull);
    }

    /** The method of the page requests. */
    public HttpMethod method() {
        return method;
    }

    /** The page request that kept repeating, without secret query values; empty for marker paging. */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }
}
