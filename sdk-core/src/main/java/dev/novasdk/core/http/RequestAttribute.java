package dev.novasdk.core.http;

import java.util.Objects;

/**
 * A typed key for per-request data that filters read but that is not sent on the wire, such as the
 * microversion chosen for one request. Keys compare by identity; declare them as constants.
 *
 * @param <T> the type of the value
 */
public final class RequestAttribute<T> {
    private final String name;
    private final Class<T> type;

    private RequestAttribute(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A new key; {@code name} is only for diagnostics. */
    public static <T> RequestAttribute<T> of(String name, Class<T> type) {
        return new RequestAttribute<>(name, type);
    }

    /** The name given at creation. */
    public String name() {
        return name;
    }

    T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
