package dev.novasdk.compute.internal;

import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.SortKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the query parameters of a listing, in the order they are added, with one spelling for each kind of
 * value: enums as their wire value, instants in ISO-8601 UTC, numbers in decimal. Used by the list options of
 * every resource. Not API.
 */
public final class ListQuery {
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private ListQuery() {}

    /**
     * Refuses a {@code changes-since} later than {@code changes-before}, which Nova answers with a 400 ("The
     * value of changes-since must be less than or equal to changes-before.").
     *
     * @throws IllegalArgumentException naming both fields
     */
    public static void checkChangesWindow(Optional<Instant> changesSince, Optional<Instant> changesBefore) {
        if (changesSince.isPresent()
                && changesBefore.isPresent()
                && changesSince.get().isAfter(changesBefore.get())) {
            throw new IllegalArgumentException("changesSince must not be after changesBefore");
        }
    }

    /** An empty query. */
    public static ListQuery create() {
        return new ListQuery();
    }

    /** {@code name=value} unless the value is null. */
    public ListQuery add(String name, Object valueOrNull) {
        if (valueOrNull != null) {
            params.put(name, List.of(text(valueOrNull)));
        }
        return this;
    }

    /** {@code name=value} when {@code condition} holds. */
    public ListQuery addIf(boolean condition, String name, String value) {
        if (condition) {
            params.put(name, List.of(value));
        }
        return this;
    }

    /** {@code name=a&name=b} for each value, when there are any. */
    public ListQuery addEach(String name, List<String> values) {
        if (!values.isEmpty()) {
            params.put(name, List.copyOf(values));
        }
        return this;
    }

    /** {@code name=a,b}, when there are values. */
    public ListQuery addJoined(String name, List<String> values) {
        if (!values.isEmpty()) {
            params.put(name, List.of(String.join(",", values)));
        }
        return this;
    }

    /** {@code sort_key=k1&sort_key=k2&sort_dir=d1&sort_dir=d2}, when there are keys. */
    public ListQuery sort(List<SortKey> keys) {
        if (!keys.isEmpty()) {
            List<String> names = new ArrayList<>(keys.size());
            List<String> directions = new ArrayList<>(keys.size());
            for (SortKey k : keys) {
                names.add(k.key());
                directions.add(k.direction().value());
            }
            params.put("sort_key", List.copyOf(names));
            params.put("sort_dir", List.copyOf(directions));
        }
        return this;
    }

    /** {@code limit} and {@code marker}, which every listing takes last. */
    public ListQuery page(ListOptions options) {
        return add("limit", options.limit().orElse(null))
                .add("marker", options.marker().orElse(null));
    }

    /** The parameters, unmodifiable, in the order added. */
    public Map<String, List<String>> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    private static String text(Object value) {
        if (value instanceof ApiEnum) {
            return ((ApiEnum) value).value();
        }
        if (value instanceof Instant) {
            return DateTimeFormatter.ISO_INSTANT.format((Instant) value);
        }
        return value.toString();
    }
}
