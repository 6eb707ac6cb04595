package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Volume;
import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import dev.novasdk.testkit.ComputeService.Unrouted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nova's server sub-resources: metadata, tags (2.26+), IPs, password, diagnostics, topology (2.78+), security
 * groups, server migrations (2.22+/2.23+/2.24+), volume attachments and interface attachments, with the
 * statuses, bodies and messages recorded from the lab (a devstack-like cloud with the fake virt driver).
 *
 * <p>The lab has no Cinder and only a Neutron stub, so it cannot attach volumes or interfaces (it answers
 * 500s) nor find security groups (404 "Security group x is not found for project ..."). Here those follow a
 * small model instead: every well-formed volume id is an available volume, an interface is created on a
 * network id or taken by port id, and each project has one security group, {@code default}. Nothing here
 * starts a live migration, so a server never has one in progress, as on the lab.
 */
final class ServerSubResources {
    private static final Set<String> HANDLED = Set.of(
            "metadata",
            "tags",
            "ips",
            "os-server-password",
            "diagnostics",
            "topology",
            "os-security-groups",
            "migrations",
            "os-volume_attachments",
            "os-interface");
    private static final String TAG_PATTERN = "^[^,/]*$";
    private static final int MAX_TAGS = 50;
    private static final String DEFAULT_GROUP = "default";

    private final CloudState state;
    // Attachments and groups of a server, by server id; guarded by state.
    private final Map<String, Extras> extras = new HashMap<>();

    ServerSubResources(CloudState state) {
        this.state = state;
    }

    /** What Nova keeps for a server that CloudState's server does not hold. */
    private static final class Extras {
        final List<String> securityGroups = new ArrayList<>();
        final Map<String, Attachment> volumes = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        int nextDevice;
    }

    private static final class Attachment {
        final String volumeId;
        final String device;
        final String tag;
        boolean deleteOnTermination;
        final String attachmentId = UUID.randomUUID().toString();
        final String bdmUuid = UUID.randomUUID().toString();

        Attachment(String volumeId, String device, String tag, boolean deleteOnTermination) {
            this.volumeId = volumeId;
            this.device = device;
            this.tag = tag;
            this.deleteOnTermination = deleteOnTermination;
        }
    }

    /** Whether {@code /servers/{id}/<s[2]>...} is one of these sub-resources. */
    static boolean handles(List<String> s) {
        return s.size() >= 3 && HANDLED.contains(s.get(2));
    }

    Resp route(Ctx ctx, List<String> s) {
        String m = ctx.req.method;
        String id = s.get(1);
        String sub = s.get(2);
        String item = s.size() >= 4 ? s.get(3) : null;
        if (s.size() > 5
                || (s.size() == 5 && !(sub.equals("migrations") && s.get(4).equals("action")))) {
            throw new Unrouted();
        }
        synchronized (state) {
            switch (sub) {
                case "metadata":
                    return metadata(ctx, m, visible(ctx, id), item);
                case "tags":
                    requireVersion(ctx, 26);
                    return tags(ctx, m, visible(ctx, id), item);
                case "ips":
                    return ips(m, visible(ctx, id), item);
                case "os-server-password":
                    return password(m, visible(ctx, id), item);
                case "diagnostics":
                    return diagnostics(ctx, m, id, item);
                case "topology":
                    requireVersion(ctx, 78);
                    if (!m.equals("GET") || item != null) {
                        throw new Unrouted();
                    }
                    visible(ctx, id);
                    return Resp.json(200, PyJson.obj("nodes", List.of(), "pagesize_kb", null));
                case "os-security-groups":
                    if (!m.equals("GET") || item != null) {
                        throw new Unrouted();
                    }
                    return securityGroups(ctx, visible(ctx, id));
                case "migrations":
                    return migrations(ctx, m, id, item, s.size() == 5);
                case "os-volume_attachments":
                    return volumes(ctx, m, visible(ctx, id), item);
                default:
                    return interfaces(ctx, m, visible(ctx, id), item);
            }
        }
    }

    private Server visible(Ctx ctx, String id) {
        Server s = state.server(id);
        if (s == null || (!ctx.admin && !s.projectId.equals(ctx.projectId()))) {
            throw NovaFault.notFound("Instance " + id + " could not be found.");
        }
        return s;
    }

