package dev.novasdk.compute.internal;

import dev.novasdk.compute.zones.AvailabilityZone;
import dev.novasdk.compute.zones.AvailabilityZoneManager;
import dev.novasdk.core.http.HttpMethod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link AvailabilityZoneManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultAvailabilityZoneManager implements AvailabilityZoneManager {
    static final Operation<Void, List<AvailabilityZone>> LIST = list("os-availability-zone");

    static final Operation<Void, List<AvailabilityZone>> LIST_DETAIL = list("os-availability-zone/detail");

    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultAvailabilityZoneManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public List<AvailabilityZone> list() {
        return executor.call(LIST, Call.to());
    }

    @Override
    public List<AvailabilityZone> listDetailed() {
        return executor.call(LIST_DETAIL, Call.to());
    }

    @Override
    public Optional<AvailabilityZone> find(String name) {
        Ids.require("name", name);
        return named(list(), name);
    }

    // Shared with DefaultAvailabilityZoneAsyncManager.
    static Optional<AvailabilityZone> named(List<AvailabilityZone> zones, String name) {
        return zones.stream().filter(z -> z.zoneName().equals(name)).findFirst();
    }

    private static Operation<Void, List<AvailabilityZone>> list(String path) {
        return Operation.of("availabilityZones.list", HttpMethod.GET, path)
                .returns((codec, request, response) ->
                        List.of(codec.decode(request, response, "availabilityZoneInfo", AvailabilityZone[].class)));
    }
}
