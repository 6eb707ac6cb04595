package dev.novasdk.core.http;

import dev.novasdk.core.internal.SecretKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
    private static final Entry[] NO_ENTRIES = new Entry[0];
    private static final Headers EMPTY = new Headers(NO_ENTRIES);

    // In insertion order, one entry per name (case-insensitively), each keeping its first spelling for the
    // wire and for logs. A request or response has a dozen headers at most, so a scan with equalsIgnoreCase
    // beats hashing a lower-cased copy of the name, which every lookup used to allocate; and adding one header
    // to a request (filters do, five times per request) copies one small array.
    private final Entry[] entries;
    // The outcome of the latest with(name, value) on these headers. Filters add the same headers with the same
    // values to nearly every request (user agent, Accept, microversion), each to the result of the previous
    // one, starting from the shared empty headers; remembering one step per instance turns those five copies
    // per request into lookups. Immutable, so a racing replacement is harmless.
    private volatile With memo;

    private Headers(Entry[] entries) {
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
        for (Entry e : entries) {
            e.forEachValue(b::add);
        }
        return b;
    }

    /** The first value of the header, or empty when absent. */
    public Optional<String> firstValue(String name) {
        Entry e = find(entries, entries.length, name);
        return e == null ? Optional.empty() : Optional.of(e.first);
    }

    /** All values of the header in the order they were added; empty when absent. */
    public List<String> values(String name) {
        Entry e = find(entries, entries.length, name);
        return e == null ? List.of() : e.values();
    }

    /** Whether the header is present. */
    public boolean contains(String name) {
        return find(entries, entries.length, name) != null;
    }

    /** The header names, as first spelled, in insertion order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            names.add(e.name);
        }
        return Collections.unmodifiableList(names);
    }

    /** Calls the action once per value, with the name as first spelled. */
    public void forEach(BiConsumer<String, String> action) {
        for (Entry e : entries) {
            e.forEachValue(action);
        }
    }

    /** Number of distinct header names. */
    public int size() {
        return entries.length;
    }

    /** Whether there are no headers. */
    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** New headers where {@code name} has exactly the one value given. */
    public Headers with(String name, String value) {
        With m = memo;
        if (m != null && m.name.equals(name) && m.value.equals(value)) {
            return m.result;
        }
        Objects.requireNonNull(name, "name");
        Builder.validateName(name);
        Builder.validateValue(name, value);
        Headers result = null;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].name.equalsIgnoreCase(name)) {
                Entry[] copy = entries.clone();
                copy[i] = new Entry(entries[i].name, value, null);
                result = new Headers(copy);
                break;
            }
        }
        if (result == null) {
            Entry[] copy = Arrays.copyOf(entries, entries.length + 1);
            copy[entries.length] = new Entry(name, value, null);
            result = new Headers(copy);
        }
        // Credentials are not remembered: the memo of the shared empty headers lives as long as the class, and
        // a token must not stay reachable from there after its client is gone.
        if (!SecretKeys.isSecretHeader(name)) {
            memo = new With(name, value, result);
        }
        return result;
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
        for (Entry e : entries) {
            map.put(e.name, e.values());
        }
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
        if (entries.length != other.entries.length) {
            return false;
        }
        for (Entry e : entries) {
            Entry theirs = find(other.entries, other.entries.length, e.name);
            if (theirs == null || !theirs.values().equals(e.values())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Entry e : entries) {
            h += key(e.name).hashCode() ^ e.values().hashCode();
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

    private static Entry find(Entry[] entries, int size, String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < size; i++) {
            Entry e = entries[i];
            if (e.name.equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    // A name with one value keeps it in first and no list: nearly every header has one value, and a list per
    // header of every request and response was a third of what converting them allocated.
    private static final class Entry {
        final String name;
        final String first;
        final List<String> more; // every value, first included, when there are several; else null

        Entry(String name, String first, List<String> more) {
            this.name = name;
            this.first = first;
            this.more = more;
        }

        List<String> values() {
            return more != null ? more : List.of(first);
        }

        void forEachValue(BiConsumer<String, String> action) {
            if (more == null) {
                action.accept(name, first);
            } else {
                for (String v : more) {
                    action.accept(name, v);
                }
            }
        }
    }

    private static final class With {
        final String name;
        final String value;
        final Headers result;

        With(String name, String value, Headers result) {
            this.name = name;
            this.value = value;
            this.result = result;
        }
    }

    /** Mutable builder of {@link Headers}; not thread-safe, never shared. */
    public static final class Builder {
        // Names by first spelling, in insertion order, and their values; a value list is a List.of of one
        // value until a second value of the name is added.
        private static final int INDEX_FROM = 32;

        // Allocated on the first add: every request builder has a headers builder, and most requests get their
        // headers from filters instead. Sixteen fit a response's head (a service sends nine to twelve fields)
        // without growing.
        private Entry[] entries = NO_ENTRIES;
        private int size;
        // Lower-cased name -> position, once there are INDEX_FROM names.
        private Map<String, Integer> index;

        private Builder() {}

        /** Adds one value, keeping existing values of the same name. */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            validateName(name);
            validateValue(name, value);
            int i = indexOf(name);
            if (i >= 0) {
                Entry e = entries[i];
                if (e.more != null) {
                    e.more.add(value); // an ArrayList of this builder's own, replaced by a copy in build()
                } else {
                    List<String> values = new ArrayList<>(4);
                    values.add(e.first);
                    values.add(value);
                    entries[i] = new Entry(e.name, e.first, values);
                }
                return this;
            }
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size == 0 ? 16 : size * 2);
            }
            if (index != null) {
                index.put(key(name), size);
            } else if (size == INDEX_FROM) {
                // Many names (a response flooding headers): a scan per added name would go quadratic.
                index = new HashMap<>();
                for (int j = 0; j < size; j++) {
                    index.put(key(entries[j].name), j);
                }
                index.put(key(name), size);
            }
            entries[size++] = new Entry(name, value, null);
            return this;
        }

        private int indexOf(String name) {
            if (index != null) {
                Integer i = index.get(key(name));
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (entries[i].name.equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Replaces every value of the header with this one. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes the header. */
        public Builder remove(String name) {
            Objects.requireNonNull(name, "name");
            int i = indexOf(name);
            if (i >= 0) {
                System.arraycopy(entries, i + 1, entries, i, size - i - 1);
                entries[--size] = null;
                if (index != null) {
                    index = null; // rebuilt by the next add past the threshold
                    if (size > INDEX_FROM) {
                        index = new HashMap<>();
                        for (int j = 0; j < size; j++) {
                            index.put(key(entries[j].name), j);
                        }
                    }
                }
            }
            return this;
        }

        /** Adds every value of the given headers. */
        public Builder addAll(Headers headers) {
            headers.forEach(this::add);
            return this;
        }

        /** Immutable headers; later changes to this builder do not affect them. */
        public Headers build() {
            if (size == 0) {
                return EMPTY;
            }
            Entry[] out = Arrays.copyOf(entries, size);
            for (int i = 0; i < size; i++) {
                Entry e = out[i];
                if (e.more != null) {
                    out[i] = new Entry(e.name, e.first, List.copyOf(e.more));
                }
            }
            return new Headers(out);
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
