package dev.novasdk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response under construction: status, ordered headers (repeatable, like {@code Vary}) and body. */
final class Resp {
    static final String JSON = "application/json";
    static final String JSON_UTF8 = "application/json; charset=UTF-8";

    int status;
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];

    Resp(int status) {
        this.status = status;
    }

    static Resp json(int status, Object document) {
        return new Resp(status).header("Content-Type", JSON).body(PyJson.dumps(document));
    }

    static Resp empty(int status) {
        return new Resp(status);
    }

    Resp header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    Resp setHeader(String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return header(name, value);
    }

    Resp body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }
}
