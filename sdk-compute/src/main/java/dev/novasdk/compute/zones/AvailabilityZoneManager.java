package dev.novasdk.compute.zones;

import java.util.List;
import java.util.Optional;

/**
 * Availability zones ({@code os-availability-zone}). Nova does not page them. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#availabilityZones()}.
 */
public interface AvailabilityZoneManager {
    /** The zones servers can be booted in, without hosts. */
    List<AvailabilityZone> list();

    /**
     * Every zone with its hosts and their services, the {@code internal} zone of the control services
     * included (admin).
     *
     * @throws dev.novasdk.core.error.ForbiddenException for a non-admin caller, with Nova's policy message
     */
    List<AvailabilityZone> listDetailed();

    /** The zone with exactly this name among {@link #list()}, or empty. */
    Optional<AvailabilityZone> find(String name);
}
