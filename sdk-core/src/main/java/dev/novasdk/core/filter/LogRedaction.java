package dev.novasdk.core.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
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
import java.util.Set;

/**
 * The redaction rules of {@link LoggingFilter}, kept apart so each rule can be tested on its own. Everything
 * here errs towards hiding: a value that might be a secret is masked, and a body that cannot be parsed well
 * enough to find its secrets is not shown at all.
 */
final class LogRedaction {
    /** The replacement for a masked JSON value or query parameter. */
    static final String MASK = "***";

    // Headers that carry credentials. Their values are hashed rather than dropped, like keystoneauth does, so
    // two log lines can still be compared ("was the same token sent twice?") without revealing the token.
    private static final Set<String> SECRET_HEADERS = Set.of(
            "x-auth-token",
            "x-subject-token",
            "x-service-token",
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-auth-key");

    // JSON keys whose values are secrets wherever they appear, compared in lower case: passwords, nova's
    // adminPass, application credential and OAuth secrets, TOTP passcodes, keypair private keys, the blob of
    // a keystone credential (it holds EC2 secrets), and a server's user data (cloud-init scripts carry
    // passwords and keys; ServerCreate.toString() hides it for the same reason). A "password" object is the
    // exception, see maskJson.
    private static final Set<String> SECRET_KEYS = Set.of(
            "password",
            "adminpass",
            "admin_pass",
            "new_password",
            "original_password",
            "secret",
            "passcode",
            "private_key",
            "access_token",
            "refresh_token",
            "id_token",
            "client_secret",
            "blob",
            "user_data");

    // Parameter names that mark a credential inside a URL held in a JSON string.
    private static final String[] SECRET_PARAMETERS = {"token", "password", "secret", "passwd", "signature"};

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private LogRedaction() {}

    /** Whether the header carries a credential. */
    static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
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

    /**
     * Whether the value of a JSON member with this name is a secret. {@code token} is not listed: it is a
     * secret when it is a string (a console token), but keystone's {@code {"token": {"id": ..}}} object is
     * descended into so that only its {@code id} is masked.
     */
    static boolean isSecretKey(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(n)
                || n.endsWith("password")
                || n.endsWith("passwd")
                || n.endsWith("_secret")
                || n.endsWith("_token");
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
                    g.writeFieldName(name);
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
                        depth = copy(p, g, value, tokenObject, depth);
                    }
                } else {
                    depth = copy(p, g, t, tokenObject, depth);
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
    private static int copy(JsonParser p, JsonGenerator g, JsonToken t, BitSet tokenObject, int depth)
            throws IOException {
        if (t == JsonToken.VALUE_STRING && hasSecretParameter(p.getText())) {
            g.writeString(MASK);
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
        // Decode only a prefix: a multi-byte character cut at the end becomes one replacement character.
        int bytes = (int) Math.min(body.length, (long) maxChars * 4);
        String text = new String(body, 0, bytes, charset);
        boolean cut = text.length() > maxChars || bytes < body.length;
        String excerpt = escapeControl(text.length() > maxChars ? text.substring(0, maxChars) : text);
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
