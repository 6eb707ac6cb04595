package dev.novasdk.compute.zones;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AvailabilityZoneManager} without blocking: the same requests, with futures failed by the exceptions
 * the blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#availabilityZones()}.
 */
public interface AvailabilityZoneAsyncManager {
    /** {@link AvailabilityZoneManager#list}: completes with the zones servers can be booted in. */
    CompletableFuture<List<AvailabilityZone>> list();

    /** {@link AvailabilityZoneManager#listDetailed}: completes with every zone, hosts included (admin). */
    CompletableFuture<List<AvailabilityZone>> listDetailed();

    /** {@link AvailabilityZoneManager#find}: completes with the zone with exactly this name, or empty. */
    CompletableFuture<Optional<AvailabilityZone>> find(String name);
}
