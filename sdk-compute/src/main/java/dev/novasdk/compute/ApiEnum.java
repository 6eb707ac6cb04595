package dev.novasdk.compute;

/**
 * An enum whose members stand for the values of a closed set an OpenStack API sends or accepts, each with
 * its spelling on the wire. Enums of values the cloud sends also have an {@code UNKNOWN} member that a value
 * this SDK does not know reads as, and the model that holds one keeps the raw string in a second accessor
 * ({@code Server.status()} and {@code Server.statusRaw()}), because clouds and newer releases add values.
 */
public interface ApiEnum {
    /** The value as the API spells it ({@code ACTIVE}, {@code shelved_offloaded}, {@code asc}, ...). */
    String value();
}
