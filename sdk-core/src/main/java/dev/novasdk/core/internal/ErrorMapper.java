package dev.novasdk.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.novasdk.core.error.ApiError;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.RateLimitException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a non-2xx response into the matching {@link ApiException}, reading every body shape Nova, Keystone
 * and Glance return: nova's fault envelope, keystone's {@code error} object, the MFA receipt, OAuth2 errors,
 * WebOb's plain, HTML and JSON pages, flask-restful and werkzeug replies, and version documents. Anything
 * else (a proxy's HTML page, random bytes) still gives the right exception for the status, with the start of
 * the body as the message. Thread-safe and stateless.
 */
public final class ErrorMapper {
    // Error documents are a few hundred bytes; anything larger is not worth parsing as JSON in full.
    private static final int MAX_JSON_BYTES = 1 << 20;
    // Text and HTML pages are read only this far; a message is cut to 1 KiB anyway.
    private static final int MAX_TEXT_BYTES = 64 * 1024;
    private static final int MAX_EXCERPT_BYTES = 2048;
    private static final int MAX_HEADER_CHARS = 256;
    private static final int MAX_LISTED = 16;

    private static final String AUTH_RECEIPT_HEADER = "Openstack-Auth-Receipt";
    private static final String AUTH_RECEIPT_FAULT = "authReceiptRequired";

    // Tree reading only, never handed out. The nesting bound turns hostile "[[[[..." bodies into a parse
    // failure instead of deep recursion.
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .build();

    private static final Pattern STATUS_LINE = Pattern.compile("^\\s*(\\d{3})\\s+(\\S.*?)\\s*$");
    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,18}");
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss zzz")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM")
            .padNext(3)
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendPattern(" HH:mm:ss yyyy")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Secrets secrets;

    private ErrorMapper(Clock clock, Secrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** A mapper that reads HTTP-date {@code Retry-After} values against the system clock. */
    public static ErrorMapper create() {
        return new ErrorMapper(Clock.systemUTC(), Secrets.create());
    }

    /** A mapper that reads HTTP-date {@code Retry-After} values against {@code clock}, for tests. */
    public static ErrorMapper create(Clock clock) {
        return new ErrorMapper(Objects.requireNonNull(clock, "clock"), Secrets.create());
    }

    /**
     * A mapper that reads {@code Retry-After} against {@code clock} and removes every value {@code secrets}
     * knows from the message, fault name, URI and body excerpt of the errors it builds: services echo
     * requests in error bodies, passwords and {@code adminPass} included.
     */
    public static ErrorMapper create(Clock clock, Secrets secrets) {
        return new ErrorMapper(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(secrets, "secrets"));
    }

    /**
     * The exception for a non-2xx {@code response} to {@code request}: 400 {@link BadRequestException}, 401
     * {@link AuthenticationException}, 403 {@link ForbiddenException}, 404 {@link NotFoundException}, 409
     * {@link ConflictException}, 413 and 429 {@link RateLimitException}, 5xx {@link ServerErrorException},
     * any other status {@link ApiException}. Never throws while reading the body, whatever it holds.
     */
    public ApiException toException(HttpRequest request, HttpResponse response) {
        ApiError error = parse(request, response);
        int status = error.statusCode();
        switch (status) {
            case 400:
                return new BadRequestException(error);
            case 401:
                return new AuthenticationException(error);
            case 403:
                return new ForbiddenException(error);
            case 404:
                return new NotFoundException(error);
            case 409:
                return new ConflictException(error);
            case 413:
            case 429:
                return new RateLimitException(error);
            default:
                return status >= 500 && status <= 599 ? new ServerErrorException(error) : new ApiException(error);
        }
    }

    /**
     * Everything this mapper reads from the response. The body is read at most 1 MiB far as JSON and 64 KiB
     * far as text; the message is cut to 1 KiB and the excerpt to 2 KiB. Never throws while reading the body.
     */
    public ApiError parse(HttpRequest request, HttpResponse response) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        ApiError.Builder b = ApiError.builder(response.statusCode(), request.method(), scrub(request.uri()))
                .reasonPhrase(secrets.scrub(response.reasonPhrase()));
        response.requestId().ifPresent(id -> b.requestId(ErrorText.headerValue(id, MAX_HEADER_CHARS)));
        // Kept verbatim: the client sends the receipt back to keystone to finish the authentication.
        response.headers()
                .firstValue(AUTH_RECEIPT_HEADER)
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .ifPresent(b::authReceipt);
        JsonNode tree = null;
        try {
            byte[] body = response.body();
            Charset charset = charset(response);
            b.bodyExcerpt(excerpt(body, charset));
            tree = readJson(response, body);
            Description d = tree == null ? null : describeJson(tree);
            if (d == null) {
                d = describeText(response, body, charset);
            }
            b.faultName(secrets.scrub(d.faultName)).serviceMessage(secrets.scrub(d.message));
        } catch (RuntimeException unexpected) {
            // The body is untrusted input. Should any reader above still trip over it, the caller must get
            // the exception for the status rather than a parser's exception hiding it.
        }
        try {
            b.retryAfter(retryAfter(response, tree, clock).orElse(null));
        } catch (RuntimeException unexpected) {
            // Same reasoning: a malformed hint must not hide the error itself.
        }
        return b.build();
    }

    // The excerpt is scrubbed before it is cut, so a secret straddling the cut is found whole; a secret the
    // cut still splits (longer than what was read) has its start masked.
    private String excerpt(byte[] body, Charset charset) {
        if (secrets.size() == 0) {
            return ErrorText.excerpt(body, MAX_EXCERPT_BYTES, charset);
        }
        String text = secrets.scrub(ErrorText.excerpt(body, MAX_TEXT_BYTES, charset));
        boolean cut = body.length > MAX_TEXT_BYTES;
        int end = ErrorText.prefixWithin(text, MAX_EXCERPT_BYTES, charset);
        if (end < text.length()) {
            text = text.substring(0, end);
            cut = true;
        }
        return cut ? secrets.scrubTail(text) : text;
    }

    private URI scrub(URI uri) {
        String raw = uri.toString();
        String scrubbed = secrets.scrub(raw);
        if (scrubbed.equals(raw)) {
            return uri;
        }
        try {
            return new URI(scrubbed);
        } catch (java.net.URISyntaxException e) {
            // A secret made of characters a URI cannot hold unescaped cannot be in it raw either.
            return uri;
        }
    }

    /**
     * The delay asked for by {@code Retry-After} (delta-seconds or HTTP-date, relative to {@code clock}) or,
     * failing that, nova's {@code overLimit.retryAfter} body member (a string or a number). A date in the
     * past gives {@link Duration#ZERO}; a value that is neither gives empty.
     */
    public static Optional<Duration> retryAfter(HttpResponse response, Clock clock) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(clock, "clock");
        JsonNode tree = response.headers().contains("Retry-After") ? null : readJson(response, response.body());
        return retryAfter(response, tree, clock);
    }

    private static Optional<Duration> retryAfter(HttpResponse response, JsonNode tree, Clock clock) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isPresent()) {
            return parseRetryAfter(header.get(), clock);
        }
        if (tree == null) {
            return Optional.empty();
        }
        JsonNode hint = tree.path("overLimit").path("retryAfter");
        if (hint.isTextual()) {
            return parseRetryAfter(hint.asText(), clock);
        }
        if (hint.isIntegralNumber() && hint.canConvertToLong() && hint.asLong() >= 0) {
            return Optional.of(Duration.ofSeconds(hint.asLong()));
        }
        if (hint.isFloatingPointNumber() && hint.asDouble() >= 0 && hint.asDouble() < Long.MAX_VALUE / 1000.0) {
            return Optional.of(Duration.ofMillis((long) Math.ceil(hint.asDouble() * 1000)));
        }
        return Optional.empty();
    }

    private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.trim();
        if (DELTA_SECONDS.matcher(v).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        if (v.length() > 64) {
            return Optional.empty();
        }
        // RFC 9110 section 10.2.3 and 5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                Instant at = ZonedDateTime.parse(v, f).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    // The parsed body, or null when it does not look like JSON or does not parse within the bounds.
    // body: the response's bytes, copied once by the caller for every reader of an error.
    private static JsonNode readJson(HttpResponse response, byte[] body) {
        if (body.length == 0
                || !(response.mediaType().map(t -> t.contains("json")).orElse(false) || startsLikeJson(body))) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body, 0, Math.min(body.length, MAX_JSON_BYTES));
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static boolean startsLikeJson(byte[] body) {
        for (int i = 0; i < body.length && i < 64; i++) {
            byte c = body[i];
            if (c == '{' || c == '[') {
                return true;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    // Follows the order of the shared error-body notes: the most specific shapes first.
    private static Description describeJson(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        JsonNode error = root.get("error");
        if (root.get("receipt") != null && root.get("required_auth_methods") != null) {
            return new Description(
                    AUTH_RECEIPT_FAULT,
                    "additional authentication required: " + listOfLists(root.get("required_auth_methods")));
        }
        if (error != null && error.isTextual()) {
            JsonNode description = root.get("error_description");
            return new Description(
                    ErrorText.clean(error.asText()),
                    ErrorText.clean(
                            description != null && description.isTextual() ? description.asText() : error.asText()));
        }
        if (error != null && error.isObject()) {
            String message = text(error.get("message"));
            String methods = list(error.path("identity").get("methods"));
            if (methods != null) {
                message = (message == null ? "" : message + " ") + "(supported methods: " + methods + ")";
            }
            return new Description(ErrorText.clean(text(error.get("title"))), ErrorText.clean(message));
        }
        if (root.size() == 1) {
            Map.Entry<String, JsonNode> only = root.fields().next();
            JsonNode fault = only.getValue();
            if (fault.isObject()
                    && (fault.path("code").isIntegralNumber()
                            || (fault.path("message").isTextual()
                                    && !fault.path("code").isTextual()))) {
                return new Description(ErrorText.clean(only.getKey()), ErrorText.clean(text(fault.get("message"))));
            }
        }
        JsonNode message = root.get("message");
        if (message != null && message.isTextual()) {
            JsonNode code = root.get("code");
            boolean webob =
                    code != null && code.isTextual() && root.path("title").isTextual();
            return new Description(
                    webob ? ErrorText.clean(root.get("title").asText()) : null, ErrorText.clean(message.asText()));
        }
        JsonNode versions = root.has("choices") ? root.get("choices") : root.get("versions");
        if (versions != null && versions.isObject()) {
            versions = versions.get("values"); // keystone nests the list one level deeper
        }
        if (versions != null && versions.isArray()) {
            return new Description(null, ErrorText.clean("multiple API versions available: " + versionList(versions)));
        }
        if (root.size() == 1) {
            Map.Entry<String, JsonNode> only = root.fields().next();
            if (only.getValue().isTextual()) {
                return new Description(
                        ErrorText.clean(only.getKey()),
                        ErrorText.clean(only.getValue().asText()));
            }
        }
        return null;
    }

    private static Description describeText(HttpResponse response, byte[] body, Charset charset) {
        String text = ErrorText.decodePrefix(body, MAX_TEXT_BYTES, charset);
        String mediaType = response.mediaType().orElse("");
        boolean html = mediaType.contains("html") || (!mediaType.equals("text/plain") && ErrorText.looksLikeHtml(text));
        if (html) {
            return describeHtml(text);
        }
        // WebOb plain text: the status line, a blank line, the message.
        int newline = text.indexOf('\n');
        Matcher m = STATUS_LINE.matcher(newline < 0 ? text : text.substring(0, newline));
        if (newline > 0 && m.matches()) {
            return new Description(ErrorText.clean(m.group(2)), ErrorText.clean(text.substring(newline + 1)));
        }
        return new Description(null, ErrorText.clean(text));
    }

    // WebOb and werkzeug put the status in <title> and <h1> and the message after </h1>; proxies do the same.
    private static Description describeHtml(String page) {
        // The heading is looked for after </head>, so that scripts and styles in the head cannot fake one.
        int start = 0;
        int headEnd = ErrorText.indexOfIgnoreCase(page, "</head>", 0);
        if (headEnd >= 0) {
            start = headEnd + "</head>".length();
        }
        String body = page.substring(start);
        String title = ErrorText.element(page, "title");
        String h1 = ErrorText.element(body, "h1");
        String heading = ErrorText.clean(ErrorText.htmlToText(title != null ? title : h1 != null ? h1 : ""));
        if (heading != null) {
            Matcher m = STATUS_LINE.matcher(heading);
            heading = m.matches() ? m.group(2) : heading;
        }
        int h1End = ErrorText.indexOfIgnoreCase(body, "</h1>", 0);
        String message =
                ErrorText.clean(ErrorText.htmlToText(h1End < 0 ? body : body.substring(h1End + "</h1>".length())));
        if (message == null && h1 != null) {
            message = ErrorText.clean(ErrorText.htmlToText(h1));
        }
        return new Description(heading, message);
    }

    private static Charset charset(HttpResponse response) {
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (contentType.isPresent()) {
            String v = contentType.get().toLowerCase(Locale.ROOT);
            int i = v.indexOf("charset=");
            if (i >= 0) {
                String name = v.substring(i + 8).split("[;,\\s]", 2)[0].replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String cleanText(JsonNode node) {
        String s = text(node);
        return s == null ? null : ErrorText.headerValue(s, 64);
    }

    // "[password, totp]" from a JSON array of strings; null when there are none.
    private static String list(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext() && items.size() < MAX_LISTED; ) {
            String s = cleanText(it.next());
            if (s != null) {
                items.add(s);
            }
        }
        return items.isEmpty() ? null : "[" + String.join(", ", items) + "]";
    }

    // "[[password, totp], [password, application_credential]]": keystone's alternative method sets.
    private static String listOfLists(JsonNode array) {
        List<String> sets = new ArrayList<>();
        if (array.isArray()) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext() && sets.size() < MAX_LISTED; ) {
                String set = list(it.next());
                if (set != null) {
                    sets.add(set);
                }
            }
        }
        return "[" + String.join(", ", sets) + "]";
    }

    private static String versionList(JsonNode versions) {
        List<String> items = new ArrayList<>();
        Iterator<JsonNode> it = versions.elements();
        while (it.hasNext()) {
            if (items.size() == MAX_LISTED) {
                items.add("\u2026");
                break;
            }
            JsonNode v = it.next();
            String id = v.isObject() ? cleanText(v.get("id")) : null;
            if (id != null) {
                String status = cleanText(v.get("status"));
                items.add(id + (status == null ? "" : " (" + status + ")"));
            }
        }
        return String.join(", ", items);
    }

    private static final class Description {
        final String faultName;
        final String message;

        Description(String faultName, String message) {
            this.faultName = faultName;
            this.message = message;
        }
    }
}
