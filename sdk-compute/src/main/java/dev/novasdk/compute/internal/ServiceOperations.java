package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceUpdate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Optional;

/** The compute service operations of Nova's API reference, each described once. */
final class ServiceOperations {
    static final Microversion BY_ID = Microversion.of(2, 53);
    private static final MicroversionRange BY_HOST = MicroversionRange.atMost(Microversion.of(2, 52));

    /** The services document; Nova does not page services. */
    record Page(@JsonProperty("services") List<Service> services) {}

    /** The body of the host-and-binary updates before 2.53. */
    record HostBinary(
            @JsonProperty("host") String host,
            @JsonProperty("binary") String binary,
            @JsonProperty("disabled_reason") String disabledReason,
            @JsonProperty("forced_down") Boolean forcedDown) {}

    static final ListOperation<Page, Service> LIST = ListOperation.of(
            Operation.of("services.list", HttpMethod.GET, "os-services").returns(document(Page.class)),
            p -> Pages.items(p.services()),
            p -> Optional.empty(),
            // Services of a down cell (2.69+) have no id; binary and host tell them apart.
            s -> s.id().orElse(s.binary() + "@" + s.host()));

    static final Operation<ServiceUpdate, Service> UPDATE = Operation.of(
                    "services.update", HttpMethod.PUT, "os-services/{id}")
            .sends(Bodies.<ServiceUpdate>json())
            .returns(member("service", Service.class))
            .servedIn(MicroversionRange.atLeast(BY_ID));

    static final Operation<HostBinary, Service> ENABLE = byHost("enable", BY_HOST);

    static final Operation<HostBinary, Service> DISABLE = byHost("disable", BY_HOST);

    static final Operation<HostBinary, Service> DISABLE_LOG_REASON = byHost("disable-log-reason", BY_HOST);

    static final Operation<HostBinary, Service> FORCE_DOWN =
            byHost("force-down", MicroversionRange.between(Microversion.of(2, 11), Microversion.of(2, 52)));

    static final Operation<Void, Void> DELETE = Operation.of("services.delete", HttpMethod.DELETE, "os-services/{id}");

    private ServiceOperations() {}

    private static Operation<HostBinary, Service> byHost(String action, MicroversionRange versions) {
        return Operation.of("services." + action, HttpMethod.PUT, "os-services/" + action)
                .sends(Bodies.<HostBinary>json())
                .returns(member("service", Service.class))
                .servedIn(versions);
    }
}
