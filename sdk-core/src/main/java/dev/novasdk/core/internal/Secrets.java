package dev.novasdk.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.novasdk.core.filter.AsyncFilter;
import dev.novasdk.core.filter.Filter;
import dev.novasdk.core.filter.FilterChain;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestAttribute;
import dev.novasdk.core.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The secret values one client (one {@link HttpPipeline}) has sent or been given, and the scrubber that
 * removes them from whatever the SDK shows: exception messages, body excerpts and debug log lines. Services
 * echo requests back in error bodies (keystone quoting the auth document in a 400, nova's schema errors
 * quoting {@code adminPass} or {@code user_data}), so knowing where secrets sit in a request is not enough:
 * the values themselves are remembered and replaced by {@value #MASK} in any text, whatever field or echo
 * carries them.
 *
 * <p>Values are learned as they go on the wire, by {@link #filter()}, so no manager has to register
 * anything: the values of credential headers ({@code X-Auth-Token}, {@code X-Subject-Token}, ...) of requests
 * and responses, and in JSON request bodies every value under a secret key ({@link SecretKeys}: passwords,
 * application credential secrets, {@code adminPass}, {@code user_data}, private keys, keystone token ids).
 * Responses to {@code POST} and {@code PUT} are read the same way, because that is where services hand out
 * new secrets (a generated {@code adminPass}, a new application credential's secret, a generated keypair's
 * private key); responses to reads are not parsed, keeping listings cheap.
 *
 * <p>Each value is scrubbed as sent and in the forms an echo may take: JSON-escaped (with {@code \/} and with
 * {@code \}{@code uXXXX} for non-ASCII, as Python's {@code json.dumps} writes it), JSON-escaped twice (the
 * request's JSON text quoted in a JSON error body), Python-repr-escaped,
 * URL-encoded and HTML-escaped. Values shorter than {@value #MIN_LENGTH} characters are not remembered: they
 * would turn ordinary words into {@value #MASK} and protect nothing. The registry is bounded: it keeps the
 * {@link #create(int) capacity} most recently used values (default {@value #DEFAULT_CAPACITY}), so expired
 * tokens fall out while a password, sent again at every authentication, stays.
 *
 * <p>Thread-safe; learning costs a map update per secret header and a streaming parse of JSON request
 * bodies. Scrubbing is done only on error paths and for DEBUG log lines.
 */
public final class Secrets {
    /** Replaces a secret in any text. */
    public static final String MASK = "***";

    /** The request attribute through which {@link #filter()} hands the registry to the logging filter. */
    public static final RequestAttribute<Secrets> ATTRIBUTE = RequestAttribute.of("secrets", Secrets.class);

    /**
     * Set to {@code true} on a {@code POST} or {@code PUT} whose response body its sender knows to hold none of
     * the values the registry learns, or whose sender {@link #add adds} them itself from what it decodes, so that
     * the body is not parsed here as well: a keystone v3 token response, whose token id comes in the
     * {@code X-Subject-Token} header (still learned) and whose 2-3 KB body is the catalog; a created server,
     * whose {@code adminPass} the compute client learns from the decoded server.
     */
    public static final RequestAttribute<Boolean> RESPONSE_BODY_HOLDS_NO_SECRETS =
            RequestAttribute.of("responseBodyHoldsNoSecrets", Boolean.class);

    /** Values shorter than this are not remembered. */
    public static final int MIN_LENGTH = 4;

    static final int DEFAULT_CAPACITY = 64;

    // A value longer than this cannot appear whole in an excerpt or a message; user data is at most 64 KiB
    // of base64, which stays under it.
    private static final int MAX_VALUE_CHARS = 128 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int capacity;
    // value -> its scrub forms and when it was last used; evicting the least recently used keeps the map
    // at capacity.
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong uses = new AtomicLong();
    // Bumped after every change of the entries; the cached forms are rebuilt when they are older.
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(0, List.of());

    private Secrets(int capacity) {
        this.capacity = capacity;
    }

    /** An empty registry keeping the {@value #DEFAULT_CAPACITY} most recently used values. */
    public static Secrets create() {
        return new Secrets(DEFAULT_CAPACITY);
    }

    /** An empty registry keeping the {@code capacity} most recently used values. */
    public static Secrets create(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        return new Secrets(capacity);
    }

    /** Remembers {@code value} as a secret (or marks it used again); short values are ignored. */
    public void add(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_VALUE_CHARS) {
            return;
        }
        long now = uses.incrementAndGet();
        Entry known = entries.get(value);
        if (known != null) {
            known.lastUse = now;
            return;
        }
        entries.put(value, new Entry(formsOf(value), now));
        while (entries.size() > capacity) {
            evictLeastRecentlyUsed();
        }
        version.incrementAndGet();
    }

    private void evictLeastRecentlyUsed() {
        Map.Entry<String, Entry> oldest = null;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (oldest == null || e.getValue().lastUse < oldest.getValue().lastUse) {
                oldest = e;
            }
        }
        if (oldest != null) {
            entries.remove(oldest.getKey(), oldest.getValue());
        }
    }

    /** How many values are remembered. */
    public int size() {
        return entries.size();
    }

    /** Learns the secrets {@code request} carries: credential headers and secret JSON body values. */
    public void learn(HttpRequest request) {
        request.headers().forEach((name, value) -> {
            if (SecretKeys.isSecretHeader(name)) {
                add(value);
            }
        });
        Optional<RequestBody> body = request.body();
        if (body.isPresent() && isJson(body.get().contentType())) {
            // Most request bodies (a create without a password or user data, an action) name no secret key: a
            // scan of the bytes finds that without setting up a parser.
            byte[] bytes = body.get().bytesUnsafe().orElse(null);
            if (bytes != null && SecretKeys.mayNameSecret(bytes)) {
                learnJson(bytes);
            }
        }
    }

    /**
     * Learns the secrets a response hands out: credential headers ({@code X-Subject-Token}) and, for
     * {@code POST} and {@code PUT}, secret JSON values of a 2xx body.
     */
    public void learn(HttpRequest request, HttpResponse response) {
        response.headers().forEach((name, value) -> {
            if (SecretKeys.isSecretHeader(name)) {
                add(value);
            }
        });
        HttpMethod m = request.method();
        if ((m == HttpMethod.POST || m == HttpMethod.PUT)
                && response.isSuccessful()
                && !request.attribute(RESPONSE_BODY_HOLDS_NO_SECRETS).orElse(false)
                && response.bodyLength() > 0
                && isJson(response.headers().firstValue("Content-Type").orElse(""))) {
            // A stream over the received bytes: a create's response is read here without copying it.
            learnJson(response.bodyStream());
        }
    }

    // Walks the document like the debug log's masking does: values under secret keys, and the id of a
    // keystone token object, are secrets; keystone's password method object is descended into so that the
    // user name and domain are not taken for secrets.
    private void learnJson(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            learnJson(p);
        } catch (IOException notJson) {
            // Nothing to learn from a body that is not JSON; what was learned before the error stays.
        }
    }

    private void learnJson(InputStream body) {
        try (JsonParser p = JSON.createParser(body)) {
            learnJson(p);
        } catch (IOException notJson) {
            // As above.
        }
    }

    private void learnJson(JsonParser p) {
        try {
            walk(p, p.nextToken(), false);
        } catch (IOException | RuntimeException notJson) {
            // Nothing to learn from a body that is not JSON; what was learned before the error stays.
        }
    }

    private void walk(JsonParser p, JsonToken t, boolean tokenObject) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                boolean isToken = name.equalsIgnoreCase("token");
                if (value == JsonToken.START_OBJECT && (isToken || name.equalsIgnoreCase("password"))) {
                    walk(p, value, isToken);
                } else if (isToken || SecretKeys.isSecretKey(name) || (tokenObject && name.equalsIgnoreCase("id"))) {
                    addScalars(p, value);
                } else {
                    walk(p, value, false);
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY && item != null) {
                walk(p, item, false);
            }
        }
    }

    // Every scalar of a secret value, which may itself be an object or an array.
    private void addScalars(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken n = p.nextToken();
                if (n == null) {
                    return;
                }
                if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
                    depth++;
                } else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
                    depth--;
                } else if (n.isScalarValue()) {
                    add(p.getText());
                }
            }
        } else if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            add(p.getText());
        }
    }

    /** {@code text} with every known secret, in any of its forms, replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null || text.isEmpty() || entries.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : forms()) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        return out;
    }

    /**
     * {@code text} scrubbed, then cut to at most {@code maxChars} characters; when the cut splits a secret,
     * its start left at the end is masked too.
     */
    public String scrubAndCut(String text, int maxChars) {
        String s = scrub(text);
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        return scrubTail(s.substring(0, maxChars));
    }

    /**
     * {@code text}, which was cut off, with a trailing start of a known secret ({@value #MIN_LENGTH} characters
     * or more) replaced by {@value #MASK}.
     */
    public String scrubTail(String text) {
        if (text == null || entries.isEmpty()) {
            return text;
        }
        for (String form : forms()) {
            for (int k = Math.min(form.length() - 1, text.length()); k >= MIN_LENGTH; k--) {
                if (text.regionMatches(text.length() - k, form, 0, k)) {
                    return text.substring(0, text.length() - k) + MASK;
                }
            }
        }
        return text;
    }

    private List<String> forms() {
        Snapshot s = snapshot;
        long v = version.get();
        if (s.version != v) {
            // Read the version before the entries: a change racing with this rebuild bumps it again, so
            // the next call rebuilds once more rather than keeping a list that misses the new value.
            Set<String> all = new LinkedHashSet<>();
            entries.values().forEach(e -> all.addAll(e.forms));
            List<String> sorted = new ArrayList<>(all);
            // Longest first, so a secret that contains another is replaced whole.
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            s = new Snapshot(v, List.copyOf(sorted));
            snapshot = s;
        }
        return s.forms;
    }

    private record Snapshot(long version, List<String> forms) {}

    /**
     * A filter that learns the secrets of every request and response passing through it, and hands this
     * registry on to the filters below it (the logging filter) as the {@link #ATTRIBUTE} request attribute.
     * It sits just above the logging filter, below authentication, so it sees the token that goes on the
     * wire.
     */
    public Filter filter() {
        return this::filter;
    }

    /** {@link #filter()} for the async pipeline. */
    public AsyncFilter asyncFilter() {
        return (request, next) -> {
            learn(request);
            return next.proceedAsync(request.withAttribute(ATTRIBUTE, this)).thenApply(response -> {
                learn(request, response);
                return response;
            });
        };
    }

    private HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        learn(request);
        HttpResponse response = next.proceed(request.withAttribute(ATTRIBUTE, this));
        learn(request, response);
        return response;
    }

    private static boolean isJson(String contentType) {
        return contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    public String toString() {
        return "Secrets[" + entries.size() + " values]";
    }

    // Every distinct form an echo may give the value, each at least MIN_LENGTH long.
    static Set<String> formsOf(String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add(value);
        out.add(jsonEscaped(value, false, false));
        out.add(jsonEscaped(value, true, false));
        out.add(jsonEscaped(value, false, true));
        out.add(jsonEscaped(value, true, true));
        out.add(pythonEscaped(value));
        // A message quoting the request's JSON text or a Python repr, itself inside a JSON error body.
        for (String once : List.copyOf(out)) {
            out.add(jsonEscaped(once, false, false));
            out.add(jsonEscaped(once, false, true));
        }
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        out.add(url);
        out.add(url.replace("+", "%20"));
        out.add(htmlEscaped(value));
        out.removeIf(f -> f.length() < MIN_LENGTH);
        return out;
    }

    private static String jsonEscaped(String v, boolean slash, boolean asciiOnly) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '/':
                    b.append(slash ? "\\/" : "/");
                    break;
                default:
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    // Inside Python's repr of a str: a backslash and the quote are escaped, and so are control characters.
    private static String pythonEscaped(String v) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // As Python's html.escape(quote=True), which WebOb uses for its HTML error pages.
    private static String htmlEscaped(String v) {
        return v.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    private static final class Entry {
        final Set<String> forms;
        volatile long lastUse;

        Entry(Set<String> forms, long lastUse) {
            this.forms = forms;
            this.lastUse = lastUse;
        }
    }
}
