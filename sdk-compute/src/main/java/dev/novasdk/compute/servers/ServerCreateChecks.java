package dev.novasdk.compute.servers;

import static dev.novasdk.compute.servers.RequestRules.invalid;

import dev.novasdk.compute.servers.BlockDeviceMappingV2.DestinationType;
import dev.novasdk.compute.servers.BlockDeviceMappingV2.SourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-request rules of a server create: novaclient's {@code _boot} checks and the parts of Nova's schema
 * and API code that need no lookup. Per-entry rules live with the entries ({@link BlockDeviceMappingV2},
 * {@link ServerNetwork}, {@link Personality}, {@link LegacyBlockDeviceMapping}).
 */
final class ServerCreateChecks {
    private ServerCreateChecks() {}

    static void check(ServerCreate c) {
        ServerFields.name(c.name());
        if (c.flavorId().isEmpty()) {
            throw invalid("flavorRef", "must not be empty");
        }
        c.imageId().ifPresent(id -> {
            if (id.isEmpty()) {
                throw invalid("imageRef", "must not be empty; leave the image out to boot from a volume");
            }
        });
        ServerFields.metadata(c.metadata());
        c.userDataBase64().ifPresent(ServerFields::userData);
        c.keyName().ifPresent(k -> RequestRules.name("key_name", k));
        c.securityGroups().forEach(g -> RequestRules.name("security_groups[].name", g));
        c.availabilityZone().ifPresent(ServerCreateChecks::availabilityZone);
        counts(c);
        bootSource(c);
        blockDevices(c);
        networks(c);
        multipleServers(c);
        c.diskConfig().ifPresent(ServerFields::diskConfig);
        c.accessIpv4().ifPresent(ServerFields::accessIpv4);
        c.accessIpv6().ifPresent(ServerFields::accessIpv6);
        c.description().ifPresent(ServerFields::description);
        if (c.tags().size() > RequestRules.MAX_TAGS) {
            throw invalid(
                    "tags",
                    "must hold at most " + RequestRules.MAX_TAGS + " tags, got "
                            + c.tags().size());
        }
        for (int i = 0; i < c.tags().size(); i++) {
            RequestRules.tag("tags[" + i + "]", c.tags().get(i));
        }
        c.hostname().ifPresent(ServerFields::hostname);
        trustedCertificates(c);
        c.host().ifPresent(h -> RequestRules.fqdn("host", h));
        c.hypervisorHostname().ifPresent(h -> RequestRules.fqdn("hypervisor_hostname", h));
    }

    // compute/api.py parse_availability_zone: zone, zone:host, zone:host:node or zone::node, nothing more.
    private static void availabilityZone(String az) {
        RequestRules.name("availability_zone", az);
        long colons = az.chars().filter(ch -> ch == ':').count();
        if (colons > 2) {
            throw invalid(
                    "availability_zone",
                    "must be zone, zone:host, zone:host:node or zone::node, got " + colons + " ':' separators");
        }
    }

    private static void counts(ServerCreate c) {
        c.minCount().ifPresent(n -> {
            if (n < 1) {
                throw invalid("min_count", "must be at least 1, got " + n);
            }
        });
        c.maxCount().ifPresent(n -> {
            if (n < 1) {
                throw invalid("max_count", "must be at least 1, got " + n);
            }
        });
        if (c.minCount().isPresent()
                && c.maxCount().isPresent()
                && c.minCount().get() > c.maxCount().get()) {
            throw invalid(
                    "min_count",
                    "(" + c.minCount().get() + ") must not exceed max_count ("
                            + c.maxCount().get() + ")");
        }
    }

    // novaclient _boot: exactly one boot source, and old and new mappings never mixed.
    private static void bootSource(ServerCreate c) {
        List<BlockDeviceMappingV2> v2 = c.blockDeviceMappings();
        if (!c.legacyBlockDeviceMappings().isEmpty() && !v2.isEmpty()) {
            throw invalid(
                    "block_device_mapping", "(legacy) and block_device_mapping_v2 cannot be mixed in one request");
        }
        int bootMapping = -1;
        for (int i = 0; i < v2.size(); i++) {
            if (v2.get(i).bootIndex().orElse(-1) == 0) {
                bootMapping = i;
                break;
            }
        }
        if (c.imageId().isPresent() && bootMapping >= 0) {
            throw invalid(
                    "imageRef",
                    "and block_device_mapping_v2[" + bootMapping + "] (boot_index 0) are two boot "
                            + "sources; exactly one is allowed: leave out the image or the boot index");
        }
        if (c.imageId().isEmpty()
                && bootMapping < 0
                && c.legacyBlockDeviceMappings().isEmpty()) {
            throw invalid(
                    "imageRef",
                    "is required unless a block device mapping is the boot source: set an image, "
                            + "or add a block_device_mapping_v2 entry with boot_index 0 (such as BlockDeviceMappingV2.bootFromVolume)");
        }
    }

