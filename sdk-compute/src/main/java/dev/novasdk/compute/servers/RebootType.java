package dev.novasdk.compute.servers;

/**
 * How to reboot a server.
 */
public enum RebootType {
    /** Ask the guest OS to restart. */
    SOFT,
    /** Power-cycle the instance. */
    HARD
}
