package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.core.http.HttpMethod;
import java.util.Map;

/** The flavor operations of Nova's API reference, each described once. */
final class FlavorOperations {
    static final Operation<Void, Flavor> GET = Operation.of("flavors.get", HttpMethod.GET, "flavors/{id}")
            .returns(member("flavor", Flavor.class))
            .absentWhen(404, 400);

    static final ListOperation<FlavorListDocument, Flavor> LIST = list("flavors");

    static final ListOperation<FlavorListDocument, Flavor> LIST_DETAIL = list("flavors/detail");

    @SuppressWarnings("rawtypes")
    static final Operation<Void, Map> EXTRA_SPECS = Operation.of(
                    "flavors.extraSpecs", HttpMethod.GET, "flavors/{id}/os-extra_specs")
            .returns(member("extra_specs", Map.class));

    static final Operation<FlavorCreate, Flavor> CREATE = Operation.of("flavors.create", HttpMethod.POST, "flavors")
            .sends(member("flavor"), FlavorCreate::versionRequirements)
            .returns(member("flavor", Flavor.class));

    static final Operation<Void, Void> DELETE = Operation.of("flavors.delete", HttpMethod.DELETE, "flavors/{id}");

    private FlavorOperations() {}

    private static ListOperation<FlavorListDocument, Flavor> list(String path) {
        return ListOperation.of(
                Operation.of("flavors.list", HttpMethod.GET, path).returns(document(FlavorListDocument.class)),
                FlavorListDocument::flavors,
                FlavorListDocument::nextHref,
                Flavor::id);
    }
}
