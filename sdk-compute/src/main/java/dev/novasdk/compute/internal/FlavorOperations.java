package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorAccess;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
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

    private static final String SPEC = "flavors/{id}/os-extra_specs/{key}";

    @SuppressWarnings("rawtypes")
    static final Operation<Void, Map> EXTRA_SPEC =
            Operation.of("flavors.extraSpec", HttpMethod.GET, SPEC).returns(document(Map.class));

    @SuppressWarnings("rawtypes")
    static final Operation<Map<String, String>, Map> SET_EXTRA_SPECS = Operation.of(
                    "flavors.setExtraSpecs", HttpMethod.POST, "flavors/{id}/os-extra_specs")
            .<Map<String, String>>sends(member("extra_specs"))
            .returns(member("extra_specs", Map.class))
            // Setting the same keys twice leaves the same specs.
            .idempotent(true);

    @SuppressWarnings("rawtypes")
    static final Operation<Map<String, String>, Map> UPDATE_EXTRA_SPEC = Operation.of(
                    "flavors.updateExtraSpec", HttpMethod.PUT, SPEC)
            .<Map<String, String>>sends(Bodies.json())
            .returns(document(Map.class));

    static final Operation<Void, Void> DELETE_EXTRA_SPEC =
            Operation.of("flavors.deleteExtraSpec", HttpMethod.DELETE, SPEC);

    static final Operation<Void, FlavorAccess[]> ACCESS = Operation.of(
                    "flavors.access", HttpMethod.GET, "flavors/{id}/os-flavor-access")
            .returns(member("flavor_access", FlavorAccess[].class));

    static final Operation<Tenant, FlavorAccess[]> ADD_TENANT_ACCESS = accessAction("addTenantAccess");

    static final Operation<Tenant, FlavorAccess[]> REMOVE_TENANT_ACCESS = accessAction("removeTenantAccess");

    static final Operation<Description, Flavor> UPDATE = Operation.of("flavors.update", HttpMethod.PUT, "flavors/{id}")
            .<Description>sends(member("flavor"))
            .returns(member("flavor", Flavor.class))
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 55)));

    /** The body of the flavor access actions. */
    record Tenant(@JsonProperty("tenant") String tenant) {}

    /** The body of a flavor update; a null description clears it, so it is always written. */
    record Description(@JsonProperty("description") @JsonInclude(JsonInclude.Include.ALWAYS) String description) {}

    private FlavorOperations() {}

    private static Operation<Tenant, FlavorAccess[]> accessAction(String name) {
        return Operation.of("flavors." + name, HttpMethod.POST, "flavors/{id}/action")
                .<Tenant>sends(member(name))
                .returns(member("flavor_access", FlavorAccess[].class));
    }

    private static ListOperation<FlavorListDocument, Flavor> list(String path) {
        return ListOperation.of(
                Operation.of("flavors.list", HttpMethod.GET, path).returns(document(FlavorListDocument.class)),
                FlavorListDocument::flavors,
                FlavorListDocument::nextHref,
                Flavor::id);
    }
}
