package dev.novasdk.compute.internal;

import dev.novasdk.compute.ApiEnum;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one mapping from wire values to the members of {@link ApiEnum} enums: exact spelling first, then
 * ignoring case and surrounding blanks (nova's image proxy upper-cases what glance sends in lower case), and
 * the enum's unknown member for anything else, null included. Not API.
 *
 * @param <E> the enum
 */
public final class ApiEnums<E extends Enum<E> & ApiEnum> {
    private final Map<String, E> exact;
    private final Map<String, E> folded;
    private final E unknown;

    private ApiEnums(E[] members, E unknown) {
        Map<String, E> e = new HashMap<>();
        Map<String, E> f = new HashMap<>();
        for (E member : members) {
            e.put(member.value(), member);
            if (f.put(fold(member.value()), member) != null) {
                throw new IllegalArgumentException(member.getDeclaringClass().getSimpleName()
                        + " has values that differ only in case: " + member.value());
            }
        }
        this.exact = Map.copyOf(e);
        this.folded = Map.copyOf(f);
        this.unknown = unknown;
    }

    /**
     * The lookup of an enum's {@code values()}; {@code unknown} is what unmatched values read as. Build it once,
     * in a static field of the enum.
     */
    public static <E extends Enum<E> & ApiEnum> ApiEnums<E> of(E[] members, E unknown) {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(unknown, "unknown");
        return new ApiEnums<>(members.clone(), unknown);
    }

    /** The member whose {@link ApiEnum#value()} is {@code value}, ignoring case; the unknown member otherwise. */
    public E fromValue(String value) {
        if (value == null) {
            return unknown;
        }
        E member = exact.get(value);
        if (member == null) {
            member = folded.get(fold(value));
        }
        return member == null ? unknown : member;
    }

    private static String fold(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
