package dev.novasdk.core.internal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A status enum with the SDK's {@code UNKNOWN} member for values clouds add. */
enum SampleStatus {
    ACTIVE,
    BUILD,
    ERROR,
    @JsonEnumDefaultValue
    UNKNOWN
}
