package dev.novasdk.core.filter;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.internal.Secrets;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG to the {@code dev.novasdk.http} logger, in the form {@code nova --debug} uses,
 * so a request can be replayed by pasting it into a shell:
 *
 * <pre>
 * REQ: curl -g -i -X POST http://nova:8774/v2.1/servers -H "Accept: application/json" -H "X-Auth-Token: {SHA256}9f86d0.." -d '{"server": ..}'
 * RESP: [202] Content-Length: 123 Content-Type: application/json x-openstack-request-id: req-.. (elapsed 42 ms)
 * RESP BODY: {"server": {"id": "..", "adminPass": "***"}}
 * </pre>
 *
 * <p>Debug logs get pasted into bug reports, so secrets are never written: credential headers appear as
 * {@code {SHA256}<hex>} of their value, secret JSON values (passwords, {@code adminPass}, application
 * credential secrets, keystone token ids, ...) as {@code "***"}, secret query values masked, keystone token
 * responses omitted entirely, and a body that is not valid JSON is not shown (except a short excerpt of a
 * text error page from the service). Bodies are cut after 8 KiB. In a client's pipeline, every value the
 * client has sent as a secret (its {@link dev.novasdk.core.internal.Secrets}) is also scrubbed from each line,
 * wherever a service echoes it: a keystone error quoting the password, a nova error quoting {@code adminPass}.
 *
 * <p>The filter sits innermost, just above the transport, so each retry and re-authentication replay is
 * logged once. With DEBUG off it only asks the logger whether DEBUG is on.
 */
public final class LoggingFilter implements Filter, AsyncFilter {
    /** The logger name, so users can turn HTTP logging on alone. */
    static final String LOGGER_NAME = "dev.novasdk.http";

    // Compute and identity documents are small; 8 KiB shows nearly all of them without flooding the log.
    static final int MAX_BODY_CHARS = 8 * 1024;
    // HTML and plain-text error pages only need their first lines to be recognized.
    static final int MAX_TEXT_EXCERPT_CHARS = 1024;

    private final Logger logger;
    private final LongSupplier nanoTime;

    private LoggingFilter(Logger logger, LongSupplier nanoTime) {
        this.logger = logger;
        this.nanoTime = nanoTime;
    }

    /** A filter logging to {@code dev.novasdk.http}. */
    public static LoggingFilter create() {
        return new LoggingFilter(LoggerFactory.getLogger(LOGGER_NAME), System::nanoTime);
    }

    /** A filter logging to {@code logger}, for tests. */
    static LoggingFilter of(Logger logger) {
        return of(logger, System::nanoTime);
    }

    /** A filter logging to {@code logger} and timing with {@code nanoTime}, for tests. */
    static LoggingFilter of(Logger logger, LongSupplier nanoTime) {
        return new LoggingFilter(
                Objects.requireNonNull(logger, "logger"), Objects.requireNonNull(nanoTime, "nanoTime"));
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        if (!logger.isDebugEnabled()) {
            return next.proceed(request);
        }
        logger.debug(safely(() -> requestLine(request)));
        long start = nanoTime.getAsLong();
        HttpResponse response;
        try {
            response = next.proceed(request);
        } catch (IOException | RuntimeException e) {
            long elapsed = elapsedMillis(start);
            logger.debug(safely(() -> failureLine(request, e, elapsed)));
            throw e;
        }
        long elapsed = elapsedMillis(start);
        logger.debug(safely(() -> responseLine(request, response, elapsed)));
        return response;
    }

    /** Logs as {@link #filter} does, the response line when the future completes. */
    @Override
    public CompletableFuture<HttpResponse> filterAsync(HttpRequest request, AsyncFilterChain next) {
        if (!logger.isDebugEnabled()) {
            return next.proceedAsync(request);
        }
        logger.debug(safely(() -> requestLine(request)));
        long start = nanoTime.getAsLong();
        return next.proceedAsync(request).whenComplete((response, failure) -> {
            long elapsed = elapsedMillis(start);
            if (failure != null) {
                Throwable cause = Futures.unwrap(failure);
                logger.debug(safely(() -> failureLine(request, cause, elapsed)));
            } else {
                logger.debug(safely(() -> responseLine(request, response, elapsed)));
            }
        });
    }

