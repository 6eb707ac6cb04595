package dev.novasdk.core.http.jdk;

import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.ResponseLimits;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads one response body into memory for {@link JdkHttpTransport}, enforcing the size limits and recording
 * progress, so that the waiting thread can tell a silent server from a slow one and abort either. The JDK's
 * own {@code ofInputStream} body cannot be abandoned by a thread blocked reading it; a subscription can
 * always be cancelled.
 *
 * <p>Used for one exchange: the JDK calls {@link #apply} once the headers are in, then the subscriber's
 * methods in order on its worker threads, while the caller reads the progress fields.
 */
final class BodyReader implements BodyHandler<byte[]> {
    private static final byte[] NO_BYTES = new byte[0];

    private final HttpMethod method;
    private final int maxBodySize;
    private final int maxHeaderCount;
    private final int maxHeaderSize;

    private volatile boolean headersReceived;
    private volatile long lastProgressNanos;
    private volatile long received;
    private volatile boolean cancelled;
    private volatile Flow.Subscription subscription;

    BodyReader(HttpMethod method, int maxBodySize, int maxHeaderCount, int maxHeaderSize) {
        this.method = method;
        this.maxBodySize = maxBodySize;
        this.maxHeaderCount = maxHeaderCount;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public BodySubscriber<byte[]> apply(ResponseInfo info) {
        lastProgressNanos = System.nanoTime();
        headersReceived = true;
        IOException refused = checkHead(info);
        long declared = -1;
        if (refused == null && hasBody(info.statusCode())) {
            String length = info.headers().firstValue("Content-Length").orElse(null);
            declared = length == null ? -1 : Long.parseLong(length.trim());
            if (declared > maxBodySize) {
                refused = JdkHttpTransport.tooLarge(" of " + declared + " bytes", maxBodySize);
            }
        }
        return new Collector(refused, declared);
    }

    /** Whether the status line and headers have arrived. */
    boolean headersReceived() {
        return headersReceived;
    }

    /** Nanoseconds left until {@code silence} has passed since the headers or the last body bytes arrived. */
    long silenceLeftNanos(long silenceNanos) {
        return lastProgressNanos + silenceNanos - System.nanoTime();
    }

    /**
     * Nanoseconds until a limit may have passed: the deadline, or the response timeout counted from the
     * headers or the last body bytes. Before the headers the JDK's own request timeout applies, so the wait
     * is one response timeout.
     */
    long nextCheckNanos(Deadline deadline, long silenceNanos) {
        long wait = headersReceived ? silenceLeftNanos(silenceNanos) : silenceNanos;
        if (deadline != null) {
            wait = Math.min(wait, deadline.remainingNanos());
        }
        return Math.max(0L, wait);
    }

    /**
     * The failure to report when the deadline has passed or the body has been silent for the response timeout,
     * or {@code null} while the exchange may go on: progress since the last check, or still before the headers.
     */
    IOException limitPassed(Deadline deadline, Duration responseTimeout) {
        if (deadline != null && deadline.isExpired()) {
            return deadline.exceeded(phase());
        }
        if (headersReceived && silenceLeftNanos(responseTimeout.toNanos()) <= 0) {
            return new SocketTimeoutException("no response body data for " + responseTimeout.toMillis()
                    + " ms (the response timeout) after " + received + " bytes");
        }
        return null;
    }

    /** Body bytes received so far. */
    long received() {
        return received;
    }

    /** What the exchange was doing, for messages. */
    String phase() {
        return headersReceived
                ? "reading the response body (" + received + " bytes read)"
                : "waiting for the response headers";
    }

    /** Stops reading: the connection is closed instead of read to its end. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    // A HEAD, 204 or 304 response has no body whatever its Content-Length says (a Glance image HEAD declares
    // the image size).
    private boolean hasBody(int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304;
    }

    // The JDK parses the head before the SDK sees it (bounded only by the JVM-wide jdk.http.maxHeaderSize), so
    // the limits are applied here, approximately: the raw bytes are not available, so a field counts as
    // "name: value" plus its line end.
    private IOException checkHead(ResponseInfo info) {
        Map<String, List<String>> fields = info.headers().map();
        long count = 0;
        long size = ResponseLimits.HEAD_FRAMING_BYTES;
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            for (String v : e.getValue()) {
                count++;
                size += ResponseLimits.fieldBytes(e.getKey(), v);
            }
        }
        IOException tooLarge =
                ResponseLimits.checkHead(count, size, maxHeaderCount, maxHeaderSize, "JdkHttpTransport.Builder");
        if (tooLarge != null) {
            return tooLarge;
        }
        List<String> lengths = fields.getOrDefault("content-length", List.of());
        if (lengths.size() > 1) {
            // RFC 9112 section 6.3: the body's end is ambiguous, so the message cannot be read safely.
            return new IOException("malformed response: " + lengths.size() + " Content-Length fields");
        }
        if (lengths.size() == 1 && !lengths.get(0).trim().matches("[0-9]{1,18}")) {
            return new IOException("malformed response: Content-Length is not a number");
        }
        return null;
    }

    private final class Collector implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final IOException refused;
        private final long declared;
        private byte[] buffer;
        private int length;

        Collector(IOException refused, long declared) {
            this.refused = refused;
            this.declared = declared;
            // The usual case: one exact allocation instead of chunks copied together; never for a refused body,
            // whose declared length may be anything.
            this.buffer = refused == null && declared > 0 ? new byte[(int) declared] : NO_BYTES;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refused != null || cancelled) {
                s.cancel();
                result.completeExceptionally(refused != null ? refused : new IOException("cancelled"));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if ((long) length + n > maxBodySize) {
                    subscription.cancel();
                    result.completeExceptionally(JdkHttpTransport.tooLarge("", maxBodySize));
                    return;
                }
                if (length + n > buffer.length) {
                    buffer = Arrays.copyOf(
                            buffer, (int) Math.min(maxBodySize, Math.max(length + n, 2L * buffer.length)));
                }
                item.get(buffer, length, n);
                length += n;
            }
            received = length;
            lastProgressNanos = System.nanoTime();
        }

        @Override
        public void onError(Throwable failure) {
            // The JDK's own message for a body cut short is just "closed"; say how far the body got.
            result.completeExceptionally(new IOException(
                    "response body broken after " + length + (declared >= 0 ? " of " + declared : "") + " bytes: "
                            + failure.getMessage(),
                    failure));
        }

        @Override
        public void onComplete() {
            result.complete(length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
