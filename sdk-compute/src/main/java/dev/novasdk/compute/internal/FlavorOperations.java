package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
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
            .sends(FlavorOperations::createBody, FlavorOperations::createRequirements)
            .returns(member("flavor", Flavor.class));

    static final Operation<Void, Void> DELETE = Operation.of("flavors.delete", HttpMethod.DELETE, "flavors/{id}");

    private FlavorOperations() {}

    private static ListOperation<FlavorListDocument, Flavor> list(String path) {
        return ListOperation.of(
                Operation.of("flavors.list", HttpMethod.GET, path).returns(document(FlavorListDocument.class)),
                FlavorListDocument::flavors,
                FlavorListDocument::nextHref);
    }

    // TEMPORARY until FlavorCreate carries its JSON names and version requirements itself.
    private static byte[] createBody(JsonCodec codec, FlavorCreate flavor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", flavor.name());
        body.put("ram", flavor.ram());
        body.put("vcpus", flavor.vcpus());
        body.put("disk", flavor.disk());
        flavor.id().ifPresent(v -> body.put("id", v));
        flavor.ephemeralGb().ifPresent(v -> body.put("OS-FLV-EXT-DATA:ephemeral", v));
        flavor.swapMb().ifPresent(v -> body.put("swap", v));
        flavor.rxtxFactor().ifPresent(v -> body.put("rxtx_factor", v));
        flavor.isPublic().ifPresent(v -> body.put("os-flavor-access:is_public", v));
        flavor.description().ifPresent(v -> body.put("description", v));
        return codec.writeEnveloped("flavor", body);
    }

    private static List<VersionRequirement> createRequirements(FlavorCreate flavor) {
        return flavor.description().isPresent()
                ? List.of(VersionRequirement.since("description", Microversion.of(2, 55)))
                : List.of();
    }
}
