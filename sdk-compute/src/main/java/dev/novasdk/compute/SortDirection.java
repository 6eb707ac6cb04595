package dev.novasdk.compute;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The order of a sort key in a listing ({@code sort_dir}), shared by servers, flavors and images.
 */
public enum SortDirection implements ApiEnum {
    /** Ascending. */
    ASC,
    /** Descending (the default of nova's server listing and of glance). */
    DESC;

    /** {@code asc} or {@code desc}. */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
