package dev.novasdk.compute.migrations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/** The kind of a migration record ({@code migration_type}, 2.23+). Values this SDK does not know read as {@link #UNKNOWN}. */
public enum MigrationType implements ApiEnum {
    /** A cold migration. */
    MIGRATION("migration"),
    /** A resize. */
    RESIZE("resize"),
    /** A live migration. */
    LIVE_MIGRATION("live-migration"),
    /** An evacuation. */
    EVACUATION("evacuation"),
    /** A value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("UNKNOWN");

    private static final ApiEnums<MigrationType> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    MigrationType(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static MigrationType fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
