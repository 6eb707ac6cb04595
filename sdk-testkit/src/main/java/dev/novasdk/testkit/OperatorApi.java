package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import dev.novasdk.testkit.ComputeService.Unrouted;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Nova's operator APIs as the lab answers them (recorded as admin and as a member): hypervisors, compute
 * services, host aggregates, migrations, simple tenant usage, and the admin side of flavors (extra specs,
 * flavor access, the description update). One host runs the three services and one hypervisor with the lab's
 * capacity; its usage is summed from the live servers. Every call of a non-admin gets Nova's policy 403.
 */
final class OperatorApi {
    /** RAM the lab's hypervisor keeps for the host itself; its capacity is {@link Host}'s. */
    static final long RESERVED_HOST_MEMORY_MB = 512;

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    private final ComputeService compute;
    private final CloudState state;

    // Guarded by state, like everything in CloudState.
    private final String hypervisorUuid = CloudState.uuid();
    private final List<ServiceRecord> services = new ArrayList<>();
    private final Map<Long, Aggregate> aggregates = new TreeMap<>();
    private final List<MigrationRecord> migrations = new ArrayList<>();
    private final Map<String, List<String>> flavorAccess = new LinkedHashMap<>();
    private long aggregateSeq;
    private long migrationSeq;

    OperatorApi(ComputeService compute) {
        this.compute = compute;
        this.state = compute.state;
        services.add(new ServiceRecord(1, "nova-scheduler", "internal"));
        services.add(new ServiceRecord(2, "nova-conductor", "internal"));
        services.add(new ServiceRecord(3, "nova-compute", "nova"));
    }

    /** A compute service record; the host is the cloud's one host. */
    static final class ServiceRecord {
        final long id;
        final String uuid = CloudState.uuid();
        final String binary;
        final String zone;
        boolean disabled;
        String disabledReason;
        boolean forcedDown;

        ServiceRecord(long id, String binary, String zone) {
            this.id = id;
            this.binary = binary;
            this.zone = zone;
        }
    }

    /** A host aggregate. */
    static final class Aggregate {
        final long id;
        final String uuid = CloudState.uuid();
        String name;
        final List<String> hosts = new ArrayList<>();
        final Map<String, String> metadata = new LinkedHashMap<>();
        final Instant created;
        Instant updated;

        Aggregate(long id, String name, Instant created) {
            this.id = id;
            this.name = name;
            this.created = created;
        }
    }

    /** A migration record, as the conductor writes one for a resize or migration. */
    static final class MigrationRecord {
        final long id;
        final String uuid = CloudState.uuid();
        final String instanceUuid;
        final String type;
        final long oldFlavorId;
        final long newFlavorId;
        final String userId;
        final String projectId;
        final Instant created;
        Instant updated;
        String status;

        MigrationRecord(
                long id,
                String instanceUuid,
                String type,
                long oldFlavorId,
                long newFlavorId,
                String userId,
                String projectId,
                String status,
                Instant created) {
            this.id = id;
            this.instanceUuid = instanceUuid;
            this.type = type;
            this.oldFlavorId = oldFlavorId;
            this.newFlavorId = newFlavorId;
            this.userId = userId;
            this.projectId = projectId;
            this.status = status;
            this.created = created;
            this.updated = created;
        }
    }

    // ------------------------------------------------------------------ hooks for the server actions

    /**
     * Records a migration of {@code server} from {@code from} to {@code to} (a resize: type {@code resize},
     * status {@code finished} when it reaches VERIFY_RESIZE); the server actions call this where Nova's
     * conductor writes the record. Call with the state locked.
     */
    MigrationRecord recordMigration(Server server, Flavor from, Flavor to, String type, String status, String userId) {
        MigrationRecord m = new MigrationRecord(
                ++migrationSeq,
                server.id,
                type,
                flavorDbId(from),
                flavorDbId(to),
                userId,
                server.projectId,
                status,
                state.now());
        migrations.add(m);
        return m;
    }

    /**
     * Moves the latest migration of {@code serverId} to {@code status} ({@code confirmed}, {@code reverted},
     * {@code error}); call with the state locked.
     */
    void migrationStatus(String serverId, String status) {
        for (int i = migrations.size() - 1; i >= 0; i--) {
            MigrationRecord m = migrations.get(i);
            if (m.instanceUuid.equals(serverId)) {
                m.status = status;
                m.updated = state.now();
                return;
            }
        }
    }

    /** Whether the one nova-compute service is disabled or forced down (the scheduler skips the host then). */
    boolean computeUnavailable() {
        synchronized (state) {
            ServiceRecord c = computeService();
            return c == null || c.disabled || c.forcedDown;
        }
    }

