package dev.novasdk.compute.internal;

import com.google.common.escape.Escaper;
import com.google.common.net.UrlEscapers;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds request URLs from a service endpoint, escaped path segments and query parameters. Not API.
 */
public final class Urls {
    private static final Escaper SEGMENT = UrlEscapers.urlPathSegmentEscaper();
    private static final Escaper QUERY = UrlEscapers.urlFormParameterEscaper();

    private Urls() {}

    /**
     * {@code base} followed by the segments, each escaped, and the query parameters in order. Multi-valued
     * parameters repeat the key.
     */
    public static URI of(URI base, List<String> segments, Map<String, List<String>> query) {
        String root = base.toString();
        // Room for a resource path with an id and a short query, so that the builder does not grow.
        StringBuilder sb = new StringBuilder(root.length() + 96).append(root);
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "a path segment must not be empty, '.' or '..', got '" + segment + "'");
            }
            sb.append('/').append(unreserved(segment) ? segment : SEGMENT.escape(segment));
        }
        char sep = '?';
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(QUERY.escape(e.getKey())).append('=').append(unreserved(v) ? v : QUERY.escape(v));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    // Ids and most values need no escaping; checking is cheaper than escaping on every request.
    private static boolean unreserved(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** {@code base} followed by the escaped segments. */
    public static URI of(URI base, String... segments) {
        return of(base, List.of(segments), Map.of());
    }
}
