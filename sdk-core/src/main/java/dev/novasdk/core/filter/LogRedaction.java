package dev.novasdk.core.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
import dev.novasdk.core.internal.SecretKeys;
import dev.novasdk.core.internal.Secrets;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The redaction rules of {@link LoggingFilter}, kept apart so each rule can be tested on its own. Everything
 * here errs towards hiding: a value that might be a secret is masked, and a body that cannot be parsed well
 * enough to find its secrets is not shown at all.
 */
final class LogRedaction {
    /** The replacement for a masked JSON value or query parameter. */
    static final String MASK = "***";

    // Parameter names that mark a credential inside a URL held in a JSON string.
    private static final String[] SECRET_PARAMETERS = {"token", "password", "secret", "passwd", "signature"};

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private LogRedaction() {}

    /** Whether the header carries a credential. */
    static boolean isSecretHeader(String name) {
        return SecretKeys.isSecretHeader(name);
    }

    /** The value to log for a header: {@code {SHA256}<hex>} for credentials, else the value, escaped. */
    static String headerValue(String name, String value) {
        return isSecretHeader(name) ? sha256(value) : escapeControl(value);
    }

    /** {@code {SHA256}} and the hex SHA-256 of the UTF-8 bytes of {@code value}, the form keystoneauth logs. */
    static String sha256(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "{SHA256}" + HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every JDK must provide SHA-256; without it, show nothing rather than the secret.
            return MASK;
        }
    }

    /** Whether the value of a JSON member with this name is a secret; see {@link SecretKeys#isSecretKey}. */
    static boolean isSecretKey(String name) {
        return SecretKeys.isSecretKey(name);
    }

    /**
     * The URI to log: user info dropped, secret-looking query values masked, and the path segment after a
     * {@code ...tokens} segment masked, because some APIs put a token in the path (keystone v2.0
     * {@code GET /v2.0/tokens/{token}}, nova {@code /os-console-auth-tokens/{console_token}}). The fragment is
     * dropped; it is never sent.
     */
    static String uri(URI uri) {
        URI safe = SafeUri.of(uri);
        String path = safe.getRawPath() == null ? "" : safe.getRawPath();
        StringBuilder out = new StringBuilder(uri.toString().length() + 8);
        out.append(safe.getScheme()).append("://").append(safe.getRawAuthority());
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            boolean afterTokens =
                    i > 0 && segments[i - 1].toLowerCase(Locale.ROOT).endsWith("tokens");
            out.append(afterTokens && !segments[i].isEmpty() ? MASK : segments[i]);
        }
        if (safe.getRawQuery() != null) {
            out.append('?').append(safe.getRawQuery());
        }
        return escapeControl(out.toString());
    }

    /**
     * Whether the response to this request is a keystone token response, whose body (the catalog, token
     * ids, and for OAuth2 the access token) is never logged: {@code POST|GET .../auth/tokens} (v3 issue and
     * validate), {@code POST .../tokens} (v2.0), {@code POST .../OS-OAUTH2/token}.
     */
    static boolean isTokenEndpoint(HttpMethod method, URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/auth/tokens")) {
            return method == HttpMethod.POST || method == HttpMethod.GET;
        }
        return method == HttpMethod.POST && (path.endsWith("/tokens") || path.endsWith("/os-oauth2/token"));
    }

    /**
     * Whether a string value carries a credential as a URL parameter, such as nova's remote console URL
     * ({@code ..vnc_lite.html?path=%3Ftoken%3D<console token>}); such a value is masked whole, whatever
     * its key.
     */
    static boolean hasSecretParameter(String value) {
        if (value.indexOf('=') < 0 && value.indexOf('%') < 0) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (String name : SECRET_PARAMETERS) {
            if (v.contains(name + "=") || v.contains(name + "%3d")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a media type (lower case, no parameters) is some kind of JSON: {@code application/json},
     * {@code application/problem+json}, glance's {@code application/openstack-images-v2.1-json-patch}.
     */
    static boolean isJsonType(String mediaType) {
        return mediaType.contains("json");
    }

    /**
     * The body re-serialized compactly with every secret value replaced by {@code "***"}, cut after
     * {@code maxChars} characters; empty when the body (up to the cut) is not valid JSON. Nothing of an
     * invalid body is returned, not even the part before the error: a body that does not parse may not be
     * JSON at all (a password sent as plain text), and the rules only know where secrets sit in JSON.
     */
    static Optional<String> maskJson(byte[] body, int maxChars) {
        return maskJson(body, maxChars, null);
    }

    /**
     * {@link #maskJson(byte[], int)} that also passes every string value and member name through
     * {@code secrets}, so a known secret echoed under an ordinary key (an error message quoting the request)
     * is scrubbed before the cut.
     */
    static Optional<String> maskJson(byte[] body, int maxChars, Secrets secrets) {
        BoundedWriter out = new BoundedWriter(maxChars);
        try (JsonParser p = JSON.createParser(body);
                JsonGenerator g = JSON.createGenerator(out)) {
            // One bit per open object or array: whether it is the value of a "token" member, whose "id" is a
            // token (keystone's token auth method, and v2.0's access.token).
            BitSet tokenObject = new BitSet();
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    boolean inToken = depth > 0 && tokenObject.get(depth - 1);
                    JsonToken value = p.nextToken();
                    if (value == null) {
                        return Optional.empty();
                    }
                    g.writeFieldName(secrets == null ? name : secrets.scrub(name));
                    boolean isToken = name.equalsIgnoreCase("token");
                    if (value == JsonToken.START_OBJECT && (isToken || name.equalsIgnoreCase("password"))) {
                        // Keystone's auth methods {"token": {"id": ..}} and
                        // {"password": {"user": {"name": .., "password": ..}}}: descend, so the user and domain
                        // stay visible; the secrets inside are masked by the rules below.
                        tokenObject.set(depth++, isToken);
                        g.writeStartObject();
                    } else if (isToken || isSecretKey(name) || (inToken && name.equalsIgnoreCase("id"))) {
                        p.skipChildren();
                        g.writeString(MASK);
                    } else {
                        depth = copy(p, g, value, tokenObject, depth, secrets);
                    }
                } else {
                    depth = copy(p, g, t, tokenObject, depth, secrets);
                }
                if (out.full()) {
                    break;
                }
            }
            g.flush();
        } catch (IOException | RuntimeException notJson) {
            // The exception's message quotes the body, so it is dropped on purpose.
            return Optional.empty();
        }
        String text = out.toString();
        return Optional.of(out.full() ? text + "... (truncated, " + body.length + " bytes in total)" : text);
    }

    // Copies one event and returns the new nesting depth.
    private static int copy(JsonParser p, JsonGenerator g, JsonToken t, BitSet tokenObject, int depth, Secrets secrets)
            throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            if (hasSecretParameter(text)) {
                g.writeString(MASK);
            } else {
                g.writeString(secrets == null ? text : secrets.scrub(text));
            }
            return depth;
        }
        g.copyCurrentEvent(p);
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            tokenObject.clear(depth);
            return depth + 1;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            return depth - 1;
        }
        return depth;
    }

    /**
     * The start of a text body: at most {@code maxChars} characters, control characters escaped so a
     * response cannot forge log lines.
     */
    static String textExcerpt(byte[] body, Charset charset, int maxChars) {
        return textExcerpt(body, charset, maxChars, null);
    }

    /**
     * {@link #textExcerpt(byte[], Charset, int)} with known secrets scrubbed before the cut, and the start of
     * one that the cut splits masked.
     */
    static String textExcerpt(byte[] body, Charset charset, int maxChars, Secrets secrets) {
        // Decode only a prefix: a multi-byte character cut at the end becomes one replacement character.
        // With secrets to look for, read further so one that straddles the cut is seen whole.
        long want = secrets == null ? (long) maxChars * 4 : (long) maxChars * 4 + 64 * 1024;
        int bytes = (int) Math.min(body.length, want);
        String text = new String(body, 0, bytes, charset);
        if (secrets != null) {
            text = secrets.scrub(text);
        }
        boolean cut = text.length() > maxChars || bytes < body.length;
        String kept = text.length() > maxChars ? text.substring(0, maxChars) : text;
        if (cut && secrets != null) {
            kept = secrets.scrubTail(kept);
        }
        String excerpt = escapeControl(kept);
        return cut ? excerpt + "... (truncated, " + body.length + " bytes in total)" : excerpt;
    }

    /** The charset named by a {@code Content-Type} value, UTF-8 when absent or unknown. */
    static Charset charset(String contentType) {
        return dev.novasdk.core.internal.MediaTypes.charset(contentType);
    }

    /** {@code text} with CR, LF, tab and other control characters written as escapes. */
    static String escapeControl(String text) {
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (isControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }

    /** Keeps the first {@code max} characters written and notes whether more came. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder buf = new StringBuilder();
        private final int max;
        private boolean full;

        BoundedWriter(int max) {
            this.max = max;
        }

        boolean full() {
            return full;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            int room = max - buf.length();
            if (len > room) {
                full = true;
                buf.append(cbuf, off, Math.max(room, 0));
            } else {
                buf.append(cbuf, off, len);
            }
        }

        @Override
        public void write(String str, int off, int len) {
            int room = max - buf.length();
            if (len > room) {
                full = true;
                buf.append(str, off, off + Math.max(room, 0));
            } else {
                buf.append(str, off, off + len);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return buf.toString();
        }
    }
}