    // Nova's flavors have integer primary keys behind their string ids; migrations show those.
    private long flavorDbId(Flavor f) {
        long i = 1;
        for (String id : state.flavors.keySet()) {
            if (id.equals(f.id)) {
                return i;
            }
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------ routing

    Resp route(Ctx ctx, List<String> s) {
        String m = ctx.req.method;
        switch (s.get(0)) {
            case "os-hypervisors":
                return hypervisors(ctx, s, m);
            case "os-services":
                return services(ctx, s, m);
            case "os-aggregates":
                return aggregates(ctx, s, m);
            case "os-migrations":
                if (s.size() == 1 && m.equals("GET")) {
                    ComputeService.requireAdmin(ctx, "os_compute_api:os-migrations:index");
                    return migrationList(ctx);
                }
                throw new Unrouted();
            case "os-simple-tenant-usage":
                return usage(ctx, s, m);
            default:
                throw new Unrouted();
        }
    }

    // ------------------------------------------------------------------ hypervisors

    private Resp hypervisors(Ctx ctx, List<String> s, String m) {
        if (!m.equals("GET")) {
            throw new Unrouted();
        }
        String p = "os_compute_api:os-hypervisors:";
        if (s.size() == 1 || (s.size() == 2 && s.get(1).equals("detail"))) {
            boolean detail = s.size() == 2;
            ComputeService.requireAdmin(ctx, p + (detail ? "list-detail" : "list"));
            return hypervisorList(ctx, detail);
        }
        if (s.size() == 2 && s.get(1).equals("statistics")) {
            ComputeService.requireAdmin(ctx, p + "statistics");
            if (ctx.at(88)) {
                throw NovaFault.notFound("The resource could not be found.");
            }
            return Resp.json(200, Map.of("hypervisor_statistics", statistics()));
        }
        if (s.size() == 3 && (s.get(2).equals("search") || s.get(2).equals("servers"))) {
            boolean withServers = s.get(2).equals("servers");
            ComputeService.requireAdmin(ctx, p + (withServers ? "servers" : "search"));
            if (ctx.at(53)) {
                throw NovaFault.notFound("The resource could not be found.");
            }
            synchronized (state) {
                state.settleAll();
                requireMatch(s.get(1));
                Map<String, Object> h = hypervisorDoc(ctx, false);
                if (withServers) {
                    List<Object> servers = serversOnHost();
                    // Before 2.53 a hypervisor without servers has no "servers" key (as the lab answers).
                    if (!servers.isEmpty()) {
                        h.put("servers", servers);
                    }
                }
                return Resp.json(200, Map.of("hypervisors", List.of(h)));
            }
        }
        if (s.size() == 3 && s.get(2).equals("uptime")) {
            ComputeService.requireAdmin(ctx, p + "uptime");
            if (ctx.at(88)) {
                throw NovaFault.notFound("The resource could not be found.");
            }
            requireHypervisor(ctx, s.get(1));
            // The lab's fake virt driver cannot tell its uptime.
            throw new NovaFault(501, "The requested functionality is not supported.");
        }
        if (s.size() == 2) {
            ComputeService.requireAdmin(ctx, p + "show");
            requireHypervisor(ctx, s.get(1));
            boolean withServers = ctx.at(53) && ComputeService.truthy(ctx.req.param("with_servers"));
            synchronized (state) {
                state.settleAll();
                Map<String, Object> h = hypervisorDoc(ctx, true);
                if (withServers) {
                    h.put("servers", serversOnHost());
                }
                return Resp.json(200, Map.of("hypervisor", h));
            }
        }
        throw new Unrouted();
    }

    private void requireHypervisor(Ctx ctx, String id) {
        if (ctx.at(53) && !UUID.matcher(id).matches()) {
            throw NovaFault.badRequest("Invalid uuid " + id);
        }
        String mine = ctx.at(53) ? hypervisorUuid : "1";
        synchronized (state) {
            if (!id.equals(mine) || computeService() == null) {
                throw NovaFault.notFound("Hypervisor with ID '" + id + "' could not be found.");
            }
        }
    }

    private void requireMatch(String pattern) {
        if (computeService() == null || !state.hostName.contains(pattern)) {
            throw NovaFault.notFound("No hypervisor matching '" + pattern + "' could be found.");
        }
    }

    private Resp hypervisorList(Ctx ctx, boolean detail) {
        String pattern = ctx.at(53) ? ctx.req.param("hypervisor_hostname_pattern") : null;
        boolean withServers = ctx.at(53) && ComputeService.truthy(ctx.req.param("with_servers"));
        String marker = ctx.at(33) ? ctx.req.param("marker") : null;
        int limit = ctx.at(33) ? ComputeService.parseLimit(ctx, 1000) : 1000;
        if (pattern != null && (ctx.req.param("limit") != null || marker != null)) {
            throw NovaFault.badRequest(
                    "Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.");
        }
        synchronized (state) {
            state.settleAll();
            List<Object> out = new ArrayList<>();
            String id = ctx.at(53) ? hypervisorUuid : "1";
            if (pattern != null) {
                requireMatch(pattern);
            }
            if (marker != null && !marker.equals(id)) {
                throw NovaFault.badRequest("marker [" + marker + "] not found");
            }
            if (computeService() != null && marker == null && limit > 0) {
                Map<String, Object> h = hypervisorDoc(ctx, detail);
                if (withServers) {
                    h.put("servers", serversOnHost());
                }
                out.add(h);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("hypervisors", out);
            if (ctx.at(33) && pattern == null) {
                List<Object> links = ComputeService.nextLinks(
                        ctx, detail ? "os-hypervisors/detail" : "os-hypervisors", out.size(), id, 1000);
                if (links != null) {
                    doc.put("hypervisors_links", links);
                }
            }
            return Resp.json(200, doc);
        }
    }

    private Map<String, Object> hypervisorDoc(Ctx ctx, boolean detail) {
        ServiceRecord c = computeService();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("id", ctx.at(53) ? hypervisorUuid : (Object) 1);
        h.put("hypervisor_hostname", state.hostName);
        h.put("state", c.forcedDown ? "down" : "up");
        h.put("status", c.disabled ? "disabled" : "enabled");
        if (!detail) {
            return h;
        }
        h.put("hypervisor_type", "fake");
        h.put("hypervisor_version", 1000);
        h.put("host_ip", "127.0.0.1");
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", ctx.at(53) ? c.uuid : (Object) c.id);
        service.put("host", state.hostName);
        service.put("disabled_reason", c.disabledReason);
        h.put("service", service);
        if (ctx.at(88)) {
            h.put("uptime", null);
            return h;
        }
        Map<String, Object> stats = statistics();
        stats.remove("count");
        h.putAll(stats);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("arch", "x86_64");
        cpu.put("model", "Nehalem");
        cpu.put("vendor", "Intel");
        cpu.put("features", List.of("pge", "clflush"));
        cpu.put("topology", PyJson.obj("cores", 1, "threads", 1, "sockets", 4));
        // Before 2.28 Nova sends cpu_info as the JSON text the driver reported.
        h.put("cpu_info", ctx.at(28) ? cpu : PyJson.dumpsCompactSorted(cpu));
        return h;
    }

    private List<Server> serversOnHostList() {
        List<Server> out = new ArrayList<>();
        for (Server s : state.servers.values()) {
            // The one host is where every server lands: one still being scheduled already holds its claim.
            if (state.hostName.equals(s.host) || (s.host == null && !"error".equals(s.vmState))) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Object> serversOnHost() {
        List<Object> out = new ArrayList<>();
        for (Server s : serversOnHostList()) {
            out.add(PyJson.obj("name", s.instanceName, "uuid", s.id));
        }
        return out;
    }

    private Map<String, Object> statistics() {
        long vcpusUsed = 0;
        long ramUsed = RESERVED_HOST_MEMORY_MB;
        long diskUsed = 0;
        int running = 0;
        for (Server s : serversOnHostList()) {
            vcpusUsed += s.flavor.vcpus;
            ramUsed += s.flavor.ramMb;
            diskUsed += s.flavor.diskGb + s.flavor.ephemeralGb;
            running++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", computeService() == null ? 0 : 1);
        m.put("vcpus", Host.VCPUS);
        m.put("memory_mb", Host.MEMORY_MB);
        m.put("local_gb", Host.LOCAL_GB);
        m.put("vcpus_used", vcpusUsed);
        m.put("memory_mb_used", ramUsed);
        m.put("local_gb_used", diskUsed);
        m.put("free_ram_mb", Host.MEMORY_MB - ramUsed);
        m.put("free_disk_gb", Host.LOCAL_GB - diskUsed);
        m.put("current_workload", 0);
        m.put("running_vms", running);
        m.put("disk_available_least", 0);
        return m;
    }

    // ------------------------------------------------------------------ services

    private ServiceRecord computeService() {
        for (ServiceRecord r : services) {
            if (r.binary.equals("nova-compute")) {
                return r;
            }
        }
        return null;
    }

    private Resp services(Ctx ctx, List<String> s, String m) {
        String p = "os_compute_api:os-services:";
        if (s.size() == 1 && m.equals("GET")) {
            ComputeService.requireAdmin(ctx, p + "list");
            for (String[] kv : ctx.req.query) {
                if (!kv[0].equals("binary") && !kv[0].equals("host")) {
                    throw NovaFault.badRequest(
                            "Additional properties are not allowed ('" + kv[0] + "' was unexpected)");
                }
            }
            String binary = ctx.req.param("binary");
            String host = ctx.req.param("host");
            synchronized (state) {
                List<Object> out = new ArrayList<>();
                for (ServiceRecord r : services) {
                    if ((binary == null || binary.equals(r.binary)) && (host == null || host.equals(state.hostName))) {
                        out.add(serviceDoc(ctx, r));
                    }
                }
                return Resp.json(200, Map.of("services", out));
            }
        }
        if (s.size() == 2 && m.equals("PUT")) {
            ComputeService.requireAdmin(ctx, p + "update");
            Object body = ComputeService.body(ctx.req);
            if (!(body instanceof Map)) {
                throw NovaFault.badRequest("The request body is invalid");
            }
            Map<?, ?> b = (Map<?, ?>) body;
            synchronized (state) {
                return ctx.at(53) ? updateById(ctx, s.get(1), b) : updateByHost(ctx, s.get(1), b);
            }
        }
        if (s.size() == 2 && m.equals("DELETE")) {
            ComputeService.requireAdmin(ctx, p + "delete");
            synchronized (state) {
                ServiceRecord r = serviceById(ctx, s.get(1));
                if (r == null) {
                    throw NovaFault.notFound("Service " + s.get(1) + " not found.");
                }
                if (r.binary.equals("nova-compute") && !serversOnHostList().isEmpty()) {
                    throw new NovaFault(
                            409,
                            "Unable to delete compute service that is hosting instances. Migrate or delete the "
                                    + "instances first.");
                }
                services.remove(r);
            }
            return Resp.empty(204);
        }
        throw new Unrouted();
    }

    private ServiceRecord serviceById(Ctx ctx, String id) {
        for (ServiceRecord r : services) {
            if (ctx.at(53) ? r.uuid.equals(id) : String.valueOf(r.id).equals(id)) {
                return r;
            }
        }
        return null;
    }

    private Resp updateById(Ctx ctx, String id, Map<?, ?> b) {
        List<String> unexpected = new ArrayList<>(new TreeSet<>(stringKeys(b)));
        unexpected.removeAll(List.of("status", "disabled_reason", "forced_down"));
        if (!unexpected.isEmpty()) {
            throw NovaFault.badRequest(additionalProperties(unexpected));
        }
        Object status = b.get("status");
        if (status != null && !status.equals("enabled") && !status.equals("disabled")) {
            throw NovaFault.badRequest("Invalid input for field/attribute status. Value: " + status + ". "
                    + PyJson.repr(status) + " is not one of ['enabled', 'disabled']");
        }
        Object reason = b.get("disabled_reason");
        if (reason != null
                && (!(reason instanceof String) || ((String) reason).isEmpty() || ((String) reason).length() > 255)) {
            throw NovaFault.badRequest("Invalid input for field/attribute disabled_reason. Value: " + reason + ".");
        }
        Object forced = b.get("forced_down");
        if (forced != null && !(forced instanceof Boolean)) {
            throw NovaFault.badRequest("Invalid input for field/attribute forced_down. Value: " + forced + ". "
                    + PyJson.repr(forced) + " is not of type 'boolean'");
        }
        if (!UUID.matcher(id).matches()) {
            throw NovaFault.badRequest("Invalid uuid " + id);
        }
        ServiceRecord r = serviceById(ctx, id);
        if (r == null) {
            throw NovaFault.notFound("Service " + id + " could not be found.");
        }
        if (!r.binary.equals("nova-compute")) {
            throw NovaFault.badRequest(notCompute(r.binary));
        }
        if (status == null && forced == null) {
            throw NovaFault.badRequest(
                    "No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        }
        if (reason != null && !"disabled".equals(status)) {
            throw NovaFault.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        if (status != null) {
            r.disabled = status.equals("disabled");
            r.disabledReason = r.disabled ? (String) reason : null;
        }
        if (forced != null) {
            r.forcedDown = (Boolean) forced;
        }
        return Resp.json(200, Map.of("service", serviceDoc(ctx, r)));
    }

    private Resp updateByHost(Ctx ctx, String action, Map<?, ?> b) {
        boolean forceDown = action.equals("force-down");
        if (!List.of("enable", "disable", "disable-log-reason").contains(action) && !(forceDown && ctx.at(11))) {
            throw NovaFault.notFound("Unknown action");
        }
        Object host = b.get("host");
        Object binary = b.get("binary");
        if (!(host instanceof String) || !(binary instanceof String)) {
            throw NovaFault.badRequest("Invalid input for field/attribute host. Value: None.");
        }
        if (!binary.equals("nova-compute")) {
            throw NovaFault.badRequest(notCompute((String) binary));
        }
        if (!host.equals(state.hostName)) {
            throw NovaFault.notFound("Host '" + host + "' is not mapped to any cell");
        }
        ServiceRecord r = computeService();
        if (r == null) {
            throw NovaFault.notFound("Service " + binary + " on host " + host + " not found.");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("host", host);
        doc.put("binary", binary);
        if (forceDown) {
            Object forced = b.get("forced_down");
            if (!(forced instanceof Boolean)) {
                throw NovaFault.badRequest("Invalid input for field/attribute forced_down. Value: " + forced + ".");
            }
            r.forcedDown = (Boolean) forced;
            doc.put("forced_down", r.forcedDown);
            return Resp.json(200, Map.of("service", doc));
        }
        r.disabled = !action.equals("enable");
        r.disabledReason = null;
        doc.put("status", r.disabled ? "disabled" : "enabled");
        if (action.equals("disable-log-reason")) {
            Object reason = b.get("disabled_reason");
            if (!(reason instanceof String) || ((String) reason).isEmpty()) {
                throw NovaFault.badRequest("Missing disabled reason field");
            }
            r.disabledReason = (String) reason;
            doc.put("disabled_reason", reason);
        }
        return Resp.json(200, Map.of("service", doc));
    }

    private static String notCompute(String binary) {
        return "Updating a " + binary + " service is not supported. Only nova-compute services can be updated.";
    }

    private Map<String, Object> serviceDoc(Ctx ctx, ServiceRecord r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("binary", r.binary);
        d.put("host", state.hostName);
        d.put("id", ctx.at(53) ? r.uuid : (Object) r.id);
        d.put("zone", r.zone);
        d.put("status", r.disabled ? "disabled" : "enabled");
        d.put("state", r.forcedDown ? "down" : "up");
        // Services report every few seconds: the last report is "now" to the second, as the lab shows.
        d.put("updated_at", CloudState.MICROS.format(CloudState.seconds(state.now())));
        d.put("disabled_reason", r.disabledReason);
        if (ctx.at(11)) {
            d.put("forced_down", r.forcedDown);
        }
        return d;
    }

    private static List<String> stringKeys(Map<?, ?> b) {
        List<String> keys = new ArrayList<>();
        b.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    private static String additionalProperties(List<String> sortedKeys) {
        List<String> quoted = new ArrayList<>();
        sortedKeys.forEach(k -> quoted.add("'" + k + "'"));
        return "Additional properties are not allowed (" + String.join(", ", quoted)
                + (sortedKeys.size() == 1 ? " was" : " were") + " unexpected)";
    }

    // ------------------------------------------------------------------ aggregates

    private Resp aggregates(Ctx ctx, List<String> s, String m) {
        String p = "os_compute_api:os-aggregates:";
        if (s.size() == 1 && m.equals("GET")) {
            ComputeService.requireAdmin(ctx, p + "index");
            synchronized (state) {
                List<Object> out = new ArrayList<>();
                for (Aggregate a : aggregates.values()) {
                    out.add(aggregateDoc(ctx, a, true, false));
                }
                return Resp.json(200, Map.of("aggregates", out));
            }
        }
        if (s.size() == 1 && m.equals("POST")) {
            ComputeService.requireAdmin(ctx, p + "create");
            Map<?, ?> a = envelope(ctx, "aggregate");
            String name = checkName(a.get("name"), "name", true);
            String az = a.get("availability_zone") == null
                    ? null
                    : checkName(a.get("availability_zone"), "availability_zone", true);
            synchronized (state) {
                requireUniqueName(name, null);
                Aggregate agg = new Aggregate(++aggregateSeq, name, state.now());
                if (az != null) {
                    agg.metadata.put("availability_zone", az);
                }
                aggregates.put(agg.id, agg);
                return Resp.json(200, Map.of("aggregate", aggregateDoc(ctx, agg, false, true)));
            }
        }
        if (s.size() < 2) {
            throw new Unrouted();
        }
        if (s.size() == 2 && m.equals("GET")) {
            ComputeService.requireAdmin(ctx, p + "show");
            synchronized (state) {
                return Resp.json(200, Map.of("aggregate", aggregateDoc(ctx, aggregate(s.get(1)), true, false)));
            }
        }
        if (s.size() == 2 && m.equals("PUT")) {
            ComputeService.requireAdmin(ctx, p + "update");
            Map<?, ?> a = envelope(ctx, "aggregate");
            if (a.isEmpty()) {
                throw NovaFault.badRequest("Invalid input for field/attribute aggregate. Value: {}. {} is not valid "
                        + "under any of the given schemas");
            }
            synchronized (state) {
                Aggregate agg = aggregate(s.get(1));
                if (a.containsKey("availability_zone") && a.get("availability_zone") == null) {
                    throw NovaFault.badRequest("Cannot update aggregate " + agg.id + ". Reason: Aggregate " + agg.name
                            + " does not support empty named availability zone.");
                }
                if (a.get("name") != null) {
                    String name = checkName(a.get("name"), "name", true);
                    requireUniqueName(name, agg);
                    agg.name = name;
                }
                if (a.get("availability_zone") != null) {
                    agg.metadata.put(
                            "availability_zone", checkName(a.get("availability_zone"), "availability_zone", true));
                }
                agg.updated = state.now();
                return Resp.json(200, Map.of("aggregate", aggregateDoc(ctx, agg, true, true)));
            }
        }
        if (s.size() == 2 && m.equals("DELETE")) {
            ComputeService.requireAdmin(ctx, p + "delete");
            synchronized (state) {
                Aggregate agg = aggregate(s.get(1));
                if (!agg.hosts.isEmpty()) {
                    throw NovaFault.badRequest(
                            "Cannot remove host from aggregate " + agg.id + ". Reason: Host aggregate is not empty.");
                }
                aggregates.remove(agg.id);
            }
            return Resp.empty(200).header("Content-Type", Resp.JSON);
        }
        if (s.size() == 3 && s.get(2).equals("images") && m.equals("POST") && ctx.at(81)) {
            ComputeService.requireAdmin(ctx, p + "images");
            Object body = ComputeService.body(ctx.req);
            Object cache = body instanceof Map ? ((Map<?, ?>) body).get("cache") : null;
            if (!(cache instanceof List) || ((List<?>) cache).isEmpty()) {
                throw NovaFault.badRequest("Invalid input for field/attribute cache.");
            }
            synchronized (state) {
                aggregate(s.get(1));
                for (Object ref : (List<?>) cache) {
                    Object id = ref instanceof Map ? ((Map<?, ?>) ref).get("id") : null;
                    if (!(id instanceof String) || !state.images.containsKey(id)) {
                        throw NovaFault.badRequest("Image " + id + " could not be found.");
                    }
                }
            }
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
        if (s.size() == 3 && s.get(2).equals("action") && m.equals("POST")) {
            return aggregateAction(ctx, s.get(1), p);
        }
        throw new Unrouted();
    }

    private Resp aggregateAction(Ctx ctx, String id, String p) {
        Object body = ComputeService.body(ctx.req);
        if (!(body instanceof Map) || ((Map<?, ?>) body).size() != 1) {
            throw NovaFault.badRequest("Invalid request body");
        }
        String action = String.valueOf(((Map<?, ?>) body).keySet().iterator().next());
        Object arg = ((Map<?, ?>) body).get(action);
        if (!(arg instanceof Map)) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + action + ".");
        }
        Map<?, ?> a = (Map<?, ?>) arg;
        switch (action) {
            case "add_host":
            case "remove_host": {
                ComputeService.requireAdmin(ctx, p + action);
                String host = checkName(a.get("host"), "host", false);
                synchronized (state) {
                    Aggregate agg = aggregate(id);
                    if (action.equals("add_host")) {
                        if (!host.equals(state.hostName) || computeService() == null) {
                            throw NovaFault.notFound("Compute host " + host + " could not be found.");
                        }
                        if (agg.hosts.contains(host)) {
                            throw new NovaFault(409, "Aggregate " + agg.id + " already has host " + host + ".");
                        }
                        agg.hosts.add(host);
                    } else if (!agg.hosts.remove(host)) {
                        throw NovaFault.notFound("Cannot remove host " + host + " in aggregate " + agg.id);
                    }
                    return Resp.json(200, Map.of("aggregate", aggregateDoc(ctx, agg, true, false)));
                }
            }
            case "set_metadata": {
                ComputeService.requireAdmin(ctx, p + "set_metadata");
                Object md = a.get("metadata");
                if (!(md instanceof Map)) {
                    throw NovaFault.badRequest("Invalid input for field/attribute metadata.");
                }
                synchronized (state) {
                    Aggregate agg = aggregate(id);
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) md).entrySet()) {
                        String k = String.valueOf(e.getKey());
                        if (k.equals("availability_zone") && e.getValue() == null) {
                            throw NovaFault.badRequest("Cannot update metadata of aggregate " + agg.id + ". Reason: "
                                    + "Aggregate " + agg.name + " does not support empty named availability zone.");
                        }
                    }
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) md).entrySet()) {
                        String k = String.valueOf(e.getKey());
                        if (e.getValue() == null) {
                            agg.metadata.remove(k);
                        } else {
                            agg.metadata.put(k, PyJson.str(e.getValue()));
                        }
                    }
                    agg.updated = state.now();
                    return Resp.json(200, Map.of("aggregate", aggregateDoc(ctx, agg, true, true)));
                }
            }
            default:
                throw NovaFault.badRequest("Invalid request body");
        }
    }

    private Map<?, ?> envelope(Ctx ctx, String key) {
        Object body = ComputeService.body(ctx.req);
        Object inner = body instanceof Map ? ((Map<?, ?>) body).get(key) : null;
        if (!(inner instanceof Map)) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + key + ".");
        }
        return (Map<?, ?>) inner;
    }

    private static String checkName(Object value, String field, boolean trimmed) {
        if (!(value instanceof String)) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + field + ". Value: " + PyJson.str(value)
                    + ". " + PyJson.repr(value) + " is not of type 'string'");
        }
        String s = (String) value;
        if (s.isEmpty()) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + field + ". Value: . '' is too short");
        }
        if (s.length() > 255) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + field + ". Value: " + s + ". "
                    + PyJson.repr(s) + " is too long");
        }
        if (trimmed && !s.strip().equals(s)) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + field + ". Value: " + s + ". "
                    + PyJson.repr(s) + " has leading or trailing whitespace");
        }
        return s;
    }

    private void requireUniqueName(String name, Aggregate self) {
        for (Aggregate a : aggregates.values()) {
            if (a != self && a.name.equals(name)) {
                throw new NovaFault(409, "Aggregate " + name + " already exists.");
            }
        }
    }

    private Aggregate aggregate(String id) {
        Aggregate a = null;
        try {
            a = aggregates.get(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            // Not found either way.
        }
        if (a == null) {
            throw NovaFault.notFound("Aggregate " + id + " could not be found.");
        }
        return a;
    }

    /**
     * An aggregate as Nova shows it: the create answer has no hosts and metadata; timestamps written in this
     * request keep their microseconds, those read back from the database are whole seconds (as the lab shows).
     */
    private Map<String, Object> aggregateDoc(Ctx ctx, Aggregate a, boolean full, boolean fresh) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", a.id);
        if (ctx.at(41)) {
            d.put("uuid", a.uuid);
        }
        d.put("name", a.name);
        if (full) {
            d.put("hosts", new ArrayList<>(a.hosts));
            d.put("metadata", new LinkedHashMap<>(a.metadata));
        }
        d.put("created_at", time(a.created, fresh && a.updated == null));
        d.put("updated_at", a.updated == null ? null : time(a.updated, fresh));
        d.put("deleted_at", null);
        d.put("deleted", false);
        d.put("availability_zone", a.metadata.get("availability_zone"));
        return d;
    }

    private static String time(Instant t, boolean micros) {
        return CloudState.MICROS.format(micros ? t : CloudState.seconds(t));
    }

    // ------------------------------------------------------------------ migrations

    private Resp migrationList(Ctx ctx) {
        String since = ctx.at(59) ? ctx.req.param("changes-since") : null;
        String before = ctx.at(66) ? ctx.req.param("changes-before") : null;
        Instant sinceAt = since == null ? null : isoTime(since, "changes-since");
        Instant beforeAt = before == null ? null : isoTime(before, "changes-before");
        if (sinceAt != null && beforeAt != null && sinceAt.isAfter(beforeAt)) {
            throw NovaFault.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
        String host = ctx.req.param("host");
        String status = ctx.req.param("status");
        String instance = ctx.req.param("instance_uuid");
        String type = ctx.req.param("migration_type");
        String source = ctx.req.param("source_compute");
        String user = ctx.at(80) ? ctx.req.param("user_id") : null;
        String project = ctx.at(80) ? ctx.req.param("project_id") : null;
        String marker = ctx.at(59) ? ctx.req.param("marker") : null;
        int limit = ctx.at(59) ? ComputeService.parseLimit(ctx, 1000) : Integer.MAX_VALUE;
        synchronized (state) {
            // Migration records move with their servers' steps, which apply when anything reads the cloud.
            state.settleAll();
            List<MigrationRecord> all = new ArrayList<>(migrations);
            if (ctx.at(59)) {
                // From 2.59 the newest first, as the lab lists them.
                all.sort(Comparator.<MigrationRecord, Instant>comparing(r -> r.created)
                        .thenComparingLong(r -> r.id)
                        .reversed());
            }
            int start = 0;
            if (marker != null) {
                start = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).uuid.equals(marker)) {
                        start = i + 1;
                    }
                }
                if (start < 0) {
                    throw NovaFault.badRequest("Marker " + marker + " could not be found.");
                }
            }
            List<Object> out = new ArrayList<>();
            String last = null;
            for (int i = start; i < all.size() && out.size() < limit; i++) {
                MigrationRecord r = all.get(i);
                if ((host != null && !host.equals(state.hostName))
                        || (status != null && !status.equals(r.status))
                        || (instance != null && !instance.equals(r.instanceUuid))
                        || (type != null && !type.equals(r.type))
                        || (source != null && !source.equals(state.hostName))
                        || (user != null && !user.equals(r.userId))
                        || (project != null && !project.equals(r.projectId))
                        || (sinceAt != null && r.updated.isBefore(sinceAt))
                        || (beforeAt != null && r.updated.isAfter(beforeAt))) {
                    continue;
                }
                out.add(migrationDoc(ctx, r));
                last = r.uuid;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("migrations", out);
            if (ctx.at(59)) {
                List<Object> links = ComputeService.nextLinks(ctx, "os-migrations", out.size(), last, 1000);
                if (links != null) {
                    doc.put("migrations_links", links);
                }
            }
            return Resp.json(200, doc);
        }
    }

    private Map<String, Object> migrationDoc(Ctx ctx, MigrationRecord r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.id);
        if (ctx.at(59)) {
            d.put("uuid", r.uuid);
        }
        d.put("source_compute", state.hostName);
        d.put("dest_compute", state.hostName);
        d.put("source_node", state.hostName);
        d.put("dest_node", state.hostName);
        d.put("dest_host", "127.0.0.1");
        d.put("old_instance_type_id", r.oldFlavorId);
        d.put("new_instance_type_id", r.newFlavorId);
        d.put("instance_uuid", r.instanceUuid);
        d.put("status", r.status);
        if (ctx.at(23)) {
            d.put("migration_type", r.type);
        }
        if (ctx.at(80)) {
            d.put("user_id", r.userId);
            d.put("project_id", r.projectId);
        }
        d.put("created_at", CloudState.MICROS.format(CloudState.seconds(r.created)));
        d.put("updated_at", CloudState.MICROS.format(CloudState.seconds(r.updated)));
        return d;
    }

    private static Instant isoTime(String text, String field) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw NovaFault.badRequest("Invalid input for query parameters " + field + ". Value: " + text + ". "
                        + PyJson.repr(text) + " is not a 'date-time'");
            }
        }
    }

    // ------------------------------------------------------------------ simple tenant usage

    private Resp usage(Ctx ctx, List<String> s, String m) {
        if (!m.equals("GET") || s.size() > 2) {
            throw new Unrouted();
        }
        String tenant = s.size() == 2 ? s.get(1) : null;
        if (tenant == null) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-simple-tenant-usage:list");
        } else if (!ctx.admin && !tenant.equals(ctx.projectId())) {
            throw new NovaFault(
                    403, "Policy doesn't allow os_compute_api:os-simple-tenant-usage:show to be performed.");
        }
        Instant now = state.now();
        Instant start = usageTime(ctx.req.param("start"), now);
        Instant end = usageTime(ctx.req.param("end"), now);
        if (start.isAfter(end)) {
            throw NovaFault.badRequest("Invalid start time. The start time cannot occur after the end time.");
        }
        Instant stop = end.isAfter(now) ? now : end;
        boolean detailed = tenant != null || ComputeService.truthy(ctx.req.param("detailed"));
        String marker = ctx.at(40) ? ctx.req.param("marker") : null;
        int limit = ctx.at(40) ? ComputeService.parseLimit(ctx, 1000) : Integer.MAX_VALUE;
        synchronized (state) {
            state.settleAll();
            List<Server> all = new ArrayList<>();
            all.addAll(state.servers.values());
            all.addAll(state.deletedServers.values());
            // Nova pages the window by (project_id, uuid).
            all.sort(Comparator.comparing((Server x) -> x.projectId).thenComparing(x -> x.id));
            int from = 0;
            if (marker != null) {
                from = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).id.equals(marker)) {
                        from = i + 1;
                    }
                }
                if (from < 0) {
                    throw NovaFault.badRequest("Marker " + marker + " could not be found.");
                }
            }
            // Nova hands the window to the database as whole seconds (utils.isotime drops the fraction), and the
            // database keeps launched_at and terminated_at in whole seconds: a server launched in the current second
            // is not in the report until the next one, and one never launched is never in it.
            Instant windowStart = CloudState.seconds(start);
            Instant windowStop = CloudState.seconds(stop);
            Map<String, Map<String, Object>> byTenant = new LinkedHashMap<>();
            int taken = 0;
            String last = null;
            for (int i = from; i < all.size() && taken < limit; i++) {
                Server srv = all.get(i);
                Instant began = srv.launchedAt == null ? null : CloudState.seconds(srv.launchedAt);
                Instant ended = srv.terminatedAt == null ? null : CloudState.seconds(srv.terminatedAt);
                if ((tenant != null && !tenant.equals(srv.projectId))
                        || began == null
                        || !began.isBefore(windowStop)
                        || (ended != null && !ended.isAfter(windowStart))) {
                    continue;
                }
                taken++;
                last = srv.id;
                Instant a = began.isAfter(start) ? began : start;
                Instant b = ended != null && ended.isBefore(stop) ? ended : stop;
                double hours = Math.max(0, Duration.between(a, b).toNanos()) / 3.6e12;
                Map<String, Object> t = byTenant.computeIfAbsent(srv.projectId, k -> {
                    Map<String, Object> u = new LinkedHashMap<>();
                    u.put("tenant_id", k);
                    if (detailed) {
                        u.put("server_usages", new ArrayList<>());
                    }
                    u.put("total_local_gb_usage", 0.0);
                    u.put("total_vcpus_usage", 0.0);
                    u.put("total_memory_mb_usage", 0.0);
                    u.put("total_hours", 0.0);
                    u.put("start", CloudState.MICROS.format(start));
                    u.put("stop", CloudState.MICROS.format(stop));
                    return u;
                });
                Flavor f = srv.flavor;
                t.put(
                        "total_local_gb_usage",
                        (Double) t.get("total_local_gb_usage") + hours * (f.diskGb + f.ephemeralGb));
                t.put("total_vcpus_usage", (Double) t.get("total_vcpus_usage") + hours * f.vcpus);
                t.put("total_memory_mb_usage", (Double) t.get("total_memory_mb_usage") + hours * f.ramMb);
                t.put("total_hours", (Double) t.get("total_hours") + hours);
                if (detailed) {
                    Map<String, Object> su = new LinkedHashMap<>();
                    su.put("hours", hours);
                    su.put("flavor", f.name);
                    su.put("instance_id", srv.id);
                    su.put("name", srv.name);
                    su.put("tenant_id", srv.projectId);
                    su.put("memory_mb", f.ramMb);
                    su.put("local_gb", f.diskGb + f.ephemeralGb);
                    su.put("vcpus", f.vcpus);
                    su.put("started_at", CloudState.MICROS.format(began));
                    su.put("ended_at", ended == null ? null : CloudState.MICROS.format(ended));
                    su.put("state", srv.gone || ended != null ? "terminated" : srv.vmState);
                    su.put(
                            "uptime",
                            Duration.between(began, ended == null ? now : ended).getSeconds());
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) t.get("server_usages");
                    list.add(su);
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            String collection = tenant == null ? "os-simple-tenant-usage" : "os-simple-tenant-usage/" + tenant;
            List<Object> links = ctx.at(40) ? ComputeService.nextLinks(ctx, collection, taken, last, 1000) : null;
            if (tenant == null) {
                doc.put("tenant_usages", new ArrayList<>(byTenant.values()));
                if (links != null) {
                    doc.put("tenant_usages_links", links);
                }
            } else {
                Map<String, Object> one = byTenant.get(tenant);
                doc.put("tenant_usage", one == null ? new LinkedHashMap<>() : one);
                if (links != null) {
                    doc.put("tenant_usage_links", links);
                }
            }
            return Resp.json(200, doc);
        }
    }

    /** Nova's {@code parse_strtime}: {@code %Y-%m-%dT%H:%M:%S}, with {@code .%f}, or with a blank for the T. */
    private static Instant usageTime(String text, Instant now) {
        if (text == null) {
            return now;
        }
        String t = text.replace(' ', 'T');
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?")) {
            throw NovaFault.badRequest("Invalid datetime string: Datetime is in invalid format");
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw NovaFault.badRequest("Invalid datetime string: Datetime is in invalid format");
        }
    }

    // ------------------------------------------------------------------ flavors (admin side)

    /** The flavor calls ComputeService does not serve itself: extra spec changes, access, update. */
    Resp flavors(Ctx ctx, List<String> s, String m) {
        String p = "os_compute_api:os-flavor-extra-specs:";
        if (s.size() == 3 && s.get(2).equals("os-extra_specs") && m.equals("POST")) {
            ComputeService.requireAdmin(ctx, p + "create");
            Object body = ComputeService.body(ctx.req);
            Object specs = body instanceof Map ? ((Map<?, ?>) body).get("extra_specs") : null;
            if (!(specs instanceof Map)) {
                throw NovaFault.badRequest("Invalid input for field/attribute extra_specs.");
            }
            Map<String, String> checked = checkSpecs((Map<?, ?>) specs);
            synchronized (state) {
                Flavor f = flavor(s.get(1));
                f.extraSpecs.putAll(checked);
                return Resp.json(200, Map.of("extra_specs", new LinkedHashMap<>(checked)));
            }
        }
        if (s.size() == 4 && s.get(2).equals("os-extra_specs") && m.equals("PUT")) {
            ComputeService.requireAdmin(ctx, p + "update");
            Object body = ComputeService.body(ctx.req);
            if (!(body instanceof Map)) {
                throw NovaFault.badRequest("Invalid input for field/attribute extra_specs.");
            }
            Map<?, ?> b = (Map<?, ?>) body;
            if (b.size() > 1) {
                throw NovaFault.badRequest(PyJson.repr(b) + " has too many properties");
            }
            Map<String, String> checked = checkSpecs(b);
            if (!checked.containsKey(s.get(3))) {
                throw NovaFault.badRequest("Request body and URI mismatch");
            }
            synchronized (state) {
                flavor(s.get(1)).extraSpecs.putAll(checked);
            }
            return Resp.json(200, new LinkedHashMap<>(checked));
        }
        if (s.size() == 4 && s.get(2).equals("os-extra_specs") && m.equals("DELETE")) {
            ComputeService.requireAdmin(ctx, p + "delete");
            synchronized (state) {
                Flavor f = flavor(s.get(1));
                if (f.extraSpecs.remove(s.get(3)) == null) {
                    throw NovaFault.notFound("Flavor " + f.id + " has no extra specs with key " + s.get(3) + ".");
                }
            }
            return Resp.empty(200).header("Content-Type", Resp.JSON);
        }
        if (s.size() == 3 && s.get(2).equals("os-flavor-access") && m.equals("GET")) {
            synchronized (state) {
                Flavor f = flavor(s.get(1));
                if (f.isPublic) {
                    throw NovaFault.notFound("Access list not available for public flavors.");
                }
                return Resp.json(200, Map.of("flavor_access", accessDoc(f)));
            }
        }
        if (s.size() == 3 && s.get(2).equals("action") && m.equals("POST")) {
            return flavorAction(ctx, s.get(1));
        }
        if (s.size() == 2 && m.equals("PUT") && ctx.at(55)) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-flavor-manage:update");
            Object body = ComputeService.body(ctx.req);
            Object inner = body instanceof Map ? ((Map<?, ?>) body).get("flavor") : null;
            if (!(inner instanceof Map) || !((Map<?, ?>) inner).containsKey("description")) {
                throw NovaFault.badRequest("Invalid input for field/attribute flavor. Value: " + PyJson.repr(inner)
                        + ". 'description' is a required property");
            }
            Object d = ((Map<?, ?>) inner).get("description");
            if (d != null && !(d instanceof String)) {
                throw NovaFault.badRequest("Invalid input for field/attribute description.");
            }
            synchronized (state) {
                Flavor f = flavor(s.get(1));
                Flavor updated = new Flavor(
                        f.id,
                        f.name,
                        f.ramMb,
                        f.vcpus,
                        f.diskGb,
                        f.swapMb,
                        f.ephemeralGb,
                        f.isPublic,
                        (String) d,
                        f.extraSpecs,
                        f.rxtxFactor);
                state.flavors.put(f.id, updated);
                return Resp.json(200, Map.of("flavor", compute.flavorDoc(ctx, updated, true)));
            }
        }
        throw new Unrouted();
    }

    private Resp flavorAction(Ctx ctx, String id) {
        Object body = ComputeService.body(ctx.req);
        if (!(body instanceof Map) || ((Map<?, ?>) body).size() != 1) {
            throw NovaFault.badRequest("Invalid request body");
        }
        String action = String.valueOf(((Map<?, ?>) body).keySet().iterator().next());
        Object arg = ((Map<?, ?>) body).get(action);
        Object tenant = arg instanceof Map ? ((Map<?, ?>) arg).get("tenant") : null;
        if (!action.equals("addTenantAccess") && !action.equals("removeTenantAccess")) {
            throw NovaFault.badRequest("There is no such action: " + action);
        }
        boolean add = action.equals("addTenantAccess");
        ComputeService.requireAdmin(
                ctx, "os_compute_api:os-flavor-access:" + (add ? "add_tenant_access" : "remove_tenant_access"));
        if (!(tenant instanceof String) || ((String) tenant).isEmpty()) {
            throw NovaFault.badRequest("Invalid input for field/attribute tenant.");
        }
        synchronized (state) {
            Flavor f = flavor(id);
            List<String> tenants = flavorAccess.computeIfAbsent(f.id, k -> new ArrayList<>());
            // Nova names the flavor by its database id in these two messages.
            long dbId = flavorDbId(f);
            if (add) {
                if (f.isPublic) {
                    throw new NovaFault(409, "Can not add access to a public flavor.");
                }
                if (tenants.contains(tenant)) {
                    throw new NovaFault(
                            409,
                            "Flavor access already exists for flavor " + dbId + " and project " + tenant
                                    + " combination.");
                }
                tenants.add((String) tenant);
            } else if (!tenants.remove(tenant)) {
                throw NovaFault.notFound("Flavor access not found for " + dbId + " / " + tenant + " combination.");
            }
            return Resp.json(200, Map.of("flavor_access", accessDoc(f)));
        }
    }

    private List<Object> accessDoc(Flavor f) {
        List<Object> out = new ArrayList<>();
        for (String t : flavorAccess.getOrDefault(f.id, List.of())) {
            out.add(PyJson.obj("flavor_id", f.id, "tenant_id", t));
        }
        return out;
    }

    /** Whether {@code projectId} may use the private flavor {@code flavorId}. */
    boolean hasAccess(String flavorId, String projectId) {
        synchronized (state) {
            return flavorAccess.getOrDefault(flavorId, List.of()).contains(projectId);
        }
    }

    private Flavor flavor(String id) {
        Flavor f = state.flavors.get(id);
        if (f == null) {
            throw NovaFault.notFound("Flavor " + id + " could not be found.");
        }
        return f;
    }

    private static final Pattern SPEC_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");

    private static Map<String, String> checkSpecs(Map<?, ?> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : specs.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!SPEC_KEY.matcher(k).matches()) {
                throw NovaFault.badRequest("Invalid input for field/attribute extra_specs. Value: " + PyJson.repr(specs)
                        + ". " + PyJson.repr(k) + " does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
            }
            Object v = e.getValue();
            String value = v == null ? null : PyJson.str(v);
            if (value == null || value.length() > 255) {
                throw NovaFault.badRequest("Invalid input for field/attribute extra_specs.");
            }
            if (k.equals("hw:cpu_policy")
                    && !List.of("dedicated", "shared", "mixed").contains(value)) {
                // One of the validators Nova runs on the keys it knows (the lab's answer).
                throw NovaFault.badRequest(
                        "Validation failed; " + PyJson.repr(value) + " is not one of: dedicated, shared, mixed.");
            }
            out.put(k, value);
        }
        return out;
    }
}
