package dev.novasdk.compute.hypervisors;

import dev.novasdk.core.paging.PagedIterable;
import java.util.List;
import java.util.Optional;

/**
 * Hypervisors (admin): list, show, search by host name, the servers on them, and, until microversion 2.87,
 * statistics and uptime. Ids are integers before 2.53 and UUIDs from 2.53. A non-admin gets
 * {@link dev.novasdk.core.error.ForbiddenException} with Nova's policy message ("Policy doesn't allow
 * os_compute_api:os-hypervisors:list to be performed."). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#hypervisors()}.
 *
 * <pre>{@code
 * for (Hypervisor h : nova.hypervisors().list()) {
 *     System.out.println(h.hypervisorHostname() + " " + h.state());
 * }
 * }</pre>
 */
public interface HypervisorManager {
    /** A lazy listing; {@link HypervisorListOptions#limit()} is the page size (2.33+). */
    PagedIterable<Hypervisor> list(HypervisorListOptions options);

    /** Every hypervisor, in detail. */
    default PagedIterable<Hypervisor> list() {
        return list(HypervisorListOptions.defaults());
    }

    /**
     * The hypervisor with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     * @throws dev.novasdk.core.error.BadRequestException for an id that is not a UUID (2.53+)
     */
    Hypervisor get(String id);

    /**
     * The hypervisor with this id, else the one whose host name is exactly {@code nameOrId}.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several hypervisors have the name
     */
    Optional<Hypervisor> find(String nameOrId);

    /**
     * The hypervisors whose host name contains {@code pattern}, in summary: {@code hypervisor_hostname_pattern}
     * from 2.53, {@code /os-hypervisors/{pattern}/search} before.
     *
     * @throws dev.novasdk.core.error.NotFoundException when none matches (Nova's "No hypervisor matching
     *         'x' could be found.")
     */
    List<Hypervisor> search(String pattern);

    /**
     * The hypervisors whose host name contains {@code pattern}, each with its servers: {@code with_servers}
     * from 2.53, {@code /os-hypervisors/{pattern}/servers} before (where a hypervisor without servers has an
     * empty {@link Hypervisor#servers()}).
     *
     * @throws dev.novasdk.core.error.NotFoundException when none matches
     */
    List<Hypervisor> servers(String pattern);

    /** The capacity and usage of every hypervisor added up (served until microversion 2.87). */
    HypervisorStatistics statistics();

    /**
     * The hypervisor's summary with its {@link Hypervisor#uptime()} (served until microversion 2.87; from 2.88
     * the detail carries the uptime).
     *
     * @throws dev.novasdk.core.error.ApiException with status 501 when the driver cannot tell (as the fake
     *         driver answers)
     */
    Hypervisor uptime(String id);
}
