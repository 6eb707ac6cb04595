package dev.novasdk.testkit;

import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;

/**
 * Nova's request schemas ({@code nova/api/openstack/compute/schemas}), rebuilt per microversion the way
 * Nova derives them: later versions copy the previous schema, append properties at the end, replace some
 * in place and remove others. Property order matters because it decides which error is reported first.
 */
final class NovaSchemas {
    private NovaSchemas() {}

    static final Object[] BOOLEAN_ENUM = {
        true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes", false, "False", "FALSE", "false", "0",
        "OFF", "Off", "off", "NO", "No", "no"
    };

    static Schema name() {
        return Schema.of().type("string").minLength(1).maxLength(255).format("name");
    }

    static Schema booleanParam() {
        return Schema.of().type("boolean", "string").enumOf(BOOLEAN_ENUM);
    }

    static Schema positiveInteger() {
        return Schema.of()
                .type("integer", "string")
                .pattern("^[0-9]*$")
                .minimum(1)
                .minLength(1);
    }

    static Schema metadata() {
        return Schema.of()
                .type("object")
                .patternProp(
                        "^[a-zA-Z0-9-_:. ]{1,255}$", Schema.of().type("string").maxLength(255))
                .noAdditionalProperties();
    }

    static Schema description() {
        return Schema.of().type("string", "null").minLength(0).maxLength(255);
    }

    /** {@code personality} of a create or rebuild, until 2.56. */
    static Schema personality() {
        return Schema.of()
                .type("array")
                .items(Schema.of()
                        .type("object")
                        .prop("path", Schema.of().type("string"))
                        .prop("contents", Schema.of().type("string").format("base64"))
                        .noAdditionalProperties());
    }

    static boolean at(Microversion v, int minor) {
        return v.isAtLeast(Microversion.of(2, minor));
    }

    /** The body schema of {@code POST /servers} at {@code v}. */
    static Schema serverCreate(Microversion v) {
        Schema personality = personality();
        Schema networksList = Schema.of().type("array").items(networkItem(v));
        Schema server = Schema.of()
                .type("object")
                .prop("name", name())
                .prop(
                        "imageRef",
                        Schema.of()
                                .oneOf(
                                        Schema.of().type("string").format("uuid"),
                                        Schema.of().type("string").maxLength(0)))
                .prop("flavorRef", Schema.of().type("string", "integer").minLength(1))
                .prop("adminPass", Schema.of().type("string"))
                .prop("metadata", metadata())
                .prop(
                        "networks",
                        at(v, 37)
                                ? Schema.of()
                                        .oneOf(
                                                networksList,
                                                Schema.of().type("string").enumOf("none", "auto"))
                                : networksList)
                .prop("OS-DCF:diskConfig", Schema.of().type("string").enumOf("AUTO", "MANUAL"))
                .prop("accessIPv4", Schema.of().type("string").format("ipv4"))
                .prop("accessIPv6", Schema.of().type("string").format("ipv6"))
                .prop("personality", personality)
                .prop("availability_zone", name())
                .prop("block_device_mapping", Schema.of().type("array").items(legacyBdm()))
                .prop("block_device_mapping_v2", Schema.of().type("array").items(bdmV2(v)))
                .prop(
                        "config_drive",
                        Schema.of().type("boolean", "string", "null").enumOf(withEmpty()))
                .prop("key_name", name())
                .prop("min_count", positiveInteger())
                .prop("max_count", positiveInteger())
                .prop("return_reservation_id", booleanParam())
                .prop(
                        "security_groups",
                        Schema.of()
                                .type("array")
                                .items(Schema.of()
                                        .type("object")
                                        .prop(
                                                "name",
                                                Schema.of()
                                                        .type("string")
                                                        .minLength(1)
                                                        .maxLength(255))
                                        .noAdditionalProperties()))
                .prop("user_data", Schema.of().type("string").format("base64").maxLength(65535));
        List<String> required = new ArrayList<>(List.of("name", "flavorRef"));
        server.required(required).noAdditionalProperties();
        if (at(v, 19)) {
            server.prop("description", description());
        }
        if (at(v, 37)) {
            required.add("networks");
        }
        if (at(v, 52)) {
            server.prop(
                    "tags",
                    Schema.of()
                            .type("array")
                            .items(Schema.of()
                                    .type("string")
                                    .pattern("^[^,/]*$")
                                    .minLength(1)
                                    .maxLength(60))
                            .maxItems(50));
        }
        if (at(v, 57)) {
            server.removeProp("personality");
        }
        if (at(v, 63)) {
            server.prop(
                    "trusted_image_certificates",
                    Schema.of()
                            .type("array", "null")
                            .minItems(1)
                            .maxItems(50)
                            .items(Schema.of().type("string").minLength(1)));
        }
        if (at(v, 74)) {
            server.prop("host", fqdn());
            server.prop("hypervisor_hostname", fqdn());
        }
        if (at(v, 90)) {
            server.prop(
                    "hostname",
                    Schema.of()
                            .type("string")
                            .minLength(2)
                            .maxLength(63)
                            .pattern("^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$"));
        }
        Schema hints = Schema.of().type("object");
        List<String> rootRequired = List.of("server");
        return Schema.of()
                .type("object")
                .prop("server", server)
                .prop("os:scheduler_hints", hints)
                .prop("OS-SCH-HNT:scheduler_hints", hints)
                .required(rootRequired)
                .noAdditionalProperties();
    }

