package dev.novasdk.compute.servers;

import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;

/**
 * The microversions the fields of a server create need, from the API reference (parameters.yaml) and Nova's
 * create schemas (schemas/servers.py: create_v219 ... create_v294).
 */
final class ServerCreateVersions {
    private static final Microversion V2_19 = Microversion.of(2, 19);
    private static final Microversion V2_32 = Microversion.of(2, 32);
    private static final Microversion V2_36 = Microversion.of(2, 36);
    private static final Microversion V2_37 = Microversion.of(2, 37);
    private static final Microversion V2_42 = Microversion.of(2, 42);
    private static final Microversion V2_52 = Microversion.of(2, 52);
    private static final Microversion V2_56 = Microversion.of(2, 56);
    private static final Microversion V2_63 = Microversion.of(2, 63);
    private static final Microversion V2_67 = Microversion.of(2, 67);
    private static final Microversion V2_74 = Microversion.of(2, 74);
    private static final Microversion V2_90 = Microversion.of(2, 90);
    private static final Microversion V2_94 = Microversion.of(2, 94);

    // The requirement of each network allocation, built once: nearly every create names one, and building it
    // took a string concatenation and two objects per create.
    private static final VersionRequirement NETWORKS_AUTO = networksAllocation(NetworkAllocation.AUTO);
    private static final VersionRequirement NETWORKS_NONE = networksAllocation(NetworkAllocation.NONE);

    private ServerCreateVersions() {}

    private static VersionRequirement networksAllocation(NetworkAllocation allocation) {
        return VersionRequirement.since("networks", V2_37).withCondition("'" + allocation.value() + "'");
    }

    static List<VersionRequirement> of(ServerCreate c) {
        List<VersionRequirement> r = new ArrayList<>(4);
        if (c.description().isPresent()) {
            r.add(VersionRequirement.since("description", V2_19));
        }
        if (c.networkAllocation().isPresent()) {
            r.add(
                    switch (c.networkAllocation().get()) {
                        case AUTO -> NETWORKS_AUTO;
                        case NONE -> NETWORKS_NONE;
                    });
        } else if (c.networks().isEmpty()) {
            // create_v237 added 'networks' to the required properties.
            r.add(VersionRequirement.requiredSince("networks", V2_37));
        }
        for (int i = 0; i < c.networks().size(); i++) {
            ServerNetwork n = c.networks().get(i);
            if (n.tag().isPresent()) {
                // create_v233 kept the NIC tag of 2.32; create_v237 dropped it; create_v242 restored it.
                r.add(VersionRequirement.anyOf(
                        "networks[" + i + "].tag",
                        MicroversionRange.between(V2_32, V2_36),
                        MicroversionRange.atLeast(V2_42)));
            }
            if (n.networkId().isPresent()
                    && !RequestRules.isUuidLike(n.networkId().get())) {
                r.add(VersionRequirement.until("networks[" + i + "].uuid", V2_36)
                        .withCondition("not a UUID"));
            }
        }
        for (int i = 0; i < c.blockDeviceMappings().size(); i++) {
            BlockDeviceMappingV2 m = c.blockDeviceMappings().get(i);
            if (m.tag().isPresent()) {
                // Only create_v232 had the BDM tag until create_v242 restored it.
                r.add(VersionRequirement.anyOf(
                        "block_device_mapping_v2[" + i + "].tag",
                        MicroversionRange.between(V2_32, V2_32),
                        MicroversionRange.atLeast(V2_42)));
            }
            if (m.volumeType().isPresent()) {
                r.add(VersionRequirement.since("block_device_mapping_v2[" + i + "].volume_type", V2_67));
            }
        }
        if (!c.tags().isEmpty()) {
            r.add(VersionRequirement.since("tags", V2_52));
        }
        if (!c.personality().isEmpty()) {
            r.add(VersionRequirement.until("personality", V2_56));
        }
        if (!c.trustedImageCertificates().isEmpty()) {
            r.add(VersionRequirement.since("trusted_image_certificates", V2_63));
        }
        if (c.host().isPresent()) {
            r.add(VersionRequirement.since("host", V2_74));
        }
        if (c.hypervisorHostname().isPresent()) {
            r.add(VersionRequirement.since("hypervisor_hostname", V2_74));
        }
        if (c.hostname().isPresent()) {
            if (RequestRules.isHostnameLabel(c.hostname().get())) {
                r.add(VersionRequirement.since("hostname", V2_90));
            } else {
                r.add(VersionRequirement.since("hostname", V2_94).withCondition("a fully qualified domain name"));
            }
        }
        return List.copyOf(r);
    }
}
