package dev.novasdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON and Python {@code repr} text exactly as the Python services print them. The services are Python, so
 * their bodies use {@code json.dumps} separators ({@code ", "} and {@code ": "}), and Nova's schema errors
 * quote the offending value with {@code repr} ({@code {'name': 'x'}}, {@code True}, {@code None}). Values are
 * plain Java objects: {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Number},
 * {@link Boolean} and {@code null}.
 */
final class PyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PyJson() {}

    /** Parses a request body; duplicate keys keep the last value at the first position, as Python does. */
    static Object parse(byte[] body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new IOException("empty body");
        }
        return fromNode(node);
    }

    private static Object fromNode(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), fromNode(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(fromNode(x)));
            return l;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            BigInteger b = n.bigIntegerValue();
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return null;
    }

    /**
     * An insertion-ordered JSON object from key/value pairs. Documents are built with it (never
     * {@code Map.of} with several keys, whose iteration order changes from one JVM run to the next).
     */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** {@code json.dumps(v)}: Nova, Glance and Keystone success bodies. */
    static String dumps(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, ", ", ": ", false);
        return sb.toString();
    }

    /** Flask's {@code jsonify}: compact and key-sorted, the shape of Keystone's error bodies. */
    static String dumpsCompactSorted(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, ",", ":", true);
        return sb.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v, String itemSep, String keySep, boolean sort) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            writeString(sb, (String) v);
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (sort) {
                m = new TreeMap<>(m);
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!first) {
                    sb.append(itemSep);
                }
                first = false;
                writeString(sb, e.getKey());
                sb.append(keySep);
                write(sb, e.getValue(), itemSep, keySep, sort);
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<Object>) v) {
                if (!first) {
                    sb.append(itemSep);
                }
                first = false;
                write(sb, o, itemSep, keySep, sort);
            }
            sb.append(']');
        } else {
            writeString(sb, v.toString());
        }
    }

    // json.dumps uses ensure_ascii=True: everything outside ASCII becomes \\uXXXX.
    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /** Python's {@code str(v)}: strings bare, anything else as {@link #repr}. */
    static String str(Object v) {
        return v instanceof String ? (String) v : repr(v);
    }

    /** Python's {@code repr(v)} of the parsed JSON value. */
    @SuppressWarnings("unchecked")
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? "True" : "False";
        }
        if (v instanceof String) {
            return reprString((String) v);
        }
        if (v instanceof Double || v instanceof Float) {
            return floatRepr(((Number) v).doubleValue());
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(reprString(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : (List<Object>) v) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(o));
            }
            return sb.append(']').toString();
        }
        return reprString(v.toString());
    }

    private static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    private static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        // Java writes 1.0E16 where Python writes 1e+16.
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exp = s.substring(e + 1);
        if (!exp.startsWith("-")) {
            exp = "+" + exp;
        }
        if (exp.length() == 2) {
            exp = exp.charAt(0) + "0" + exp.charAt(1);
        }
        return mantissa + "e" + exp;
    }

    /** Python's equality for JSON values, where {@code True == 1}: Nova's boolean enums rely on it. */
    static boolean pyEquals(Object a, Object b) {
        Object na = a instanceof Boolean ? (Object) (((Boolean) a) ? 1L : 0L) : a;
        Object nb = b instanceof Boolean ? (Object) (((Boolean) b) ? 1L : 0L) : b;
        if (na instanceof Number && nb instanceof Number) {
            return ((Number) na).doubleValue() == ((Number) nb).doubleValue();
        }
        return na == null ? nb == null : na.equals(nb);
    }
}