    private static Object[] withEmpty() {
        Object[] out = new Object[BOOLEAN_ENUM.length + 2];
        System.arraycopy(BOOLEAN_ENUM, 0, out, 0, BOOLEAN_ENUM.length);
        out[BOOLEAN_ENUM.length] = "";
        out[BOOLEAN_ENUM.length + 1] = null;
        return out;
    }

    private static Schema fqdn() {
        return Schema.of().type("string").minLength(1).maxLength(255).pattern("^[a-zA-Z0-9-._]*$");
    }

    private static Schema networkItem(Microversion v) {
        Schema item = Schema.of()
                .type("object")
                .prop("fixed_ip", Schema.of().type("string"))
                .prop(
                        "port",
                        Schema.of()
                                .oneOf(
                                        Schema.of().type("string").format("uuid"),
                                        Schema.of().type("null")))
                .prop("uuid", Schema.of().type("string"));
        if (at(v, 32)) {
            item.prop("tag", Schema.of().type("string").maxLength(60).pattern("^[^,/]*$"));
        }
        return item.noAdditionalProperties();
    }

    private static Schema volumeSize() {
        return Schema.of()
                .type("integer", "string")
                .pattern("^[0-9]+$")
                .minimum(1)
                .maximum(2147483647L);
    }

    private static Schema legacyBdm() {
        return Schema.of()
                .type("object")
                .prop("virtual_name", Schema.of().type("string").maxLength(255))
                .prop("volume_id", Schema.of().type("string").format("uuid"))
                .prop("snapshot_id", Schema.of().type("string").format("uuid"))
                .prop("volume_size", volumeSize())
                .prop("device_name", Schema.of().type("string").minLength(1).maxLength(255))
                .prop("delete_on_termination", booleanParam())
                .prop("no_device", Schema.of())
                .prop("connection_info", Schema.of().type("string").maxLength(16777215))
                .noAdditionalProperties();
    }

    private static Schema bdmV2(Microversion v) {
        Schema bdm = Schema.of()
                .type("object")
                .prop("virtual_name", Schema.of().type("string").maxLength(255))
                .prop("volume_id", Schema.of().type("string").format("uuid"))
                .prop("snapshot_id", Schema.of().type("string").format("uuid"))
                .prop("volume_size", volumeSize())
                .prop("device_name", Schema.of().type("string").minLength(1).maxLength(255))
                .prop("delete_on_termination", booleanParam())
                .prop("no_device", Schema.of())
                .prop("connection_info", Schema.of().type("string").maxLength(16777215))
                .prop("source_type", Schema.of().type("string").enumOf("volume", "image", "snapshot", "blank"))
                .prop(
                        "uuid",
                        Schema.of().type("string").minLength(1).maxLength(255).pattern("^[a-zA-Z0-9._-]*$"))
                .prop("image_id", Schema.of().type("string").format("uuid"))
                .prop("destination_type", Schema.of().type("string").enumOf("local", "volume"))
                .prop("guest_format", Schema.of().type("string").maxLength(255))
                .prop("device_type", Schema.of().type("string").maxLength(255))
                .prop("disk_bus", Schema.of().type("string").maxLength(255))
                .prop(
                        "boot_index",
                        Schema.of().type("integer", "string", "null").pattern("^-?[0-9]+$"));
        if (at(v, 42)) {
            bdm.prop("tag", Schema.of().type("string").maxLength(60).pattern("^[^,/]*$"));
        }
        if (at(v, 67)) {
            bdm.prop(
                    "volume_type",
                    Schema.of().type("string", "null").minLength(0).maxLength(255));
        }
        return bdm.noAdditionalProperties();
    }

