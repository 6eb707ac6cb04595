package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.ResponseTooLargeException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.FormattedHeader;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.apache.hc.core5.util.Tokenizer;

/**
 * The translation between the SDK's messages and HttpClient's, shared by the classic and the async
 * transport so both send the same headers and report failures alike.
 */
final class ApacheMessages {
    // Framing headers follow from the body; copying a caller's value would contradict HttpClient's own.
    private static final List<String> FRAMING_HEADERS = List.of("content-length", "transfer-encoding");

    private ApacheMessages() {}

    /**
     * Copies the request's headers except the framing ones onto {@code outgoing}, and the body's content type
     * when the request names none. The content type goes in as a header, not a ContentType, so it reaches the
     * wire exactly as given.
     */
    static void copyHeaders(HttpRequest request, HttpMessage outgoing) {
        request.headers().forEach((name, value) -> {
            if (!isFramingHeader(name)) {
                outgoing.addHeader(name, value);
            }
        });
        RequestBody body = request.body().orElse(null);
        if (body != null && !request.headers().contains("Content-Type")) {
            outgoing.addHeader("Content-Type", body.contentType());
        }
    }

    /**
     * Whether a request without a body still needs an empty one: RFC 9110 asks for "Content-Length: 0" on a
     * body-less POST or PUT, and some proxies answer 411 without it.
     */
    static boolean needsEmptyBody(HttpRequest request) {
        HttpMethod m = request.method();
        return request.body().isEmpty() && (m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH);
    }

    /** The response's header fields as SDK headers. */
    static Headers toHeaders(Header[] received) throws IOException {
        Headers.Builder headers = Headers.builder();
        for (Header h : received) {
            try {
                headers.add(h.getName(), value(h));
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed response header name: " + e.getMessage(), e);
            }
        }
        return headers.build();
    }

    /**
     * Shapes HttpClient's failures by the SPI contract: connect and pool timeouts as ConnectException, limit
     * breaches as ResponseTooLargeException, and the unchecked exceptions a library may throw on input it did
     * not expect as IOExceptions.
     *
     * @param builder the builder class whose settings raise the limits, for messages
     */
    static IOException translate(Exception e, String builder) {
        if (e instanceof ConnectTimeoutException || e instanceof ConnectionRequestTimeoutException) {
            // Both extend InterruptedIOException (a connect timeout even SocketTimeoutException), which would
            // read as "response timed out"; yet nothing was sent, so report them as connect failures.
            ConnectException connect = new ConnectException(e.getMessage());
            connect.initCause(e);
            return connect;
        }
        if (e instanceof RequestNotExecutedException) {
            // The connection closed before the request went out (a pooled connection the server had just closed
            // after "Connection: close"): nothing was sent, so the retry filter may send it again, whatever the
            // method.
            ConnectException connect = new ConnectException("the request was not sent: " + e.getMessage());
            connect.initCause(e);
            return connect;
        }
        if (e instanceof MessageConstraintException) {
            ResponseTooLargeException tooLarge = new ResponseTooLargeException("response exceeds a limit: "
                    + e.getMessage()
                    + " (see " + builder + ".maxResponseHeaderCount and maxResponseHeaderSize)");
            tooLarge.initCause(e);
            return tooLarge;
        }
        if (e instanceof IOException) {
            return (IOException) e;
        }
        return new IOException("malformed response or unusable request: " + e, e);
    }

    // Asked for every header of every request: compared in place rather than through a lower-cased copy.
    private static boolean isFramingHeader(String name) {
        for (String h : FRAMING_HEADERS) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    // The value as Header.getValue() gives it (trimmed; CR, LF and NUL read as spaces), cut straight out of the
    // parsed line: getValue() goes through a StringBuilder for every header of every response.
    private static String value(Header h) {
        if (!(h instanceof FormattedHeader)) {
            return h.getValue();
        }
        CharArrayBuffer line = ((FormattedHeader) h).getBuffer();
        int from = ((FormattedHeader) h).getValuePos();
        int to = line.length();
        while (from < to && Tokenizer.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Tokenizer.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return h.getValue();
            }
        }
        return line.substring(from, to);
    }
}