    // Nova's router answers a path of a later microversion with a JSON 404, not WebOb's page.
    private static void requireVersion(Ctx ctx, int minor) {
        if (!ctx.at(minor)) {
            throw NovaFault.notFound("The resource could not be found.");
        }
    }

    private Extras extras(Server s) {
        return extras.computeIfAbsent(s.id, k -> new Extras());
    }

    // ------------------------------------------------------------------ metadata

    @SuppressWarnings("unchecked")
    private Resp metadata(Ctx ctx, String m, Server s, String key) {
        if (key == null) {
            switch (m) {
                case "GET":
                    return Resp.json(200, PyJson.obj("metadata", new LinkedHashMap<>(s.metadata)));
                case "PUT":
                case "POST": {
                    Object body = ComputeService.body(ctx.req);
                    ComputeService.validate(
                            Schema.of()
                                    .type("object")
                                    .prop("metadata", NovaSchemas.metadata())
                                    .required(List.of("metadata"))
                                    .noAdditionalProperties(),
                            body);
                    Map<String, String> items = (Map<String, String>) ((Map<?, ?>) body).get("metadata");
                    Map<String, String> after = new LinkedHashMap<>(m.equals("POST") ? s.metadata : Map.of());
                    after.putAll(items);
                    checkQuota(after);
                    s.metadata.clear();
                    s.metadata.putAll(after);
                    s.updated = state.now();
                    return Resp.json(200, PyJson.obj("metadata", new LinkedHashMap<>(s.metadata)));
                }
                default:
                    throw new Unrouted();
            }
        }
        switch (m) {
            case "GET": {
                String value = s.metadata.get(key);
                if (value == null) {
                    throw NovaFault.notFound("Metadata item was not found");
                }
                return Resp.json(200, PyJson.obj("meta", PyJson.obj(key, value)));
            }
            case "PUT": {
                Object body = ComputeService.body(ctx.req);
                ComputeService.validate(
                        Schema.of()
                                .type("object")
                                .prop("meta", metaItem())
                                .required(List.of("meta"))
                                .noAdditionalProperties(),
                        body);
                Map<String, String> meta = (Map<String, String>) ((Map<?, ?>) body).get("meta");
                // The schema's minProperties/maxProperties of 1, worded as jsonschema words them.
                if (meta.size() != 1) {
                    throw NovaFault.badRequest("Invalid input for field/attribute meta. Value: " + PyJson.str(meta)
                            + ". " + PyJson.str(meta)
                            + (meta.isEmpty() ? " does not have enough properties" : " has too many properties"));
                }
                if (!meta.containsKey(key)) {
                    throw NovaFault.badRequest("Request body and URI mismatch");
                }
                Map<String, String> after = new LinkedHashMap<>(s.metadata);
                after.put(key, meta.get(key));
                checkQuota(after);
                s.metadata.put(key, meta.get(key));
                s.updated = state.now();
                return Resp.json(200, PyJson.obj("meta", new LinkedHashMap<>(meta)));
            }
            case "DELETE":
                if (s.metadata.remove(key) == null) {
                    throw NovaFault.notFound("Metadata item was not found");
                }
                s.updated = state.now();
                return Resp.empty(204).header("Content-Type", Resp.JSON);
            default:
                throw new Unrouted();
        }
    }

    private static Schema metaItem() {
        return Schema.of()
                .type("object")
                .patternProp(
                        "^[a-zA-Z0-9-_:. ]{1,255}$", Schema.of().type("string").maxLength(255))
                .noAdditionalProperties();
    }

    private void checkQuota(Map<String, String> after) {
        if (after.size() > state.quota.metadataItems) {
            throw new NovaFault(403, "Maximum number of metadata items exceeds " + state.quota.metadataItems);
        }
    }

    // ------------------------------------------------------------------ tags

