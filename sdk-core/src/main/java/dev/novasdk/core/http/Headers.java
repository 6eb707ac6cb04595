package dev.novasdk.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Immutable, case-insensitive, multi-valued HTTP headers. Names keep the spelling they were first added
 * with; lookups ignore case. Iteration follows insertion order.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Collections.emptyMap());

    // Keyed by lower-cased name; each entry keeps the original spelling for the wire and for logs.
    private final Map<String, Entry> entries;

    private Headers(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Headers with no entries. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code Headers.of("Accept", "application/json")}.
     *
     * @throws IllegalArgumentException when the number of arguments is odd
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must alternate names and values, got an odd count");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** A builder for new headers. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these headers. */
    public Builder toBuilder() {
        Builder b = new Builder();
        entries.values().forEach(e -> e.values.forEach(v -> b.add(e.name, v)));
        return b;
    }

    /** The first value of the header, or empty when absent. */
    public Optional<String> firstValue(String name) {
        Entry e = entries.get(key(name));
        return e == null ? Optional.empty() : Optional.of(e.values.get(0));
    }

    /** All values of the header in the order they were added; empty when absent. */
    public List<String> values(String name) {
        Entry e = entries.get(key(name));
        return e == null ? List.of() : e.values;
    }

    /** Whether the header is present. */
    public boolean contains(String name) {
        return entries.containsKey(key(name));
    }

    /** The header names, as first spelled, in insertion order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        entries.values().forEach(e -> names.add(e.name));
        return Collections.unmodifiableList(names);
    }

    /** Calls the action once per value, with the name as first spelled. */
    public void forEach(BiConsumer<String, String> action) {
        entries.values().forEach(e -> e.values.forEach(v -> action.accept(e.name, v)));
    }

    /** Number of distinct header names. */
    public int size() {
        return entries.size();
    }

    /** Whether there are no headers. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** New headers where {@code name} has exactly the one value given. */
    public Headers with(String name, String value) {
        // Filters call this several times per request: copy the validated entries and replace one, rather
        // than rebuilding (and re-validating) every header.
        String k = key(name);
        Builder.validateName(name);
        Builder.validateValue(name, value);
        Map<String, Entry> copy = new LinkedHashMap<>(entries.size() * 2 + 2);
        copy.putAll(entries);
        Entry old = copy.get(k);
        copy.put(k, new Entry(old != null ? old.name : name, List.of(value)));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** New headers without {@code name}. */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        return toBuilder().remove(name).build();
    }

    /** A read-only view as a map from name (first spelling) to values. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.name, e.values));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Headers)) {
            return false;
        }
        Headers other = (Headers) o;
        if (entries.size() != other.entries.size()) {
            return false;
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry theirs = other.entries.get(e.getKey());
            if (theirs == null || !theirs.values.equals(e.getValue().values)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            h += e.getKey().hashCode() ^ e.getValue().values.hashCode();
        }
        return h;
    }

    /** Names and values as sent; callers that log headers must redact them first (see the logging filter). */
    @Override
    public String toString() {
        return toMap().toString();
    }

    private static String key(String name) {
        return Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    }

    private static final class Entry {
        final String name;
        final List<String> values;

        Entry(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }
    }

    /** Mutable builder of {@link Headers}; not thread-safe, never shared. */
    public static final class Builder {
        private final Map<String, String> spelling = new LinkedHashMap<>();
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {}

        /** Adds one value, keeping existing values of the same name. */
        public Builder add(String name, String value) {
            String k = key(name);
            validateName(name);
            validateValue(name, value);
            spelling.putIfAbsent(k, name);
            values.computeIfAbsent(k, x -> new ArrayList<>(1)).add(value);
            return this;
        }

        /** Replaces every value of the header with this one. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes the header. */
        public Builder remove(String name) {
            String k = key(name);
            spelling.remove(k);
            values.remove(k);
            return this;
        }

        /** Adds every value of the given headers. */
        public Builder addAll(Headers headers) {
            headers.forEach(this::add);
            return this;
        }

        /** Immutable headers; later changes to this builder do not affect them. */
        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            Map<String, Entry> map = new LinkedHashMap<>(values.size() * 2);
            values.forEach((k, v) -> map.put(k, new Entry(spelling.get(k), List.copyOf(v))));
            return new Headers(Collections.unmodifiableMap(map));
        }

        static void validateValue(String name, String value) {
            Objects.requireNonNull(value, () -> "value of header " + name);
            // A CR or LF would let a value smuggle in another header or end the header block.
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("value of header '" + name + "' contains CR or LF");
            }
        }

        static void validateName(String name) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("header name must not be empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || c == ':') {
                    throw new IllegalArgumentException("header name '" + name + "' contains an illegal character");
                }
            }
        }
    }
}
