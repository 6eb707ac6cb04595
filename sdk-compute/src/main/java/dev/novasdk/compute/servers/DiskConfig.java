package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the root disk is partitioned ({@code OS-DCF:diskConfig}).
 */
public enum DiskConfig {
    /** The root partition is expanded to fill the disk. */
    @JsonProperty("AUTO")
    AUTO,
    /** The partition layout of the image is kept. */
    @JsonProperty("MANUAL")
    MANUAL,
    /** A value this SDK does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN
}