    @SuppressWarnings("unchecked")
    private Resp tags(Ctx ctx, String m, Server s, String tag) {
        if (tag == null) {
            switch (m) {
                case "GET":
                    return Resp.json(200, PyJson.obj("tags", sorted(s.tags)));
                case "PUT": {
                    Object body = ComputeService.body(ctx.req);
                    ComputeService.validate(
                            Schema.of()
                                    .type("object")
                                    .prop(
                                            "tags",
                                            Schema.of()
                                                    .type("array")
                                                    .items(tagSchema())
                                                    .maxItems(MAX_TAGS))
                                    .required(List.of("tags"))
                                    .noAdditionalProperties(),
                            body);
                    List<String> tags = (List<String>) ((Map<?, ?>) body).get("tags");
                    s.tags.clear();
                    s.tags.addAll(sorted(new LinkedHashSet<>(tags)));
                    s.updated = state.now();
                    return Resp.json(200, PyJson.obj("tags", sorted(s.tags)));
                }
                case "DELETE":
                    s.tags.clear();
                    s.updated = state.now();
                    return Resp.empty(204).header("Content-Type", Resp.JSON);
                default:
                    throw new Unrouted();
            }
        }
        switch (m) {
            case "GET":
                if (!s.tags.contains(tag)) {
                    throw NovaFault.notFound("Server " + s.id + " has no tag '" + tag + "'");
                }
                return Resp.empty(204).header("Content-Type", Resp.JSON);
            case "PUT": {
                Schema.Failure f = tagSchema().validate(tag);
                if (f != null) {
                    throw NovaFault.badRequest("Tag '" + tag + "' is invalid. It must be a non empty string without "
                            + "characters '/' and ','. Validation error message: " + f.message);
                }
                if (s.tags.contains(tag)) {
                    return Resp.empty(204).header("Content-Type", "text/html; charset=UTF-8");
                }
                if (s.tags.size() >= MAX_TAGS) {
                    throw NovaFault.badRequest("The number of tags exceeded the per-server limit " + MAX_TAGS);
                }
                s.tags.add(tag);
                s.tags.sort(null);
                s.updated = state.now();
                return Resp.empty(201)
                        .header("Content-Type", "text/html; charset=UTF-8")
                        .header("Location", ctx.link("servers/" + s.id + "/tags/" + tag));
            }
            case "DELETE":
                // The lab words this 404 differently from the check's: "Instance", not "Server".
                if (!s.tags.remove(tag)) {
                    throw NovaFault.notFound("Instance " + s.id + " has no tag '" + tag + "'");
                }
                s.updated = state.now();
                return Resp.empty(204).header("Content-Type", Resp.JSON);
            default:
                throw new Unrouted();
        }
    }

    // The lab's Nova reads tags back ordered by the database, so every answer lists them sorted.
    private static List<String> sorted(java.util.Collection<String> tags) {
        List<String> list = new ArrayList<>(new java.util.TreeSet<>(tags));
        return list;
    }

    private static Schema tagSchema() {
        return Schema.of().type("string").minLength(1).maxLength(60).pattern(TAG_PATTERN);
    }

    // ------------------------------------------------------------------ ips, password, diagnostics

    private Resp ips(String m, Server s, String network) {
        if (!m.equals("GET")) {
            throw new Unrouted();
        }
        // FakeCloud's servers have no ports, like the lab's booted with --nic none.
        if (network == null) {
            return Resp.json(200, PyJson.obj("addresses", new LinkedHashMap<>()));
        }
        throw NovaFault.notFound("Instance is not a member of specified network");
    }

    private Resp password(String m, Server s, String item) {
        if (item != null) {
            throw new Unrouted();
        }
        switch (m) {
            case "GET":
                // Only a guest posts a password (to the metadata service); FakeCloud has no guests.
                return Resp.json(200, PyJson.obj("password", ""));
            case "DELETE":
                return Resp.empty(204).header("Content-Type", Resp.JSON);
            default:
                throw new Unrouted();
        }
    }

