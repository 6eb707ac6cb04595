package dev.novasdk.testkit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small JSON Schema (draft 4) validator that reports the first error the way Python's {@code jsonschema}
 * does, so Nova's 400 messages come out word for word. Keywords are checked in the order they were added,
 * which mirrors the key order of Nova's schema dictionaries: that order decides which error is reported
 * when a body has several.
 */
final class Schema {
    /** The first validation error: where, on which value, and jsonschema's message. */
    static final class Failure {
        final List<Object> path;
        final Object instance;
        final String message;
        /** True when Nova reports the message alone (a format checker raised its own exception). */
        final boolean standalone;

        Failure(List<Object> path, Object instance, String message, boolean standalone) {
            this.path = path;
            this.instance = instance;
            this.message = message;
            this.standalone = standalone;
        }

        /** Nova's body message: {@code nova/api/validation/validators.py}. */
        String novaMessage() {
            if (standalone || path.isEmpty()) {
                return message;
            }
            return "Invalid input for field/attribute " + path.get(path.size() - 1) + ". Value: " + PyJson.str(instance)
                    + ". " + message;
        }
    }

    @FunctionalInterface
    private interface Keyword {
        Failure check(Object instance, List<Object> path);
    }

    static final String NAME_MESSAGE = "An invalid 'name' value was provided. The name must be: printable characters."
            + " Can not start or end with whitespace.";

    private final List<Keyword> keywords = new ArrayList<>();
    private LinkedHashMap<String, Schema> properties;
    private LinkedHashMap<String, Schema> patternProperties;

    private Schema() {}

    static Schema of() {
        return new Schema();
    }

    /** Validates and returns the first failure, or null. */
    Failure validate(Object instance) {
        return check(instance, new ArrayList<>());
    }

