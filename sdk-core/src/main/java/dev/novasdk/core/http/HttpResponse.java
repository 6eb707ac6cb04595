package dev.novasdk.core.http;

import dev.novasdk.core.internal.HttpStatus;
import dev.novasdk.core.internal.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An HTTP response with its whole body in memory. Compute and identity documents are small, and a buffered body
 * lets the error mapper, the logger and the JSON decoder all read it without copies.
 *
 * <p>Immutable, except that a body a transport {@linkplain #ofLent lent} from a reusable buffer ends with
 * {@link #release()}: the SDK reads the responses it decodes itself and then releases them, so that a thread
 * sending many requests reuses one buffer instead of allocating a body per response. A filter that keeps a
 * response past its call must keep a {@link #body()} copy instead.
 */
public final class HttpResponse {
    private static final byte[] NO_BYTES = new byte[0];

    private final int statusCode;
    private final String reasonPhrase;
    private final Headers headers;
    private final byte[] body;
    private final int length;
    private final Lent lent; // null: the body is this response's own

    // Shared by the copies withHeaders makes, so that releasing any of them ends the body for all.
    private static final class Lent {
        final Consumer<byte[]> giveBack;
        volatile boolean released;

        Lent(Consumer<byte[]> giveBack) {
            this.giveBack = giveBack;
        }
    }

    private HttpResponse(int statusCode, String reasonPhrase, Headers headers, byte[] body, int length, Lent lent) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.headers = headers;
        this.body = body;
        this.length = length;
        this.lent = lent;
    }

    /**
     * A response that takes ownership of {@code body} without copying; transports pass freshly read arrays.
     *
     * @param reasonPhrase the reason phrase as received, or {@code null} when the protocol has none (HTTP/2)
     */
    public static HttpResponse of(int statusCode, String reasonPhrase, Headers headers, byte[] body) {
        byte[] b = body == null ? NO_BYTES : body;
        return create(statusCode, reasonPhrase, headers, b, b.length, null);
    }

    /**
     * For transports: a response whose body is the first {@code length} bytes of {@code buffer}, a buffer the
     * transport lends and wants back. {@link #release()} hands it to {@code giveBack}, once; until then the
     * response owns it.
     *
     * @param reasonPhrase the reason phrase as received, or {@code null} when the protocol has none (HTTP/2)
     * @throws IllegalArgumentException when {@code length} is negative or beyond the buffer
     */
    public static HttpResponse ofLent(
            int statusCode,
            String reasonPhrase,
            Headers headers,
            byte[] buffer,
            int length,
            Consumer<byte[]> giveBack) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(giveBack, "giveBack");
        if (length < 0 || length > buffer.length) {
            throw new IllegalArgumentException(
                    "length must be within the buffer of " + buffer.length + " bytes, got " + length);
        }
        return create(statusCode, reasonPhrase, headers, buffer, length, new Lent(giveBack));
    }

    private static HttpResponse create(
            int statusCode, String reasonPhrase, Headers headers, byte[] body, int length, Lent lent) {
        if (statusCode < 100 || statusCode > 999) {
            throw new IllegalArgumentException("statusCode must be a 3-digit HTTP status, got " + statusCode);
        }
        return new HttpResponse(
                statusCode,
                reasonPhrase == null || reasonPhrase.isBlank() ? null : reasonPhrase,
                Objects.requireNonNull(headers, "headers"),
                body,
                length,
                lent);
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
        return new ByteArrayInputStream(readable(), 0, length);
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return Arrays.copyOf(readable(), length);
    }

    /** The body length in bytes; still known after {@link #release()}. */
    public int bodyLength() {
        return length;
    }

    /** The body decoded with the charset of {@code Content-Type}, UTF-8 when none is given. */
    public String bodyAsString() {
        return new String(readable(), 0, length, charset());
    }

    /**
     * Declares that nothing will read this response's body again, so that a transport that lent the buffer may
     * reuse it: the body methods then throw {@link IllegalStateException} (on this response and on its
     * {@link #withHeaders} copies) instead of reading bytes another response now holds. Idempotent; does nothing
     * to a response that owns its body.
     */
    public void release() {
        Lent l = lent;
        if (l != null && !l.released) {
            l.released = true;
            l.giveBack.accept(body);
        }
    }

    private byte[] readable() {
        if (lent != null && lent.released) {
            throw new IllegalStateException("the body of this " + statusCode
                    + " response was released to its transport; keep a body() copy" + " to read it later");
        }
        return body;
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
        return new HttpResponse(
                statusCode, reasonPhrase, Objects.requireNonNull(newHeaders, "headers"), body, length, lent);
    }

    private Charset charset() {
        return MediaTypes.charset(headers.firstValue("Content-Type").orElse(null));
    }

    /** Status and length only: bodies may hold secrets. */
    @Override
    public String toString() {
        return "HttpResponse{" + statusCode + ", " + length + " bytes}";
    }
}