    private Resp diagnostics(Ctx ctx, String m, String id, String item) {
        if (!m.equals("GET") || item != null) {
            throw new Unrouted();
        }
        ComputeService.requireAdmin(ctx, "os_compute_api:os-server-diagnostics");
        Server s = visible(ctx, id);
        if (!s.vmState.equals("active") && !s.vmState.equals("stopped")) {
            throw new NovaFault(
                    409, "Cannot 'get_diagnostics' instance " + s.id + " while it is in vm_state " + s.vmState);
        }
        // The fake virt driver's fixed figures, as the lab answers them.
        if (!ctx.at(48)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cpu0_time", 17300000000L);
            d.put("memory", 524288);
            d.put("vda_errors", -1);
            d.put("vda_read", 262144);
            d.put("vda_read_req", 112);
            d.put("vda_write", 5778432);
            d.put("vda_write_req", 488);
            d.put("vnet1_rx", 2070139);
            d.put("vnet1_rx_drop", 0);
            d.put("vnet1_rx_errors", 0);
            d.put("vnet1_rx_packets", 26701);
            d.put("vnet1_tx", 140208);
            d.put("vnet1_tx_drop", 0);
            d.put("vnet1_tx_errors", 0);
            d.put("vnet1_tx_packets", 662);
            return Resp.json(200, d);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", s.vmState.equals("active") ? "running" : "shutdown");
        d.put("driver", "libvirt");
        d.put("hypervisor", "kvm");
        d.put("hypervisor_os", "ubuntu");
        d.put("uptime", 46664);
        d.put("config_drive", true);
        d.put("num_cpus", 1);
        d.put("num_nics", 1);
        d.put("num_disks", 1);
        d.put(
                "disk_details",
                List.of(PyJson.obj(
                        "read_bytes",
                        262144,
                        "read_requests",
                        112,
                        "write_bytes",
                        5778432,
                        "write_requests",
                        488,
                        "errors_count",
                        1)));
        d.put("cpu_details", List.of(PyJson.obj("id", 0, "time", 17300000000L, "utilisation", 15)));
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("mac_address", "01:23:45:67:89:ab");
        nic.put("rx_octets", 2070139);
        nic.put("rx_errors", 100);
        nic.put("rx_drop", 200);
        nic.put("rx_packets", 26701);
        nic.put("rx_rate", 300);
        nic.put("tx_octets", 140208);
        nic.put("tx_errors", 400);
        nic.put("tx_drop", 500);
        nic.put("tx_packets", 662);
        nic.put("tx_rate", 600);
        d.put("nic_details", List.of(nic));
        d.put("memory_details", PyJson.obj("maximum", 524288, "used", 0));
        return Resp.json(200, d);
    }

    // ------------------------------------------------------------------ security groups

    private Resp securityGroups(Ctx ctx, Server s) {
        List<Object> groups = new ArrayList<>();
        for (String name : extras(s).securityGroups) {
            groups.add(groupDoc(s.projectId, name));
        }
        return Resp.json(200, PyJson.obj("security_groups", groups));
    }

    private static Map<String, Object> groupDoc(String projectId, String name) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("description", name.equals(DEFAULT_GROUP) ? "Default security group" : name);
        g.put(
                "id",
                UUID.nameUUIDFromBytes((projectId + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        g.put("name", name);
        g.put("rules", List.of());
        g.put("tenant_id", projectId);
        return g;
    }

    /** The {@code addSecurityGroup} and {@code removeSecurityGroup} server actions. */
    Resp securityGroupAction(Ctx ctx, String id, String action, Object body) {
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                action,
                                Schema.of()
                                        .type("object")
                                        .prop("name", Schema.of().type("string").minLength(1))
                                        .required(List.of("name")))
                        .required(List.of(action)),
                body);
        String name = (String) ((Map<?, ?>) ((Map<?, ?>) body).get(action)).get("name");
        synchronized (state) {
            Server s = visible(ctx, id);
            if (!name.equals(DEFAULT_GROUP)) {
                throw NovaFault.notFound("Security group " + name + " is not found for project " + ctx.projectId());
            }
            List<String> groups = extras(s).securityGroups;
            if (action.equals("addSecurityGroup")) {
                if (groups.contains(name)) {
                    throw NovaFault.badRequest(
                            "Security group " + name + " is already associated with the instance " + s.id);
                }
                groups.add(name);
            } else if (!groups.remove(name)) {
                throw NovaFault.badRequest("Security group " + name + " not associated with the instance " + s.id);
            }
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    // ------------------------------------------------------------------ migrations

    private Resp migrations(Ctx ctx, String m, String id, String migration, boolean action) {
        if (action) {
            requireVersion(ctx, 22);
            if (!m.equals("POST")) {
                throw new Unrouted();
            }
            ComputeService.requireAdmin(ctx, "os_compute_api:servers:migrations:force_complete");
            Server s = visible(ctx, id);
            // Nothing here live-migrates: the server is never in the 'migrating' task state.
            throw new NovaFault(409, "Instance " + s.id + " is in an invalid state for 'force_complete'");
        }
        if (migration == null) {
            requireVersion(ctx, 23);
            if (!m.equals("GET")) {
                throw new Unrouted();
            }
            ComputeService.requireAdmin(ctx, "os_compute_api:servers:migrations:index");
            visible(ctx, id);
            return Resp.json(200, PyJson.obj("migrations", List.of()));
        }
        switch (m) {
            case "GET": {
                requireVersion(ctx, 23);
                ComputeService.requireAdmin(ctx, "os_compute_api:servers:migrations:show");
                Server s = visible(ctx, id);
                throw NovaFault.notFound(
                        "In-progress live migration " + migration + " is not found for server " + s.id + ".");
            }
            case "DELETE": {
                requireVersion(ctx, 24);
                ComputeService.requireAdmin(ctx, "os_compute_api:servers:migrations:delete");
                Server s = visible(ctx, id);
                throw new NovaFault(409, "Instance " + s.id + " is in an invalid state for 'abort live migration'");
            }
            default:
                throw new Unrouted();
        }
    }

    // ------------------------------------------------------------------ volume attachments

    @SuppressWarnings("unchecked")
    private Resp volumes(Ctx ctx, String m, Server s, String volumeId) {
        Extras x = extras(s);
        if (volumeId == null) {
            if (m.equals("GET")) {
                int limit = ComputeService.parseLimit(ctx, ServersApi.MAX_LIMIT);
                int offset = offset(ctx);
                List<Object> page = new ArrayList<>();
                List<Attachment> all = new ArrayList<>(x.volumes.values());
                for (int i = offset; i < all.size() && page.size() < limit; i++) {
                    page.add(attachmentDoc(ctx, s, all.get(i)));
                }
                return Resp.json(200, PyJson.obj("volumeAttachments", page));
            }
            if (!m.equals("POST")) {
                throw new Unrouted();
            }
            Object body = ComputeService.body(ctx.req);
            Schema item = Schema.of()
                    .type("object")
                    .prop("volumeId", Schema.of().type("string").format("uuid"))
                    .prop(
                            "device",
                            Schema.of()
                                    .type("string", "null")
                                    .pattern("(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$"));
            if (ctx.at(49)) {
                item.prop("tag", tagSchema().minLength(1));
            }
            if (ctx.at(79)) {
                item.prop("delete_on_termination", NovaSchemas.booleanParam());
            }
            Map<String, Object> v = volumeAttachment(body, item);
            String vol = (String) v.get("volumeId");
            if (x.volumes.containsKey(vol) || s.volumes.stream().anyMatch(b -> b.id.equals(vol))) {
                throw NovaFault.badRequest(
                        "Invalid volume: volume " + vol + " is already attached to instance " + s.id);
            }
            if (!s.vmState.equals("active") && !s.vmState.equals("stopped")) {
                throw new NovaFault(
                        409, "Cannot 'attach_volume' instance " + s.id + " while it is in vm_state " + s.vmState);
            }
            String device = "/dev/vd" + (char) ('b' + x.nextDevice++);
            boolean dot =
                    v.containsKey("delete_on_termination") && ComputeService.truthy(v.get("delete_on_termination"));
            Attachment a = new Attachment(vol, device, (String) v.get("tag"), dot);
            x.volumes.put(vol, a);
            s.volumes.add(new Volume(vol, dot));
            Map<String, Object> doc = attachmentDoc(ctx, s, a);
            // The create response of 2.89+ still has "id" and no attachment or BDM ids.
            if (ctx.at(89)) {
                doc.remove("attachment_id");
                doc.remove("bdm_uuid");
                doc.put("id", vol);
            }
            return Resp.json(200, PyJson.obj("volumeAttachment", doc));
        }
        switch (m) {
            case "GET": {
                Attachment a = x.volumes.get(volumeId);
                if (a == null) {
                    throw NovaFault.notFound("Instance " + s.id + " is not attached to volume " + volumeId);
                }
                return Resp.json(200, PyJson.obj("volumeAttachment", attachmentDoc(ctx, s, a)));
            }
            case "PUT":
                return updateVolume(ctx, s, x, volumeId);
            case "DELETE": {
                Attachment a = x.volumes.remove(volumeId);
                if (a == null) {
                    throw NovaFault.notFound("Instance " + s.id + " is not attached to volume " + volumeId);
                }
                s.volumes.removeIf(b -> b.id.equals(volumeId));
                return Resp.empty(202).header("Content-Type", Resp.JSON);
            }
            default:
                throw new Unrouted();
        }
    }

    @SuppressWarnings("unchecked")
    private Resp updateVolume(Ctx ctx, Server s, Extras x, String volumeId) {
        Object body = ComputeService.body(ctx.req);
        Schema item = Schema.of()
                .type("object")
                .prop("volumeId", Schema.of().type("string").format("uuid"));
        if (ctx.at(85)) {
            item.prop("delete_on_termination", NovaSchemas.booleanParam())
                    .prop("id", Schema.of().type("string").format("uuid"))
                    .prop("serverId", Schema.of().type("string").format("uuid"))
                    .prop("device", Schema.of().type("string", "null"))
                    .prop("tag", tagSchema());
        }
        Map<String, Object> v = volumeAttachment(body, item);
        String newId = (String) v.get("volumeId");
        boolean swap = !newId.equals(volumeId);
        // As on the lab, the swap policy is checked before the attachment is looked up.
        if (swap) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-volumes-attachments:swap");
        }
        Attachment a = x.volumes.get(volumeId);
        if (a == null) {
            throw NovaFault.notFound("No volume Block Device Mapping with id " + volumeId + ".");
        }
        if (swap) {
            if (v.size() > 1) {
                throw NovaFault.badRequest("The volumeId cannot be changed together with other attributes.");
            }
            Attachment b = new Attachment(newId, a.device, a.tag, a.deleteOnTermination);
            x.volumes.remove(volumeId);
            x.volumes.put(newId, b);
            s.volumes.removeIf(o -> o.id.equals(volumeId));
            s.volumes.add(new Volume(newId, b.deleteOnTermination));
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
        if (!ctx.at(85)) {
            throw NovaFault.badRequest(
                    "Invalid volume: volume " + volumeId + " is already attached to instance " + s.id);
        }
        for (String field : List.of("id", "serverId", "device", "tag")) {
            Object current = field.equals("id")
                    ? volumeId
                    : field.equals("serverId") ? s.id : field.equals("device") ? a.device : a.tag;
            if (v.containsKey(field) && !java.util.Objects.equals(v.get(field), current)) {
                throw NovaFault.badRequest("Updating '" + field + "' is not supported.");
            }
        }
        if (v.containsKey("delete_on_termination")) {
            a.deleteOnTermination = ComputeService.truthy(v.get("delete_on_termination"));
            s.volumes.replaceAll(o -> o.id.equals(volumeId) ? new Volume(volumeId, a.deleteOnTermination) : o);
        }
        return Resp.empty(202).header("Content-Type", Resp.JSON);
    }

    /** The {@code volumeAttachment} of a body, validated against {@code item} (which requires a volumeId). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> volumeAttachment(Object body, Schema item) {
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                "volumeAttachment",
                                item.required(List.of("volumeId")).noAdditionalProperties())
                        .required(List.of("volumeAttachment"))
                        .noAdditionalProperties(),
                body);
        return (Map<String, Object>) ((Map<?, ?>) body).get("volumeAttachment");
    }

    private static int offset(Ctx ctx) {
        String offset = ctx.req.param("offset");
        if (offset == null) {
            return 0;
        }
        if (offset.isEmpty() || !offset.matches("^[0-9]*$")) {
            throw NovaFault.badRequest("Invalid input for query parameters offset. Value: " + offset + ". "
                    + PyJson.repr(offset) + " does not match '^[0-9]*$'");
        }
        return Integer.parseInt(offset);
    }

    private static Map<String, Object> attachmentDoc(Ctx ctx, Server s, Attachment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (ctx.at(89)) {
            d.put("attachment_id", a.attachmentId);
        }
        if (ctx.at(79)) {
            d.put("delete_on_termination", a.deleteOnTermination);
        }
        d.put("device", a.device);
        if (!ctx.at(89)) {
            d.put("id", a.volumeId);
        }
        d.put("serverId", s.id);
        if (ctx.at(70)) {
            d.put("tag", a.tag);
        }
        d.put("volumeId", a.volumeId);
        if (ctx.at(89)) {
            d.put("bdm_uuid", a.bdmUuid);
        }
        return d;
    }

    // ------------------------------------------------------------------ interface attachments

    @SuppressWarnings("unchecked")
    private Resp interfaces(Ctx ctx, String m, Server s, String portId) {
        Extras x = extras(s);
        if (portId == null) {
            if (m.equals("GET")) {
                List<Object> list = new ArrayList<>();
                for (Map<String, Object> p : x.ports.values()) {
                    list.add(portView(ctx, p));
                }
                return Resp.json(200, PyJson.obj("interfaceAttachments", list));
            }
            if (!m.equals("POST")) {
                throw new Unrouted();
            }
            Object body = ComputeService.body(ctx.req);
            Schema item = Schema.of()
                    .type("object")
                    .prop("net_id", Schema.of().type("string").format("uuid"))
                    .prop("port_id", Schema.of().type("string").format("uuid"))
                    .prop(
                            "fixed_ips",
                            Schema.of()
                                    .type("array")
                                    .minItems(1)
                                    .maxItems(1)
                                    .items(Schema.of()
                                            .type("object")
                                            .prop("ip_address", Schema.of().type("string"))
                                            .required(List.of("ip_address"))
                                            .noAdditionalProperties()));
            if (ctx.at(49)) {
                item.prop("tag", tagSchema().minLength(1));
            }
            ComputeService.validate(
                    Schema.of()
                            .type("object")
                            .prop("interfaceAttachment", item.noAdditionalProperties())
                            .noAdditionalProperties(),
                    body);
            Map<String, Object> a =
                    body == null ? Map.of() : (Map<String, Object>) ((Map<?, ?>) body).get("interfaceAttachment");
            if (a == null) {
                a = Map.of();
            }
            String net = (String) a.get("net_id");
            String port = (String) a.get("port_id");
            if (net != null && port != null) {
                throw NovaFault.badRequest("Must not input both network_id and port_id");
            }
            if (a.containsKey("fixed_ips") && net == null) {
                throw NovaFault.badRequest("Must input network_id when request IP address");
            }
            if (net == null && port == null) {
                // FakeCloud has no networks to pick from, as the lab's project has none.
                throw NovaFault.badRequest("No specific network was requested and none are available for project '"
                        + ctx.projectId() + "'.");
            }
            if (port != null && x.ports.containsKey(port)) {
                throw new NovaFault(409, "Port " + port + " is still in use.");
            }
            String ip = a.containsKey("fixed_ips")
                    ? (String) ((Map<?, ?>) ((List<?>) a.get("fixed_ips")).get(0)).get("ip_address")
                    : "10.0.0." + (x.ports.size() + 10);
            String id = port != null ? port : UUID.randomUUID().toString();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put(
                    "fixed_ips",
                    List.of(PyJson.obj(
                            "ip_address",
                            ip,
                            "subnet_id",
                            UUID.nameUUIDFromBytes((net == null ? "port-subnet" : net)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    .toString())));
            p.put("mac_addr", String.format("fa:16:3e:%02x:%02x:%02x", x.ports.size(), s.seq & 0xff, 0x30));
            p.put(
                    "net_id",
                    net != null
                            ? net
                            : UUID.nameUUIDFromBytes("port-net".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    .toString());
            p.put("port_id", id);
            p.put("port_state", "ACTIVE");
            p.put("tag", a.get("tag"));
            x.ports.put(id, p);
            return Resp.json(200, PyJson.obj("interfaceAttachment", portView(ctx, p)));
        }
        switch (m) {
            case "GET": {
                Map<String, Object> p = x.ports.get(portId);
                if (p == null) {
                    throw NovaFault.notFound("Port " + portId + " could not be found.");
                }
                return Resp.json(200, PyJson.obj("interfaceAttachment", portView(ctx, p)));
            }
            case "DELETE":
                // The lab answers 202 even for a port the server does not have: the detach is cast to the
                // compute service, which finds nothing to do.
                x.ports.remove(portId);
                return Resp.empty(202).header("Content-Type", Resp.JSON);
            default:
                throw new Unrouted();
        }
    }

    private static Map<String, Object> portView(Ctx ctx, Map<String, Object> p) {
        Map<String, Object> v = new LinkedHashMap<>(p);
        if (!ctx.at(70)) {
            v.remove("tag");
        }
        return v;
    }
}
