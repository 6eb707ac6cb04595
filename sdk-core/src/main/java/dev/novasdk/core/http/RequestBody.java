package dev.novasdk.core.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The body of an {@link HttpRequest}: bytes with a content type. Byte bodies are {@linkplain #repeatable()
 * repeatable}, so retries and the re-authentication replay can send them again; stream bodies are not.
 * Bodies always have a known length, because uwsgi-hosted OpenStack services drop chunked bodies.
 */
public final class RequestBody {
    /** {@code application/json}, the type every OpenStack API accepts. */
    public static final String JSON = "application/json";

    private final byte[] bytes;
    private final Supplier<InputStream> stream;
    private final long length;
    private final String contentType;

    private RequestBody(byte[] bytes, Supplier<InputStream> stream, long length, String contentType) {
        this.bytes = bytes;
        this.stream = stream;
        this.length = length;
        this.contentType = contentType;
    }

    /** A repeatable body holding a copy of {@code bytes}. */
    public static RequestBody of(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return new RequestBody(bytes.clone(), null, bytes.length, Objects.requireNonNull(contentType, "contentType"));
    }

    /** A repeatable JSON body holding the UTF-8 bytes of {@code json}. */
    public static RequestBody json(String json) {
        byte[] b = Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
        return new RequestBody(b, null, b.length, JSON);
    }

    /**
     * A repeatable body that takes ownership of {@code bytes} without copying; the caller must not change the
     * array afterwards. Used by serializers that produce a fresh array per request.
     */
    public static RequestBody wrap(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return new RequestBody(bytes, null, bytes.length, Objects.requireNonNull(contentType, "contentType"));
    }

    /**
     * A body read once from a stream of known length. It is not repeatable: a request carrying it is never
     * retried or replayed.
     */
    public static RequestBody ofStream(InputStream stream, long length, String contentType) {
        Objects.requireNonNull(stream, "stream");
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        boolean[] used = {false};
        Supplier<InputStream> once = () -> {
            synchronized (used) {
                if (used[0]) {
                    throw new IllegalStateException("a stream body can be sent only once");
                }
                used[0] = true;
            }
            return stream;
        };
        return new RequestBody(null, once, length, Objects.requireNonNull(contentType, "contentType"));
    }

    /** Whether the body can be sent more than once. */
    public boolean repeatable() {
        return bytes != null;
    }

    /** Length in bytes, sent as {@code Content-Length}. */
    public long length() {
        return length;
    }

    /** The {@code Content-Type} of the body. */
    public String contentType() {
        return contentType;
    }

    /** The bytes of a repeatable body without copying them; empty for a stream body. Callers must not modify it. */
    public Optional<byte[]> bytesUnsafe() {
        return Optional.ofNullable(bytes);
    }

    /** A copy of the bytes of a repeatable body. */
    public byte[] toByteArray() {
        if (bytes == null) {
            throw new IllegalStateException("a stream body has no byte array");
        }
        return bytes.clone();
    }

    /** A stream over the body; a stream body can be opened only once. */
    public InputStream openStream() {
        return bytes != null ? new ByteArrayInputStream(bytes) : stream.get();
    }

    /** Writes the body to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        if (bytes != null) {
            out.write(bytes);
        } else {
            try (InputStream in = stream.get()) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RequestBody)) {
            return false;
        }
        RequestBody other = (RequestBody) o;
        return bytes != null
                && other.bytes != null
                && contentType.equals(other.contentType)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return bytes != null ? Arrays.hashCode(bytes) * 31 + contentType.hashCode() : System.identityHashCode(this);
    }

    /** Type and length only: bodies may hold secrets. */
    @Override
    public String toString() {
        return "RequestBody{" + contentType + ", " + length + " bytes" + (repeatable() ? "" : ", stream") + "}";
    }
}
