package dev.novasdk.compute.services;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ServiceManager} without blocking (admin): the same requests, in the form the client's microversion
 * serves, with futures failed by the exceptions the blocking methods throw (a bad argument included).
 * Thread-safe; get it from {@link dev.novasdk.compute.ComputeAsyncClient#services()}.
 */
public interface ServiceAsyncManager {
    /** {@link ServiceManager#list(ServiceListOptions)}: the matching services, as one page. */
    PagedPublisher<Service> list(ServiceListOptions options);

    /** {@link ServiceManager#list()}: every service. */
    default PagedPublisher<Service> list() {
        return list(ServiceListOptions.defaults());
    }

    /** {@link ServiceManager#enable}: completes with the service as enabled. */
    CompletableFuture<Service> enable(Service service);

    /** {@link ServiceManager#disable(Service)}: completes with the service as disabled. */
    CompletableFuture<Service> disable(Service service);

    /** {@link ServiceManager#disable(Service, String)}: completes with the service as disabled, with the reason. */
    CompletableFuture<Service> disable(Service service, String reason);

    /** {@link ServiceManager#forceDown}: completes with the service with the flag set (2.11+). */
    CompletableFuture<Service> forceDown(Service service, boolean forcedDown);

    /** {@link ServiceManager#update}: completes with the updated service (2.53+). */
    CompletableFuture<Service> update(String id, ServiceUpdate update);

    /** {@link ServiceManager#delete}: completes once the service record is deleted. */
    CompletableFuture<Void> delete(String id);
}
