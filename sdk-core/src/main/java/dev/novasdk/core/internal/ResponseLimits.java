package dev.novasdk.core.internal;

import dev.novasdk.core.http.ResponseTooLargeException;

/**
 * The size limits on a response that transports check after their client parsed the head, and the refusals
 * they throw, worded alike whichever transport refuses. A field counts as {@code name: value} and its line
 * end, as on the wire; the raw bytes are not available once parsed.
 */
public final class ResponseLimits {
    /** What the status line and the blank line after the fields add to a head, counted as HTTP/1.1 spells them. */
    public static final long HEAD_FRAMING_BYTES = "HTTP/1.1 200 \r\n\r\n".length();

    private ResponseLimits() {}

    /** The bytes one header field takes on the wire: name, colon, space, value and line end. */
    public static long fieldBytes(String name, String value) {
        return name.length() + value.length() + 4L;
    }

    /**
     * The refusal of a head of {@code count} fields and {@code bytes} in all, or {@code null} when it is within
     * the limits.
     *
     * @param builder the builder class whose settings raise the limits, for the message
     */
    public static ResponseTooLargeException checkHead(
            long count, long bytes, int maxCount, int maxBytes, String builder) {
        if (count > maxCount) {
            return new ResponseTooLargeException("response has " + count + " header fields, more than the maximum of "
                    + maxCount + " (see " + builder + ".maxResponseHeaderCount)");
        }
        if (bytes > maxBytes) {
            return new ResponseTooLargeException("response headers exceed the maximum of " + maxBytes + " bytes (see "
                    + builder + ".maxResponseHeaderSize)");
        }
        return null;
    }

    /**
     * The refusal of a body over {@code max} bytes.
     *
     * @param detail what is known of the body's size, such as {@code " of 4096 bytes"}, or empty
     * @param builder the builder class whose {@code maxResponseSize} raises the limit, for the message
     */
    public static ResponseTooLargeException bodyTooLarge(String detail, int max, String builder) {
        return new ResponseTooLargeException("response body" + detail + " exceeds the maximum of " + max
                + " bytes (see " + builder + ".maxResponseSize)");
    }
}