    private long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
    }

    // A bug in formatting must never fail the request it describes; the line then says only what failed.
    private static String safely(java.util.function.Supplier<String> line) {
        try {
            return line.get();
        } catch (RuntimeException e) {
            return "REQ/RESP: could not format the log line (" + e.getClass().getName() + ")";
        }
    }

    static String requestLine(HttpRequest request) {
        Secrets secrets = request.attribute(Secrets.ATTRIBUTE).orElse(null);
        StringBuilder b = new StringBuilder(256)
                .append("REQ: curl -g -i -X ")
                .append(request.method())
                .append(' ')
                .append(shellWord(LogRedaction.uri(request.uri())));
        Headers headers = request.headers();
        headers.forEach((name, value) -> appendHeader(b, name, value));
        Optional<RequestBody> body = request.body();
        if (body.isPresent()) {
            RequestBody rb = body.get();
            // The transport sets Content-Type from the body; curl needs it spelled out to replay the request.
            if (!headers.contains("Content-Type")) {
                appendHeader(b, "Content-Type", rb.contentType());
            }
            b.append(" -d ").append(singleQuoted(requestBody(rb, secrets)));
        }
        return scrub(b.toString(), secrets);
    }

    // The last line of defence: whatever part of a line carries a known secret (a URL, a quoted message).
    private static String scrub(String line, Secrets secrets) {
        return secrets == null ? line : secrets.scrub(line);
    }

    private static String requestBody(RequestBody body, Secrets secrets) {
        Optional<byte[]> bytes = body.bytesUnsafe();
        if (bytes.isEmpty()) {
            // Reading a stream body would consume it before the transport could send it.
            return "<stream body, " + body.length() + " bytes>";
        }
        byte[] b = bytes.get();
        String mediaType = mediaType(body.contentType());
        if (LogRedaction.isJsonType(mediaType)) {
            Optional<String> masked = LogRedaction.maskJson(b, MAX_BODY_CHARS, secrets);
            if (masked.isPresent()) {
                return masked.get();
            }
        }
        // Whatever the user sent that is not JSON may be a secret in any shape; show only its size.
        return "<" + b.length + " bytes, not JSON, omitted>";
    }

    static String responseLine(HttpRequest request, HttpResponse response, long elapsedMillis) {
        Secrets secrets = request.attribute(Secrets.ATTRIBUTE).orElse(null);
        StringBuilder b = new StringBuilder(256)
                .append("RESP: [")
                .append(response.statusCode())
                .append(']');
        response.headers().forEach((name, value) -> b.append(' ')
                .append(LogRedaction.escapeControl(name))
                .append(": ")
                .append(LogRedaction.headerValue(name, value)));
        b.append(" (elapsed ").append(elapsedMillis).append(" ms)");
        if (response.bodyLength() > 0) {
            b.append("\nRESP BODY: ").append(responseBody(request, response, secrets));
        }
        return scrub(b.toString(), secrets);
    }

    private static String responseBody(HttpRequest request, HttpResponse response, Secrets secrets) {
        byte[] body = response.body();
        if (LogRedaction.isTokenEndpoint(request.method(), request.uri())) {
            return "<omitted: token response>";
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        String mediaType = contentType.map(LoggingFilter::mediaType).orElse("");
        if (LogRedaction.isJsonType(mediaType) || (mediaType.isEmpty() && looksLikeJson(body))) {
            return LogRedaction.maskJson(body, MAX_BODY_CHARS, secrets)
                    .orElse("<" + body.length + " bytes, not JSON, omitted>");
        }
        if (mediaType.startsWith("text/") || mediaType.endsWith("/xml") || mediaType.endsWith("+xml")) {
            // Error pages from proxies and WebOb: written by the service, not the user, and needed to debug.
            return LogRedaction.textExcerpt(
                    body, LogRedaction.charset(contentType.orElse(null)), MAX_TEXT_EXCERPT_CHARS, secrets);
        }
        return "<" + body.length + " bytes, " + (mediaType.isEmpty() ? "no content type" : mediaType) + ", omitted>";
    }

    static String failureLine(HttpRequest request, Throwable failure, long elapsedMillis) {
        StringBuilder b = new StringBuilder(128)
                .append("RESP: failed ")
                .append(failure.getClass().getName());
        Secrets secrets = request.attribute(Secrets.ATTRIBUTE).orElse(null);
        String message = scrub(failure.getMessage(), secrets);
        if (message != null && !message.isBlank()) {
            // Some clients quote the URI in their messages; show it redacted like the REQ line does.
            String raw = request.uri().toString();
            if (message.contains(raw)) {
                message = message.replace(raw, LogRedaction.uri(request.uri()));
            }
            if (message.length() > MAX_TEXT_EXCERPT_CHARS) {
                message = message.substring(0, MAX_TEXT_EXCERPT_CHARS) + "...";
            }
            b.append(": ").append(LogRedaction.escapeControl(message));
        }
        return b.append(" (elapsed ").append(elapsedMillis).append(" ms)").toString();
    }

    private static void appendHeader(StringBuilder b, String name, String value) {
        b.append(" -H \"")
                .append(doubleQuotedContent(
                        LogRedaction.escapeControl(name) + ": " + LogRedaction.headerValue(name, value)))
                .append('"');
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte c : body) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    // A URL is left bare, as nova --debug shows it, unless it holds characters the shell would interpret
    // (a query's ? and &, a masked value's *).
    private static String shellWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~:/=%+,@".indexOf(c) >= 0;
            if (!plain) {
                return singleQuoted(text);
            }
        }
        return text;
    }

    // Inside single quotes the shell interprets nothing, except the quote itself: close, escape, reopen.
    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    // Inside double quotes the shell still expands $, ` and \ and ends at ".
    private static String doubleQuotedContent(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
