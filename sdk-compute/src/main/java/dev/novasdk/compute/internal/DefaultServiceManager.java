package dev.novasdk.compute.internal;

import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceListOptions;
import dev.novasdk.compute.services.ServiceManager;
import dev.novasdk.compute.services.ServiceStatus;
import dev.novasdk.compute.services.ServiceUpdate;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;

/** {@link ServiceManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultServiceManager implements ServiceManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultServiceManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Service> list(ServiceListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(ServiceOperations.LIST, Call.to().query(options.query()));
    }

    @Override
    public Service enable(Service service) {
        return change(Change.enable(service));
    }

    @Override
    public Service disable(Service service) {
        return change(Change.disable(service));
    }

    @Override
    public Service disable(Service service, String reason) {
        return change(Change.disable(service, reason));
    }

    @Override
    public Service forceDown(Service service, boolean forcedDown) {
        return change(Change.forceDown(service, forcedDown));
    }

    @Override
    public Service update(String id, ServiceUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(ServiceOperations.UPDATE, Call.to(id).body(update));
    }

    @Override
    public void delete(String id) {
        executor.call(ServiceOperations.DELETE, Call.to(id));
    }

    private Service change(Change change) {
        if (change.byId(executor.versions().current())) {
            return update(change.id(), change.update());
        }
        return change.merged(executor.call(change.byHost(), Call.with(change.body())));
    }

    /**
     * One change of a service in both forms: from 2.53 a service is addressed by its UUID; before, by host and
     * binary, and Nova answers only the fields it changed, which are applied to the service the caller passed.
     * Built before sending, so a bad argument fails in both forms. Shared with DefaultServiceAsyncManager.
     */
    record Change(
            Service service,
            ServiceUpdate update,
            Operation<ServiceOperations.HostBinary, Service> byHost,
            ServiceOperations.HostBinary body) {
        static Change enable(Service service) {
            return new Change(
                    service,
                    ServiceUpdate.builder().status(ServiceStatus.ENABLED).build(),
                    ServiceOperations.ENABLE,
                    hostBinary(service, null, null));
        }

        static Change disable(Service service) {
            return new Change(
                    service,
                    ServiceUpdate.builder().status(ServiceStatus.DISABLED).build(),
                    ServiceOperations.DISABLE,
                    hostBinary(service, null, null));
        }

        static Change disable(Service service, String reason) {
            Objects.requireNonNull(reason, "reason");
            ServiceUpdate update = ServiceUpdate.builder()
                    .status(ServiceStatus.DISABLED)
                    .disabledReason(reason)
                    .build();
            return new Change(service, update, ServiceOperations.DISABLE_LOG_REASON, hostBinary(service, reason, null));
        }

        static Change forceDown(Service service, boolean forcedDown) {
            return new Change(
                    service,
                    ServiceUpdate.builder().forcedDown(forcedDown).build(),
                    ServiceOperations.FORCE_DOWN,
                    hostBinary(service, null, forcedDown));
        }

        boolean byId(Microversion current) {
            return current.isAtLeast(ServiceOperations.BY_ID);
        }

        String id() {
            return service.id()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "service has no id: from microversion 2.53 Nova updates a service by its UUID"));
        }

        Service merged(Service answer) {
            Service.Builder merged = service.toBuilder();
            answer.statusRaw().ifPresent(merged::statusRaw);
            answer.forcedDown().ifPresent(merged::forcedDown);
            if (answer.statusRaw().isPresent()) {
                merged.disabledReason(answer.disabledReason());
            }
            return merged.build();
        }

        private static ServiceOperations.HostBinary hostBinary(Service service, String reason, Boolean forcedDown) {
            Objects.requireNonNull(service, "service");
            return new ServiceOperations.HostBinary(service.host(), service.binary(), reason, forcedDown);
        }
    }
}
