package dev.novasdk.compute.services;

import dev.novasdk.core.paging.PagedIterable;

/**
 * Compute services (admin): list, enable, disable, force down, update and delete. Nova lets only
 * {@code nova-compute} services be changed; others answer 400 "Updating a nova-conductor service is not
 * supported. Only nova-compute services can be updated.". From microversion 2.53 a service is changed by its
 * UUID ({@code PUT /os-services/{id}}); before, by host and binary ({@code PUT /os-services/disable}, ...):
 * the methods taking a {@link Service} pick the form the client's microversion serves. A non-admin gets
 * {@link dev.novasdk.core.error.ForbiddenException} with Nova's policy message. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#services()}.
 *
 * <pre>{@code
 * Service compute = nova.services().list(ServiceListOptions.builder().binary("nova-compute").build())
 *         .stream().findFirst().orElseThrow();
 * nova.services().disable(compute, "maintenance");
 * }</pre>
 */
public interface ServiceManager {
    /** The services matching the filters (one page: Nova does not page services). */
    PagedIterable<Service> list(ServiceListOptions options);

    /** Every service. */
    default PagedIterable<Service> list() {
        return list(ServiceListOptions.defaults());
    }

    /**
     * Enables the service. Before 2.53 Nova answers only binary, host and status; the result is then
     * {@code service} with those applied.
     */
    Service enable(Service service);

    /** Disables the service without a reason. */
    Service disable(Service service);

    /** Disables the service, recording why (1-255 characters). */
    Service disable(Service service, String reason);

    /** Sets or clears the forced-down flag (microversion 2.11+). */
    Service forceDown(Service service, boolean forcedDown);

    /**
     * Updates the service by its UUID (microversion 2.53+).
     *
     * @throws dev.novasdk.core.error.BadRequestException for a service other than nova-compute
     * @throws dev.novasdk.core.error.NotFoundException when there is no such service
     */
    Service update(String id, ServiceUpdate update);

    /**
     * Deletes the service record (a UUID from 2.53, an integer id before).
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    void delete(String id);
}
