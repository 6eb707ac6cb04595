package dev.novasdk.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URIs safe to show in messages and logs: user info dropped, values of query parameters whose names look
 * secret replaced with {@code ***}.
 */
public final class SafeUri {
    private SafeUri() {}

    /** The redacted form of {@code uri}; {@code null} stays {@code null}. */
    public static URI of(URI uri) {
        if (uri == null) {
            return null;
        }
        String query = uri.getRawQuery();
        if (uri.getRawUserInfo() == null && (query == null || !looksSecret(query))) {
            return uri;
        }
        StringBuilder q = null;
        if (query != null) {
            q = new StringBuilder(query.length());
            for (String pair : query.split("&", -1)) {
                if (q.length() > 0) {
                    q.append('&');
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (eq >= 0 && looksSecret(name)) {
                    q.append(name).append("=***");
                } else {
                    q.append(pair);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getRawAuthority() == null ? "" : hostAndPort(uri));
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (q != null) {
            out.append('?').append(q);
        }
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            return URI.create(uri.getScheme() + "://" + hostAndPort(uri) + "/");
        }
    }

    private static String hostAndPort(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static boolean looksSecret(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("password")
                || t.contains("secret")
                || t.contains("token")
                || t.contains("passwd")
                || t.contains("credential")
                || t.contains("signature");
    }
}
