package dev.novasdk.compute.servers;

/**
 * The order of a sort key in a server listing.
 */
public enum SortDirection {
    /** Ascending. */
    ASC,
    /** Descending (Nova's default). */
    DESC
}