    private Failure check(Object instance, List<Object> path) {
        for (Keyword k : keywords) {
            Failure f = k.check(instance, path);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Failure fail(List<Object> path, Object instance, String message) {
        return new Failure(new ArrayList<>(path), instance, message, false);
    }

    private static List<Object> child(List<Object> path, Object key) {
        List<Object> p = new ArrayList<>(path);
        p.add(key);
        return p;
    }

    Schema type(String... types) {
        List<String> ts = Arrays.asList(types);
        keywords.add((inst, path) -> {
            for (String t : ts) {
                if (isType(inst, t)) {
                    return null;
                }
            }
            String names = ts.stream().map(PyJson::repr).collect(Collectors.joining(", "));
            return fail(path, inst, PyJson.repr(inst) + " is not of type " + names);
        });
        return this;
    }

    static boolean isType(Object inst, String t) {
        switch (t) {
            case "string":
                return inst instanceof String;
            case "integer":
                return inst instanceof Number && !(inst instanceof Double);
            case "number":
                return inst instanceof Number;
            case "boolean":
                return inst instanceof Boolean;
            case "object":
                return inst instanceof Map;
            case "array":
                return inst instanceof List;
            case "null":
                return inst == null;
            default:
                return false;
        }
    }

    Schema enumOf(Object... values) {
        List<Object> vs = Arrays.asList(values);
        keywords.add((inst, path) -> {
            for (Object v : vs) {
                if (PyJson.pyEquals(v, inst)) {
                    return null;
                }
            }
            return fail(path, inst, PyJson.repr(inst) + " is not one of " + PyJson.repr(vs));
        });
        return this;
    }

    Schema minLength(int n) {
        keywords.add((inst, path) ->
                inst instanceof String && ((String) inst).codePointCount(0, ((String) inst).length()) < n
                        ? fail(path, inst, PyJson.repr(inst) + " is too short")
                        : null);
        return this;
    }

    Schema maxLength(int n) {
        keywords.add((inst, path) ->
                inst instanceof String && ((String) inst).codePointCount(0, ((String) inst).length()) > n
                        ? fail(path, inst, PyJson.repr(inst) + " is too long")
                        : null);
        return this;
    }

    Schema pattern(String regex) {
        Pattern p = Pattern.compile(regex);
        keywords.add((inst, path) ->
                inst instanceof String && !p.matcher((String) inst).find()
                        ? fail(path, inst, PyJson.repr(inst) + " does not match " + PyJson.repr(regex))
                        : null);
        return this;
    }

    /** Nova's own minimum: a numeric string is compared (and reported) as the number it spells. */
    Schema minimum(long min) {
        keywords.add((inst, path) -> {
            Number n = asNumber(inst);
            return n != null && n.doubleValue() < min
                    ? fail(path, inst, PyJson.repr(n) + " is less than the minimum of " + min)
                    : null;
        });
        return this;
    }

    Schema maximum(long max) {
        keywords.add((inst, path) -> {
            Number n = asNumber(inst);
            return n != null && n.doubleValue() > max
                    ? fail(path, inst, PyJson.repr(n) + " is greater than the maximum of " + max)
                    : null;
        });
        return this;
    }

    private static Number asNumber(Object inst) {
        if (inst instanceof Number) {
            return (Number) inst;
        }
        if (inst instanceof String && ((String) inst).matches("-?[0-9]+")) {
            try {
                return Long.parseLong((String) inst);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    Schema minItems(int n) {
        keywords.add((inst, path) -> inst instanceof List && ((List<?>) inst).size() < n
                ? fail(path, inst, PyJson.repr(inst) + " is too short")
                : null);
        return this;
    }

    Schema maxItems(int n) {
        keywords.add((inst, path) -> inst instanceof List && ((List<?>) inst).size() > n
                ? fail(path, inst, PyJson.repr(inst) + " is too long")
                : null);
        return this;
    }

    Schema format(String format) {
        keywords.add((inst, path) -> {
            if (!(inst instanceof String)) {
                return null;
            }
            String s = (String) inst;
            boolean ok;
            switch (format) {
                case "name":
                    if (!validName(s)) {
                        return new Failure(new ArrayList<>(path), inst, NAME_MESSAGE, true);
                    }
                    return null;
                case "uuid":
                    ok = uuidLike(s);
                    break;
                case "base64":
                    ok = base64(s);
                    break;
                case "ipv4":
                    ok = ipv4(s);
                    break;
                case "ipv6":
                    ok = ipv6(s);
                    break;
                default:
                    ok = true;
            }
            return ok ? null : fail(path, inst, PyJson.repr(inst) + " is not a " + PyJson.repr(format));
        });
        return this;
    }

    Schema prop(String name, Schema schema) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
            LinkedHashMap<String, Schema> props = properties;
            keywords.add((inst, path) -> {
                if (!(inst instanceof Map)) {
                    return null;
                }
                Map<?, ?> m = (Map<?, ?>) inst;
                for (Map.Entry<String, Schema> e : props.entrySet()) {
                    if (m.containsKey(e.getKey())) {
                        Failure f = e.getValue().check(m.get(e.getKey()), child(path, e.getKey()));
                        if (f != null) {
                            return f;
                        }
                    }
                }
                return null;
            });
        }
        properties.put(name, schema);
        return this;
    }

    /** Replaces a property in place, as Nova's later microversions do with {@code schema['...'] = ...}. */
    Schema replaceProp(String name, Schema schema) {
        properties.put(name, schema);
        return this;
    }

    Schema removeProp(String name) {
        properties.remove(name);
        return this;
    }

    Schema patternProp(String regex, Schema schema) {
        if (patternProperties == null) {
            patternProperties = new LinkedHashMap<>();
            LinkedHashMap<String, Schema> pps = patternProperties;
            keywords.add((inst, path) -> {
                if (!(inst instanceof Map)) {
                    return null;
                }
                for (Map.Entry<String, Schema> e : pps.entrySet()) {
                    Pattern p = Pattern.compile(e.getKey());
                    for (Map.Entry<?, ?> kv : ((Map<?, ?>) inst).entrySet()) {
                        if (p.matcher((String) kv.getKey()).find()) {
                            Failure f = e.getValue().check(kv.getValue(), child(path, kv.getKey()));
                            if (f != null) {
                                return f;
                            }
                        }
                    }
                }
                return null;
            });
        }
        patternProperties.put(regex, schema);
        return this;
    }

    /** Required properties; the list is read at validation time so later versions may append. */
    Schema required(List<String> names) {
        keywords.add((inst, path) -> {
            if (!(inst instanceof Map)) {
                return null;
            }
            for (String n : names) {
                if (!((Map<?, ?>) inst).containsKey(n)) {
                    return fail(path, inst, PyJson.repr(n) + " is a required property");
                }
            }
            return null;
        });
        return this;
    }

    Schema noAdditionalProperties() {
        keywords.add((inst, path) -> {
            if (!(inst instanceof Map)) {
                return null;
            }
            List<String> extras = new ArrayList<>();
            for (Object k : ((Map<?, ?>) inst).keySet()) {
                String key = (String) k;
                if (properties != null && properties.containsKey(key)) {
                    continue;
                }
                boolean matched = false;
                if (patternProperties != null) {
                    for (String regex : patternProperties.keySet()) {
                        if (Pattern.compile(regex).matcher(key).find()) {
                            matched = true;
                            break;
                        }
                    }
                }
                if (!matched) {
                    extras.add(key);
                }
            }
            if (extras.isEmpty()) {
                return null;
            }
            if (patternProperties != null && !patternProperties.isEmpty()) {
                String joined = extras.stream().sorted().map(PyJson::repr).collect(Collectors.joining(", "));
                String patterns = patternProperties.keySet().stream()
                        .sorted()
                        .map(PyJson::repr)
                        .collect(Collectors.joining(", "));
                return fail(
                        path,
                        inst,
                        joined + (extras.size() == 1 ? " does" : " do") + " not match any of the regexes: " + patterns);
            }
            String joined = extras.stream().map(PyJson::repr).collect(Collectors.joining(", "));
            return fail(
                    path,
                    inst,
                    "Additional properties are not allowed (" + joined + (extras.size() == 1 ? " was" : " were")
                            + " unexpected)");
        });
        return this;
    }

    Schema items(Schema item) {
        keywords.add((inst, path) -> {
            if (!(inst instanceof List)) {
                return null;
            }
            List<?> l = (List<?>) inst;
            for (int i = 0; i < l.size(); i++) {
                Failure f = item.check(l.get(i), child(path, i));
                if (f != null) {
                    return f;
                }
            }
            return null;
        });
        return this;
    }

    Schema oneOf(Schema... options) {
        keywords.add((inst, path) -> {
            int matches = 0;
            for (Schema s : options) {
                if (s.check(inst, path) == null) {
                    matches++;
                }
            }
            if (matches == 0) {
                return fail(path, inst, PyJson.repr(inst) + " is not valid under any of the given schemas");
            }
            if (matches > 1) {
                return fail(path, inst, PyJson.repr(inst) + " is valid under each of the given schemas");
            }
            return null;
        });
        return this;
    }

    // --- format checkers, after Nova's nova/api/validation/validators.py

    static boolean validName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (Character.isWhitespace(s.codePointAt(0)) || Character.isSpaceChar(s.codePointAt(0))) {
            return false;
        }
        int last = s.codePointBefore(s.length());
        if (Character.isWhitespace(last) || Character.isSpaceChar(last)) {
            return false;
        }
        return s.codePoints().allMatch(Schema::printable);
    }

    private static boolean printable(int cp) {
        int t = Character.getType(cp);
        return t != Character.CONTROL
                && t != Character.FORMAT
                && t != Character.SURROGATE
                && t != Character.UNASSIGNED
                && t != Character.PRIVATE_USE
                && t != Character.LINE_SEPARATOR
                && t != Character.PARAGRAPH_SEPARATOR;
    }

    static boolean uuidLike(String s) {
        String v = s.toLowerCase(Locale.ROOT).replace("urn:", "").replace("uuid:", "");
        while (v.startsWith("{")) {
            v = v.substring(1);
        }
        while (v.endsWith("}")) {
            v = v.substring(0, v.length() - 1);
        }
        v = v.replace("-", "");
        return v.matches("[0-9a-f]{32}");
    }

    // Python's base64.b64decode without validate=True drops characters outside the alphabet first.
    static boolean base64(String s) {
        String filtered = s.replaceAll("[^A-Za-z0-9+/=]", "");
        try {
            Base64.getDecoder().decode(filtered);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean ipv6(String s) {
        if (!s.contains(":") || !s.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up
            return InetAddress.getByName("[" + s + "]").getAddress().length == 16;
        } catch (Exception e) {
            return false;
        }
    }
}
