package dev.novasdk.core.http;

import dev.novasdk.core.internal.HttpStatus;
import dev.novasdk.core.internal.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP response with its whole body in memory. Compute and identity documents are small, and a
 * buffered body lets the error mapper, the logger and the JSON decoder all read it without copies.
 */
public final class HttpResponse {
    private static final byte[] NO_BYTES = new byte[0];

    private final int statusCode;
    private final String reasonPhrase;
    private final Headers headers;
    private final byte[] body;

    private HttpResponse(int statusCode, String reasonPhrase, Headers headers, byte[] body) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A response that takes ownership of {@code body} without copying; transports pass freshly read arrays.
     *
     * @param reasonPhrase the reason phrase as received, or {@code null} when the protocol has none (HTTP/2)
     */
    public static HttpResponse of(int statusCode, String reasonPhrase, Headers headers, byte[] body) {
        if (statusCode < 100 || statusCode > 999) {
            throw new IllegalArgumentException("statusCode must be a 3-digit HTTP status, got " + statusCode);
        }
        return new HttpResponse(
                statusCode,
                reasonPhrase == null || reasonPhrase.isBlank() ? null : reasonPhrase,
                Objects.requireNonNull(headers, "headers"),
                body == null ? NO_BYTES : body);
    }

    /** A response with a UTF-8 text body, for tests and fakes. */
    public static HttpResponse of(int statusCode, Headers headers, String body) {
        return of(statusCode, null, headers, body == null ? NO_BYTES : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The status code. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase as received, or the standard one for the status ("Bad Request"). */
    public String reasonPhrase() {
        return reasonPhrase != null ? reasonPhrase : HttpStatus.reasonPhrase(statusCode);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The headers. */
    public Headers headers() {
        return headers;
    }

    /**
     * The body as a stream over the received bytes, without copying them; each call returns a new stream. Use
     * it to decode large bodies; {@link #body()} copies.
     */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded with the charset of {@code Content-Type}, UTF-8 when none is given. */
    public String bodyAsString() {
        return new String(body, charset());
    }

    /** The media type of {@code Content-Type} without parameters, lower case, if present. */
    public Optional<String> mediaType() {
        return headers.firstValue("Content-Type").map(ct -> {
            int semi = ct.indexOf(';');
            return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        });
    }

    /**
     * The request id the service assigned: {@code x-openstack-request-id}, else nova's
     * {@code x-compute-request-id}.
     */
    public Optional<String> requestId() {
        Optional<String> id = headers.firstValue("x-openstack-request-id");
        return id.isPresent() ? id : headers.firstValue("x-compute-request-id");
    }

    /** A copy with other headers. */
    public HttpResponse withHeaders(Headers newHeaders) {
        return new HttpResponse(statusCode, reasonPhrase, Objects.requireNonNull(newHeaders, "headers"), body);
    }

    private Charset charset() {
        return MediaTypes.charset(headers.firstValue("Content-Type").orElse(null));
    }

    /** Status and length only: bodies may hold secrets. */
    @Override
    public String toString() {
        return "HttpResponse{" + statusCode + ", " + body.length + " bytes}";
    }
}
