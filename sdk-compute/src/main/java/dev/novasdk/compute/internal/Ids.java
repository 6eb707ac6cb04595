package dev.novasdk.compute.internal;

import java.util.Objects;

/** The one check of an id (or other path value) a caller passes. Not API. */
public final class Ids {
    private Ids() {}

    /**
     * {@code value}, when it is usable as a path segment.
     *
     * @throws NullPointerException naming {@code name} when the value is null
     * @throws IllegalArgumentException naming {@code name} when the value is blank
     */
    public static String require(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** {@link #require(String, String)} for a resource id. */
    public static String require(String id) {
        return require("id", id);
    }
}
