package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.hypervisors.HypervisorStatistics;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;

/** The hypervisor operations of Nova's API reference, each described once. */
final class HypervisorOperations {
    static final Microversion UUID_IDS = Microversion.of(2, 53);
    private static final MicroversionRange BEFORE_UUIDS = MicroversionRange.atMost(Microversion.of(2, 52));
    private static final MicroversionRange UNTIL_2_87 = MicroversionRange.atMost(Microversion.of(2, 87));

    /** One page of a hypervisor listing. */
    record Page(
            @JsonProperty("hypervisors") List<Hypervisor> hypervisors,
            @JsonProperty("hypervisors_links") List<Link> links) {}

    static final ListOperation<Page, Hypervisor> LIST = list("os-hypervisors");

    static final ListOperation<Page, Hypervisor> LIST_DETAIL = list("os-hypervisors/detail");

    // 400 as well as 404 means "not an id" to find(): from 2.53 Nova refuses ids that are not UUIDs.
    static final Operation<Void, Hypervisor> GET = Operation.of(
                    "hypervisors.get", HttpMethod.GET, "os-hypervisors/{id}")
            .returns(member("hypervisor", Hypervisor.class))
            .absentWhen(404, 400);

    static final Operation<Void, Page> SEARCH_PATH = Operation.of(
                    "hypervisors.search", HttpMethod.GET, "os-hypervisors/{pattern}/search")
            .returns(document(Page.class))
            .servedIn(BEFORE_UUIDS);

    static final Operation<Void, Page> SERVERS_PATH = Operation.of(
                    "hypervisors.servers", HttpMethod.GET, "os-hypervisors/{pattern}/servers")
            .returns(document(Page.class))
            .servedIn(BEFORE_UUIDS);

    static final Operation<Void, HypervisorStatistics> STATISTICS = Operation.of(
                    "hypervisors.statistics", HttpMethod.GET, "os-hypervisors/statistics")
            .returns(member("hypervisor_statistics", HypervisorStatistics.class))
            .servedIn(UNTIL_2_87);

    static final Operation<Void, Hypervisor> UPTIME = Operation.of(
                    "hypervisors.uptime", HttpMethod.GET, "os-hypervisors/{id}/uptime")
            .returns(member("hypervisor", Hypervisor.class))
            .servedIn(UNTIL_2_87);

    private HypervisorOperations() {}

    private static ListOperation<Page, Hypervisor> list(String path) {
        return ListOperation.of(
                Operation.of("hypervisors.list", HttpMethod.GET, path).returns(document(Page.class)),
                p -> Pages.items(p.hypervisors()),
                p -> Pages.next(p.links()),
                Hypervisor::id);
    }
}
