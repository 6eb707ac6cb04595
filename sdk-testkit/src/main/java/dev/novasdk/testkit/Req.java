package dev.novasdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request as the emulated services see it: method, decoded path, ordered query, headers, body. */
final class Req {
    final String method;
    final String path;
    final String rawQuery;
    final List<String[]> query;
    final Map<String, List<String>> headers;
    final byte[] body;
    /** Scheme, host and port the client used, for absolute links in bodies. */
    final String origin;

    Req(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, String origin) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.origin = origin;
    }

    static Req from(HttpExchange ex, String fallbackOrigin) throws IOException {
        Map<String, List<String>> h = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String host = h.containsKey("host") ? h.get("host").get(0) : null;
        String origin = host == null ? fallbackOrigin : "http://" + host;
        String rawPath = ex.getRequestURI().getRawPath();
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new Req(
                ex.getRequestMethod().toUpperCase(Locale.ROOT),
                path,
                ex.getRequestURI().getRawQuery(),
                h,
                body,
                origin);
    }

    private static List<String[]> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyList();
        }
        List<String[]> out = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.add(new String[] {
                URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)
            });
        }
        return out;
    }

    /**
     * This request as uwsgi hands it to Keystone and Nova: uwsgi 2.0 does not de-chunk, so a body sent with
     * {@code Transfer-Encoding: chunked} arrives empty (the lab answers 400). Glance (eventlet) reads it.
     */
    Req asUwsgiSeesIt() {
        String te = header("Transfer-Encoding");
        if (te == null || !te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return this;
        }
        return new Req(method, path, rawQuery, headers, new byte[0], origin);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a header, each comma-separated list split. */
    List<String> headerValues(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v) {
                for (String p : s.split(",")) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        for (String[] kv : query) {
            if (kv[0].equals(name)) {
                return kv[1];
            }
        }
        return null;
    }

    /** Every value of a query parameter, in order. */
    List<String> params(String name) {
        List<String> out = new ArrayList<>();
        for (String[] kv : query) {
            if (kv[0].equals(name)) {
                out.add(kv[1]);
            }
        }
        return out;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