    /** The body schema of {@code PUT /servers/{id}} at {@code v}. */
    static Schema serverUpdate(Microversion v) {
        Schema server = Schema.of()
                .type("object")
                .prop("name", name())
                .prop("OS-DCF:diskConfig", Schema.of().type("string").enumOf("AUTO", "MANUAL"))
                .prop("accessIPv4", Schema.of().type("string").format("ipv4"))
                .prop("accessIPv6", Schema.of().type("string").format("ipv6"));
        server.noAdditionalProperties();
        if (at(v, 19)) {
            server.prop("description", description());
        }
        if (at(v, 90)) {
            server.prop(
                    "hostname",
                    Schema.of()
                            .type("string")
                            .minLength(2)
                            .maxLength(63)
                            .pattern("^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$"));
        }
        return Schema.of()
                .type("object")
                .prop("server", server)
                .required(List.of("server"))
                .noAdditionalProperties();
    }

    /** The body schema of {@code POST /os-keypairs} at {@code v}. */
    static Schema keypairCreate(Microversion v) {
        Schema keypair = Schema.of()
                .type("object")
                .prop(
                        "name",
                        // The characters are checked by Nova's format checker; see ComputeService.keypairCreate.
                        Schema.of().type("string").minLength(1).maxLength(255))
                .prop("public_key", Schema.of().type("string"));
        List<String> required = new ArrayList<>(List.of("name"));
        keypair.required(required).noAdditionalProperties();
        if (at(v, 2)) {
            keypair.prop("type", Schema.of().type("string").enumOf("ssh", "x509"));
        }
        if (at(v, 10)) {
            keypair.prop("user_id", Schema.of().type("string"));
        }
        if (at(v, 92)) {
            required.add("public_key");
        }
        return Schema.of()
                .type("object")
                .prop("keypair", keypair)
                .required(List.of("keypair"))
                .noAdditionalProperties();
    }

    /** The body schema of {@code POST /flavors} at {@code v}. */
    static Schema flavorCreate(Microversion v) {
        Schema positive = Schema.of()
                .type("integer", "string")
                .pattern("^[0-9]*$")
                .minimum(1)
                .maximum(2147483647L);
        Schema nonNegative = Schema.of()
                .type("integer", "string")
                .pattern("^[0-9]*$")
                .minimum(0)
                .maximum(2147483647L);
        Schema flavor = Schema.of()
                .type("object")
                .prop("name", name())
                .prop(
                        "id",
                        Schema.of()
                                .type("string", "number", "null")
                                .minLength(1)
                                .maxLength(255)
                                .pattern("^(?! )[a-zA-Z0-9. _-]+(?<! )$"))
                .prop("ram", positive)
                .prop("vcpus", positive)
                .prop("disk", nonNegative)
                .prop("OS-FLV-EXT-DATA:ephemeral", nonNegative)
                .prop("swap", nonNegative)
                .prop("rxtx_factor", Schema.of().type("number", "string").minimum(0))
                .prop("os-flavor-access:is_public", booleanParam());
        flavor.required(List.of("name", "ram", "vcpus", "disk")).noAdditionalProperties();
        if (at(v, 55)) {
            flavor.prop("description", description());
        }
        return Schema.of()
                .type("object")
                .prop("flavor", flavor)
                .required(List.of("flavor"))
                .noAdditionalProperties();
    }
}
