package dev.novasdk.testkit;

import dev.novasdk.core.http.Microversion;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Volume;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server documents as Nova's view builder writes them at a given microversion and for an admin or a
 * plain member. Key order and the version at which each key appears were taken from the lab (Zed, 2.93)
 * by showing the same server at 2.1, 2.3, 2.9, 2.16, 2.19, 2.26, 2.47, 2.69, 2.73, 2.90 and 2.93.
 */
final class ServerViews {
    enum Kind {
        SHOW,
        DETAIL,
        UPDATE
    }

    private static final Set<String> PROGRESS_STATUSES =
            Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING");
    private static final Set<String> FAULT_STATUSES = Set.of("ERROR", "DELETED");

    private ServerViews() {}

    static boolean at(Microversion v, int minor) {
        return NovaSchemas.at(v, minor);
    }

    static List<Object> links(String self, String bookmark) {
        List<Object> l = new ArrayList<>();
        l.add(link("self", self));
        l.add(link("bookmark", bookmark));
        return l;
    }

    static Map<String, Object> link(String rel, String href) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rel", rel);
        m.put("href", href);
        return m;
    }

    /** The summary entry of {@code GET /servers}. */
    static Map<String, Object> summary(Server s, ComputeService.Ctx ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("links", links(ctx.link("servers/" + s.id), ctx.bookmark("servers/" + s.id)));
        return m;
    }

    static String hostId(Server s) {
        if (s.host == null) {
            return "";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-224")
                    .digest((s.projectId + s.host).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-224 is part of every JDK", e);
        }
    }

    static Map<String, Object> render(Server s, ComputeService.Ctx ctx, Kind requested) {
        Microversion v = ctx.version;
        // From 2.75 an update answers with exactly what a show would.
        Kind kind = requested == Kind.UPDATE && at(v, 75) ? Kind.SHOW : requested;
        boolean admin = ctx.admin;
        String status = s.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("status", status);
        m.put("tenant_id", s.projectId);
        m.put("user_id", s.userId);
        m.put("metadata", new LinkedHashMap<>(s.metadata));
        m.put("hostId", hostId(s));
        if (s.imageId.isEmpty()) {
            m.put("image", "");
        } else {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", s.imageId);
            image.put("links", List.of(link("bookmark", ctx.bookmark("images/" + s.imageId))));
            m.put("image", image);
        }
        m.put("flavor", flavor(s.flavor, ctx));
        m.put("created", CloudState.SECONDS_Z.format(s.created));
        m.put("updated", CloudState.SECONDS_Z.format(s.updated));
        m.put("addresses", new LinkedHashMap<>());
        m.put("accessIPv4", s.accessIPv4);
        m.put("accessIPv6", s.accessIPv6);
        m.put("links", links(ctx.link("servers/" + s.id), ctx.bookmark("servers/" + s.id)));
        m.put("OS-DCF:diskConfig", s.diskConfig);
        if (FAULT_STATUSES.contains(status) && s.fault != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("code", s.fault.code);
            f.put("created", CloudState.SECONDS_Z.format(s.fault.created));
            f.put("message", s.fault.message);
            // Nova hides the details (a traceback) of 500 faults from non-admins.
            if (s.fault.details != null && (admin || s.fault.code != 500)) {
                f.put("details", s.fault.details);
            }
            m.put("fault", f);
        }
        if (PROGRESS_STATUSES.contains(status)) {
            m.put("progress", 0);
        }
        if (kind == Kind.UPDATE) {
            // Before 2.75 an update answers with the basic view plus a few version-gated keys.
            if (at(v, 9)) {
                m.put("locked", s.locked);
            }
            if (at(v, 73)) {
                m.put("locked_reason", s.lockedReason);
            }
            if (at(v, 19)) {
                m.put("description", s.description);
            }
            if (at(v, 26)) {
                m.put("tags", new ArrayList<>(s.tags));
            }
            if (at(v, 63)) {
                m.put("trusted_image_certificates", s.trustedCertificates);
            }
            if (at(v, 71)) {
                m.put("server_groups", List.of());
            }
            return m;
        }
        m.put("OS-EXT-AZ:availability_zone", s.availabilityZone);
        m.put("config_drive", s.configDrive ? "True" : "");
        m.put("key_name", s.keyName);
        m.put("OS-SRV-USG:launched_at", s.launchedAt == null ? null : CloudState.MICROS.format(s.launchedAt));
        m.put("OS-SRV-USG:terminated_at", s.terminatedAt == null ? null : CloudState.MICROS.format(s.terminatedAt));
        boolean scheduled = s.host != null;
        if (admin) {
            m.put("OS-EXT-SRV-ATTR:host", s.host);
            m.put(
                    "OS-EXT-SRV-ATTR:instance_name",
                    scheduled || !"scheduling".equals(s.taskState) ? s.instanceName : "");
            m.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host);
            if (at(v, 3)) {
                m.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId);
                m.put("OS-EXT-SRV-ATTR:launch_index", s.launchIndex);
                m.put("OS-EXT-SRV-ATTR:hostname", s.hostname);
                m.put("OS-EXT-SRV-ATTR:kernel_id", "");
                m.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                m.put("OS-EXT-SRV-ATTR:root_device_name", s.rootDeviceName);
                m.put("OS-EXT-SRV-ATTR:user_data", s.userData);
            }
        }
        m.put("OS-EXT-STS:task_state", s.taskState);
        m.put("OS-EXT-STS:vm_state", s.vmState);
        m.put("OS-EXT-STS:power_state", s.powerState);
        List<Object> volumes = new ArrayList<>();
        for (Volume vol : s.volumes) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", vol.id);
            if (at(v, 3)) {
                vm.put("delete_on_termination", vol.deleteOnTermination);
            }
            volumes.add(vm);
        }
        m.put("os-extended-volumes:volumes_attached", volumes);
        String hostStatus = scheduled ? "UP" : "";
        if (kind == Kind.SHOW && admin && at(v, 16)) {
            m.put("host_status", hostStatus);
        }
        if (at(v, 9)) {
            m.put("locked", s.locked);
        }
        if (at(v, 73)) {
            m.put("locked_reason", s.lockedReason);
        }
        if (at(v, 19)) {
            m.put("description", s.description);
        }
        if (at(v, 26)) {
            m.put("tags", new ArrayList<>(s.tags));
        }
        if (at(v, 63)) {
            m.put("trusted_image_certificates", s.trustedCertificates);
        }
        if (!admin && at(v, 90)) {
            m.put("OS-EXT-SRV-ATTR:hostname", s.hostname);
        }
        if (kind == Kind.DETAIL && admin && at(v, 16)) {
            m.put("host_status", hostStatus);
        }
        if (kind != Kind.DETAIL && at(v, 71)) {
            m.put("server_groups", List.of());
        }
        return m;
    }

    static Object flavor(Flavor f, ComputeService.Ctx ctx) {
        if (!at(ctx.version, 47)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id);
            m.put("links", List.of(link("bookmark", ctx.bookmark("flavors/" + f.id))));
            return m;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vcpus", f.vcpus);
        m.put("ram", f.ramMb);
        m.put("disk", f.diskGb);
        m.put("ephemeral", f.ephemeralGb);
        m.put("swap", f.swapMb);
        m.put("original_name", f.name);
        m.put("extra_specs", new LinkedHashMap<>(f.extraSpecs));
        return m;
    }
}
