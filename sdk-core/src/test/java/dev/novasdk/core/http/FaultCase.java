package dev.novasdk.core.http;

import dev.novasdk.core.error.OpenStackException;
import dev.novasdk.core.error.RateLimitException;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.error.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The cases of the fault matrix: what an adversarial server does, and what the SDK must make of it. Each
 * module's matrix test runs every case against a {@link FaultServer} on every transport, through its own
 * client, and checks the exception, the requests the server received, the time taken and that no secret
 * leaked; see {@code sdk-core/FAULTS.md}.
 *
 * <p>The expectations assume the suite's settings: {@value #MAX_ATTEMPTS} attempts with short backoff, an
 * attempt timeout well below the transports' response timeout, and a response size cap of
 * {@value #MAX_RESPONSE_SIZE} bytes.
 */
public enum FaultCase {
    /** Reads the request, then resets the connection. */
    RESET_BEFORE_RESPONSE("reset before response", Expect.broken().beforeFirstByte(), (x, ok) -> x.reset()),
    /** Reads the request, then closes without a byte. */
    EMPTY_REPLY("empty reply", Expect.broken().beforeFirstByte(), (x, ok) -> {}),
    /** Answers with bytes that are not HTTP. */
    GARBAGE("garbage bytes", Expect.broken(), (x, ok) -> x.write(garbage())),
    /** A chunked body whose chunk size is not hexadecimal. */
    MALFORMED_CHUNKS(
            "malformed chunks",
            Expect.broken(),
            (x, ok) -> x.write(ok.head("Transfer-Encoding: chunked") + "zz\r\n" + ok.body + "\r\n0\r\n\r\n")),
    /** Declares a longer body than it sends, then closes. */
    SHORT_BODY("short body", Expect.broken(), (x, ok) -> {
        x.write(ok.head("Content-Length: " + (ok.body.length() + 400)));
        x.write(ok.body);
    }),
    /** Sends the status line and headers a byte at a time, never reaching the body in time. */
    SLOW_HEADERS(
            "slow headers",
            Expect.deadline(),
            (x, ok) -> x.trickle(ok.head(ok.contentLength()), 1, Duration.ofMillis(FaultCase.PACE_MILLIS))),
    /** Sends the headers and part of the body, then goes silent. */
    STALLED_BODY("stalled body", Expect.deadline(), (x, ok) -> {
        x.write(ok.head(ok.contentLength()));
        x.write(ok.body.substring(0, ok.body.length() / 2));
        x.stall();
    }),
    /** Sends the body a byte at a time, never silent for long enough to trip a response timeout. */
    TRICKLED_BODY("trickled body", Expect.deadline(), (x, ok) -> {
        String padded = ok.body + " ".repeat(2_000);
        x.write(ok.head("Content-Length: " + padded.length()));
        x.trickle(padded, 1, Duration.ofMillis(FaultCase.PACE_MILLIS));
    }),
    /** 429 with {@code Retry-After: 0}: the service refused the request without acting on it. */
    RATE_LIMITED_429(
            "429 Retry-After: 0",
            Expect.refused(RateLimitException.class),
            (x, ok) -> x.respond(
                    429,
                    "{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}",
                    "Content-Type: application/json",
                    "Retry-After: 0")),
    /** 429 asking for a wait longer than the call's whole budget: returned at once, not waited for. */
    RATE_LIMITED_PAST_BUDGET(
            "429 Retry-After: 30 (past the call timeout)",
            Expect.api(RateLimitException.class),
            (x, ok) -> x.respond(
                    429,
                    "{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}",
                    "Content-Type: application/json",
                    "Retry-After: 30")),
    /** 503 with {@code Retry-After: 0}: retried for idempotent methods only; a POST may have been processed. */
    UNAVAILABLE_503(
            "503 Retry-After: 0",
            Expect.api(ServerErrorException.class).retriedWhenIdempotent(),
            (x, ok) -> x.respond(
                    503, "<html><body>Service Unavailable</body></html>", "Content-Type: text/html", "Retry-After: 0")),
    /** Nova's 413 over-limit with {@code Retry-After: 0}: refused, so retried for every method. */
    OVER_LIMIT_413(
            "413 Retry-After: 0",
            Expect.refused(RateLimitException.class),
            (x, ok) -> x.respond(
                    413,
                    "{\"overLimit\": {\"code\": 413, \"message\": \"OverLimit Retry...\", \"retryAfter\": \"0\"}}",
                    "Content-Type: application/json",
                    "Retry-After: 0")),
    /** A proxy's HTML error page instead of the service's JSON. */
    HTML_500(
            "HTML 500",
            Expect.api(ServerErrorException.class),
            (x, ok) -> x.respond(
                    500,
                    "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error"
                            + "</h1><p>The server encountered an internal error.</p></body></html>",
                    "Content-Type: text/html")),
    /** A 2xx whose JSON has the right members with the wrong types. */
    WRONG_JSON_TYPES(
            "wrong JSON types",
            Expect.api(ResponseParseException.class),
            (x, ok) -> x.respond(ok.status, ok.wrongTypesBody, ok.headers.toArray(new String[0]))),
    /** A chunked body far beyond the size cap, sent as fast as the client reads. */
    OVERSIZED_BODY_STREAMED("oversized body, streamed", Expect.tooLarge(), (x, ok) -> {
        x.write(ok.head("Transfer-Encoding: chunked"));
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 8 * FaultCase.MAX_RESPONSE_SIZE / chunk.length; i++) {
            x.write(Integer.toHexString(chunk.length) + "\r\n");
            x.write(chunk);
            x.write("\r\n");
        }
        x.write("0\r\n\r\n");
    }),
    /** A {@code Content-Length} of 200 MB: refused from the headers, without reading any of it. */
    OVERSIZED_BODY_DECLARED("oversized body, declared", Expect.tooLarge(), (x, ok) -> {
        x.write(ok.head("Content-Length: 200000000"));
        x.write(new byte[64 * 1024]);
        x.stall();
    }),
    /** 64 MiB of header lines. */
    OVERSIZED_HEADERS("oversized headers", Expect.tooLarge(), (x, ok) -> {
        x.write(ok.statusLine());
        x.floodHeaderLines(640 * 1024, 100);
        x.write(ok.contentLength() + "\r\n\r\n" + ok.body);
    }),
    /** {@code Content-Length: abc}. */
    BAD_CONTENT_LENGTH("bad Content-Length", Expect.broken(), (x, ok) -> {
        x.write(ok.head("Content-Length: abc"));
        x.write(ok.body);
    }),
    /** Two different {@code Content-Length} values: where the body ends is ambiguous. */
    DUPLICATE_CONTENT_LENGTH("duplicate Content-Length", Expect.broken(), (x, ok) -> {
        x.write(ok.head(ok.contentLength() + "\r\nContent-Length: " + (ok.body.length() + 2)));
        x.write(ok.body + "{}");
    }),
    /** The control: a well-formed answer, which must succeed on the first attempt. */
    WELL_FORMED(
            "well-formed (control)",
            Expect.success(),
            (x, ok) -> x.respond(ok.status, ok.body, ok.headers.toArray(new String[0])));

    /** Attempts per call in the suite's retry policy. */
    public static final int MAX_ATTEMPTS = 3;

    /** The transports' response size cap in the suite. */
    public static final int MAX_RESPONSE_SIZE = 1024 * 1024;

    // Slow enough that a slow case outlasts any attempt timeout of the suite, fast enough never to look silent.
    private static final int PACE_MILLIS = 20;

    private final String label;
    private final Expect expect;
    private final Behaviour behaviour;

    FaultCase(String label, Expect expect, Behaviour behaviour) {
        this.label = label;
        this.expect = expect;
        this.behaviour = behaviour;
    }

    /** The case as named in the matrix table. */
    public String label() {
        return label;
    }

    /** The server behaviour of this case for an API whose good answer is {@code ok}. */
    public FaultServer.Script script(Answer ok) {
        return x -> behaviour.answer(x, ok);
    }

    /** The exception the caller must see, or {@code null} for the control case. */
    public Class<? extends OpenStackException> exception() {
        return expect.exception;
    }

    /** The transport failure kind the caller must see, or {@code null} when the exception is not a transport one. */
    public TransportException.Kind kind() {
        return expect.kind;
    }

    /** Whether the case is a slow server that only a deadline stops. */
    public boolean needsDeadline() {
        return expect.deadline;
    }

    /** Whether the server explicitly refused the request (429, 413 with Retry-After), so a POST may be repeated. */
    public boolean refused() {
        return expect.refused;
    }

    /**
     * The fewest and most requests the server may receive for one call, for a method that is idempotent or not.
     *
     * @param jdkResend whether the transport resends a GET broken before the first response byte on its own
     *                  (java.net.http does, once per attempt)
     */
    public int[] requestRange(boolean idempotent, boolean jdkResend) {
        if (expect.refused) {
            return new int[] {MAX_ATTEMPTS, MAX_ATTEMPTS};
        }
        if (!idempotent) {
            return new int[] {1, 1};
        }
        if (expect.deadline) {
            // Attempts end at the attempt timeout; how many fit in the call's budget depends on the machine.
            return new int[] {1, MAX_ATTEMPTS};
        }
        if (expect.retriedWhenIdempotent) {
            int max = jdkResend && expect.beforeFirstByte ? 2 * MAX_ATTEMPTS : MAX_ATTEMPTS;
            return new int[] {MAX_ATTEMPTS, max};
        }
        return new int[] {1, 1};
    }

    /** A good answer of the API under test, from which the broken ones are made. */
    public static final class Answer {
        final int status;
        final List<String> headers;
        final String body;
        final String wrongTypesBody;

        /**
         * @param headers        header lines of the good answer, such as {@code "Content-Type: application/json"}
         * @param wrongTypesBody a document with the right members and the wrong JSON types
         */
        public Answer(int status, List<String> headers, String body, String wrongTypesBody) {
            this.status = status;
            this.headers = List.copyOf(headers);
            this.body = body;
            this.wrongTypesBody = wrongTypesBody;
        }

        String statusLine() {
            return "HTTP/1.1 " + status + " Status\r\n";
        }

        String contentLength() {
            return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
        }

        // The status line and headers with one framing line, ready for a body.
        String head(String framing) {
            StringBuilder b = new StringBuilder(statusLine());
            headers.forEach(h -> b.append(h).append("\r\n"));
            return b.append(framing).append("\r\nConnection: close\r\n\r\n").toString();
        }
    }

    @FunctionalInterface
    private interface Behaviour {
        void answer(FaultServer.Exchange x, Answer ok) throws IOException;
    }

    private static byte[] garbage() {
        byte[] b = new byte[512];
        new Random(42).nextBytes(b);
        b[0] = 0x16; // a TLS record type, as from a server speaking https on an http port
        return b;
    }

    private static final class Expect {
        Class<? extends OpenStackException> exception;
        TransportException.Kind kind;
        boolean refused;
        boolean retriedWhenIdempotent;
        boolean deadline;
        boolean beforeFirstByte;

        static Expect broken() {
            Expect e = transport(TransportException.Kind.CONNECTION_FAILED);
            e.retriedWhenIdempotent = true;
            return e;
        }

        static Expect deadline() {
            Expect e = transport(TransportException.Kind.DEADLINE_EXCEEDED);
            e.deadline = true;
            return e;
        }

        static Expect tooLarge() {
            return transport(TransportException.Kind.RESPONSE_TOO_LARGE);
        }

        static Expect refused(Class<? extends OpenStackException> type) {
            Expect e = api(type);
            e.refused = true;
            return e;
        }

        static Expect api(Class<? extends OpenStackException> type) {
            Expect e = new Expect();
            e.exception = type;
            return e;
        }

        static Expect success() {
            return new Expect();
        }

        private static Expect transport(TransportException.Kind kind) {
            Expect e = api(TransportException.class);
            e.kind = kind;
            return e;
        }

        Expect retriedWhenIdempotent() {
            retriedWhenIdempotent = true;
            return this;
        }

        Expect beforeFirstByte() {
            beforeFirstByte = true;
            return this;
        }
    }
}