    private static void blockDevices(ServerCreate c) {
        List<BlockDeviceMappingV2> v2 = c.blockDeviceMappings();
        if (v2.isEmpty()) {
            return;
        }
        List<Integer> bootIndexes = new ArrayList<>();
        if (c.imageId().isPresent()) {
            bootIndexes.add(0); // the image mapping sent first
        }
        int swaps = 0;
        for (int i = 0; i < v2.size(); i++) {
            BlockDeviceMappingV2 m = v2.get(i);
            if (m.sourceType().orElse(null) == SourceType.IMAGE
                    && m.destinationType().orElse(null) == DestinationType.LOCAL) {
                throw invalid(
                        "block_device_mapping_v2[" + i + "]",
                        "maps an image to a local disk, which only the image "
                                + "boot disk does; set the server's image instead (it becomes that mapping)");
            }
            m.bootIndex().filter(b -> b >= 0).ifPresent(bootIndexes::add);
            if (m.guestFormat().filter("swap"::equals).isPresent()) {
                swaps++;
            }
        }
        if (swaps > 1) {
            throw invalid("block_device_mapping_v2", "may hold one swap disk (guest_format swap), got " + swaps);
        }
        // compute/api.py _validate_bdm: bootable devices are numbered 0, 1, 2, ... without repeats or gaps.
        Collections.sort(bootIndexes);
        for (int i = 0; i < bootIndexes.size(); i++) {
            if (bootIndexes.get(i) != i) {
                throw invalid(
                        "block_device_mapping_v2",
                        "boot_index values must count up from 0 without repeats or gaps"
                                + (c.imageId().isPresent() ? " (the image mapping takes 0)" : "") + ", got "
                                + bootIndexes);
            }
        }
    }

    private static void networks(ServerCreate c) {
        if (c.networkAllocation().isPresent() && !c.networks().isEmpty()) {
            throw invalid(
                    "networks",
                    "'" + c.networkAllocation().get().value() + "' cannot be combined with a list of networks");
        }
        Map<String, Integer> ports = new HashMap<>();
        for (int i = 0; i < c.networks().size(); i++) {
            String port = c.networks().get(i).portId().orElse(null);
            if (port != null) {
                Integer earlier = ports.putIfAbsent(port, i);
                if (earlier != null) {
                    throw invalid(
                            "networks[" + i + "].port",
                            "repeats networks[" + earlier + "].port; a port can be attached once");
                }
            }
        }
    }

    // compute/api.py _provision_instances: what cannot be shared by several servers of one request.
    private static void multipleServers(ServerCreate c) {
        int max = c.maxCount().orElse(c.minCount().orElse(1));
        if (max <= 1) {
            return;
        }
        for (int i = 0; i < c.networks().size(); i++) {
            ServerNetwork n = c.networks().get(i);
            if (n.portId().isPresent()) {
                throw invalid(
                        "networks[" + i + "].port",
                        "cannot be used when max_count is above 1 (" + max + "): a port can belong to one server only");
            }
            if (n.fixedIp().isPresent()) {
                throw invalid(
                        "networks[" + i + "].fixed_ip",
                        "cannot be used when max_count is above 1 (" + max
                                + "): an address can belong to one server only");
            }
        }
        if (c.hostname().isPresent()) {
            throw invalid("hostname", "cannot be used when max_count is above 1 (" + max + "): it would be ambiguous");
        }
    }

    private static void trustedCertificates(ServerCreate c) {
        List<String> certs = c.trustedImageCertificates();
        if (certs.isEmpty()) {
            return;
        }
        ServerFields.trustedImageCertificates(certs);
        if (c.imageId().isEmpty()) {
            throw invalid(
                    "trusted_image_certificates",
                    "need the server to boot from an image (imageRef); Nova does not "
                            + "validate certificates when booting from a volume");
        }
    }
}
