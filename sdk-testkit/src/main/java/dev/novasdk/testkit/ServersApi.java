package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Action;
import dev.novasdk.testkit.CloudState.Event;
import dev.novasdk.testkit.CloudState.Fault;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Image;
import dev.novasdk.testkit.CloudState.Keypair;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Step;
import dev.novasdk.testkit.CloudState.Volume;
import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import dev.novasdk.testkit.ComputeService.Unrouted;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * {@code /servers}: create with Nova's validations in Nova's order, list with filters, sorting and
 * marker paging, show, update, delete, a few actions and the instance-action log. A server moves through
 * its lifecycle on the cloud's clock: each step is applied when a request next reads the server.
 */
final class ServersApi {
    /** {@code sort_key} values Nova accepts, in the order its error message lists them (from the lab). */
    static final List<String> SORT_KEYS = List.of(
            "project_id",
            "key_name",
            "uuid",
            "progress",
            "display_name",
            "locked",
            "instance_type_id",
            "display_description",
            "hostname",
            "power_state",
            "launched_at",
            "host",
            "kernel_id",
            "task_state",
            "access_ip_v4",
            "terminated_at",
            "ramdisk_id",
            "root_device_name",
            "updated_at",
            "auto_disk_config",
            "image_ref",
            "config_drive",
            "vm_state",
            "launch_index",
            "access_ip_v6",
            "user_id",
            "node",
            "created_at",
            "locked_by",
            "availability_zone");

    static final Set<String> STATUSES = Set.of(
            "ACTIVE",
            "BUILD",
            "DELETED",
            "ERROR",
            "HARD_REBOOT",
            "MIGRATING",
            "PASSWORD",
            "PAUSED",
            "REBOOT",
            "REBUILD",
            "RESCUE",
            "RESIZE",
            "REVERT_RESIZE",
            "SHELVED",
            "SHELVED_OFFLOADED",
            "SHUTOFF",
            "SOFT_DELETED",
            "SUSPENDED",
            "UNKNOWN",
            "VERIFY_RESIZE");
    static final Set<String> QUERY_PARAMS = Set.of(
            "name",
            "status",
            "image",
            "flavor",
            "changes-since",
            "changes-before",
            "tags",
            "tags-any",
            "not-tags",
            "not-tags-any",
            "all_tenants",
            "reservation_id",
            "limit",
            "marker",
            "sort_key",
            "sort_dir",
            "ip",
            "ip6",
            "host",
            "node",
            "hostname",
            "deleted",
            "project_id",
            "tenant_id",
            "user_id",
            "uuid",
            "locked",
            "locked_by",
            "availability_zone",
            "key_name",
            "config_drive",
            "description",
            "display_name",
            "display_description",
            "created_at",
            "launched_at",
            "terminated_at",
            "power_state",
            "task_state",
            "vm_state",
            "progress",
            "launch_index",
            "access_ip_v4",
            "access_ip_v6",
            "auto_disk_config",
            "kernel_id",
            "ramdisk_id",
            "root_device_name",
            "soft_deleted",
            "updated_at",
            "image_ref",
            "instance_type_id");
    private static final String PASSWORD_SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final int MAX_LIMIT = 1000;

    private final ComputeService compute;
    private final CloudState state;
    private final ServerMoveActions moves;

    private final StateActions stateActions;

    ServersApi(ComputeService compute) {
        this.compute = compute;
        this.state = compute.state;
        this.moves = new ServerMoveActions(this, compute);
        this.stateActions = new StateActions(this, state);
    }

    Resp route(Ctx ctx, List<String> s) {
        String m = ctx.req.method;
        if (s.size() == 1) {
            if (m.equals("GET")) {
                return list(ctx, false);
            }
            if (m.equals("POST")) {
                return create(ctx);
            }
        } else if (s.size() == 2) {
            if (s.get(1).equals("detail") && m.equals("GET")) {
                return list(ctx, true);
            }
            switch (m) {
                case "GET":
                    return show(ctx, s.get(1));
                case "PUT":
                    return update(ctx, s.get(1));
                case "DELETE":
                    return delete(ctx, s.get(1));
                default:
                    break;
            }
        } else if (s.size() == 3 && s.get(2).equals("action") && m.equals("POST")) {
            return action(ctx, s.get(1));
        } else if (s.size() == 3 && s.get(2).equals("remote-consoles") && m.equals("POST")) {
            return moves.remoteConsole(ctx, s.get(1));
        } else if (s.size() == 3 && s.get(2).equals("os-instance-actions") && m.equals("GET")) {
            return actionList(ctx, s.get(1));
        } else if (s.size() == 4 && s.get(2).equals("os-instance-actions") && m.equals("GET")) {
            return actionShow(ctx, s.get(1), s.get(3));
        }
        throw new Unrouted();
    }

    /**
     * Instances, cores and RAM a project uses: every server that still exists, including one that reads
     * DELETED. As in the lab, whose Nova counts an instance until its record is deleted, a few seconds after
     * its status turns DELETED.
     */
    static int[] usage(CloudState state, String projectId) {
        return Quotas.usage(state, projectId, null);
    }

    Server visible(Ctx ctx, String id) {
        Server s = state.server(id);
        if (s == null || (!ctx.admin && !s.projectId.equals(ctx.projectId()))) {
            throw NovaFault.notFound("Instance " + id + " could not be found.");
        }
        return s;
    }

    // ------------------------------------------------------------------ create

    @SuppressWarnings("unchecked")
    private Resp create(Ctx ctx) {
        Object body = ComputeService.body(ctx.req);
        ComputeService.validate(NovaSchemas.serverCreate(ctx.version), body);
        Map<String, Object> server = (Map<String, Object>) ((Map<?, ?>) body).get("server");
        int minCount = ComputeService.intOf(server.get("min_count"), 1);
        int maxCount = ComputeService.intOf(server.get("max_count"), minCount);
        if (minCount > maxCount) {
            throw NovaFault.badRequest("min_count must be <= max_count");
        }
        List<Map<String, Object>> bdms = server.get("block_device_mapping_v2") == null
                ? List.of()
                : (List<Map<String, Object>>) server.get("block_device_mapping_v2");
        List<?> legacyBdms =
                server.get("block_device_mapping") == null ? List.of() : (List<?>) server.get("block_device_mapping");
        String imageRef = (String) server.get("imageRef");
        String imageId;
        if ((imageRef == null || imageRef.isEmpty()) && (!bdms.isEmpty() || !legacyBdms.isEmpty())) {
            imageId = "";
        } else if (imageRef != null && !imageRef.isEmpty()) {
            imageId = ComputeService.idFromHref(imageRef);
        } else {
            throw NovaFault.badRequest("Missing imageRef attribute");
        }
        if ((server.containsKey("host") || server.containsKey("hypervisor_hostname")) && !ctx.admin) {
            throw new NovaFault(
                    403, "Policy doesn't allow compute:servers:create:requested_destination to be performed.");
        }
        for (String key : new String[] {"host", "hypervisor_hostname"}) {
            if (server.containsKey(key) && !state.hostName.equals(server.get(key))) {
                throw NovaFault.badRequest("Compute host " + server.get(key) + " could not be found.");
            }
        }
        String az = (String) server.get("availability_zone");
        if (az != null && !az.equals("nova") && !az.startsWith("nova:")) {
            throw NovaFault.badRequest("The requested availability zone is not available");
        }
        String flavorId = ComputeService.idFromHref(PyJson.str(server.get("flavorRef")));
        synchronized (state) {
            state.settleAll();
            ServerGroups.Group group = compute.resources.hintedGroup(ctx, body);
            Flavor flavor = state.flavors.get(flavorId);
            if (flavor == null) {
                throw NovaFault.badRequest("Flavor " + flavorId + " could not be found.");
            }
            Image image = null;
            if (!imageId.isEmpty()) {
                image = state.images.get(imageId);
                if (image == null || !ImageService.visible(image, ctx.projectId())) {
                    throw NovaFault.badRequest("Can not find requested image");
                }
            } else {
                for (Map<String, Object> bdm : bdms) {
                    if ("image".equals(bdm.get("source_type")) && bdm.get("uuid") != null) {
                        Image i = state.images.get((String) bdm.get("uuid"));
                        if (i == null || !ImageService.visible(i, ctx.projectId())) {
                            throw NovaFault.badRequest("Image " + bdm.get("uuid") + " could not be found.");
                        }
                    }
                }
            }
            String keyName = (String) server.get("key_name");
            if (keyName != null) {
                Map<String, Keypair> mine = state.keypairs.get(ctx.userId());
                if (mine == null || !mine.containsKey(keyName)) {
                    throw NovaFault.badRequest("Invalid key_name provided.");
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (server.get("metadata") != null) {
                ((Map<String, Object>) server.get("metadata")).forEach((k, v) -> metadata.put(k, (String) v));
            }
            if (metadata.size() > state.quota.metadataItems) {
                throw new NovaFault(403, "Maximum number of metadata items exceeds " + state.quota.metadataItems);
            }
            checkPersonality((List<Map<String, Object>>) server.get("personality"));
            if (image != null) {
                checkImage(image, flavor);
            }
            int count = checkQuota(ctx, flavor, minCount, maxCount);
            checkBdms(bdms, flavor);
            return createServers(ctx, server, flavor, imageId, metadata, bdms, count, group);
        }
    }

    private void checkPersonality(List<Map<String, Object>> personality) {
        if (personality == null) {
            return;
        }
        CloudState.Quota q = state.quota;
        if (personality.size() > q.injectedFiles) {
            throw new NovaFault(403, "Personality file limit exceeded");
        }
        int maxPath = 0;
        int maxContent = 0;
        for (Map<String, Object> file : personality) {
            String path = (String) file.getOrDefault("path", "");
            String contents = (String) file.getOrDefault("contents", "");
            maxPath = Math.max(maxPath, path == null ? 0 : path.length());
            maxContent = Math.max(maxContent, contents == null ? 0 : contents.length());
        }
        if (maxPath > q.injectedFilePathBytes) {
            throw new NovaFault(403, "Personality file path exceeds maximum " + q.injectedFilePathBytes);
        }
        if (maxContent > q.injectedFileContentBytes) {
            throw new NovaFault(403, "Personality file content exceeds maximum " + q.injectedFileContentBytes);
        }
    }

    private static void checkImage(Image image, Flavor flavor) {
        if (!image.status.equals("active")) {
            throw NovaFault.badRequest("Image " + image.id + " is not active.");
        }
        if (flavor.ramMb < image.minRam) {
            throw NovaFault.badRequest("Flavor's memory is too small for requested image.");
        }
        long flavorBytes = flavor.diskGb * 1024L * 1024L * 1024L;
        if (flavor.diskGb > 0) {
            long imageBytes =
                    Math.max(image.size == null ? 0 : image.size, image.virtualSize == null ? 0 : image.virtualSize);
            if (imageBytes > flavorBytes) {
                throw NovaFault.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
                        + flavorBytes + " bytes, image is " + imageBytes + " bytes.");
            }
            if (image.minDisk > flavor.diskGb) {
                throw NovaFault.badRequest("Flavor's disk is smaller than the minimum size specified in image metadata."
                        + " Flavor disk is " + flavorBytes + " bytes, minimum size is "
                        + image.minDisk * 1024L * 1024L * 1024L + " bytes.");
            }
        }
    }

    /** How many servers fit between min and max count; 403 when not even {@code minCount} fits. */
    private int checkQuota(Ctx ctx, Flavor flavor, int minCount, int maxCount) {
        // Nova checks the project's limits and the user's (its own, else the project's), each against what the
        // project, or the user, already uses; the first scope that cannot fit minCount names the message.
        int allowed = Integer.MAX_VALUE;
        String refusal = null;
        for (String user : new String[] {null, ctx.userId()}) {
            if (user != null && !state.quotas.hasUserLimits(ctx.projectId(), user)) {
                continue;
            }
            Map<String, Integer> q = state.quotas.limits(ctx.projectId(), user);
            int[] used = Quotas.usage(state, ctx.projectId(), user);
            int[] limit = {q.get("instances"), q.get("cores"), q.get("ram")};
            int scopeAllowed = allowed(flavor, used, limit);
            allowed = Math.min(allowed, scopeAllowed);
            if (scopeAllowed < minCount && refusal == null) {
                refusal = quotaMessage(flavor, minCount, used, limit);
            }
        }
        if (refusal != null) {
            throw new NovaFault(403, refusal);
        }
        return Math.min(maxCount, allowed);
    }

    private static int allowed(Flavor flavor, int[] used, int[] limit) {
        int[] per = {1, flavor.vcpus, flavor.ramMb};
        int allowed = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            if (limit[i] != -1 && per[i] > 0) {
                allowed = Math.min(allowed, Math.max(0, limit[i] - used[i]) / per[i]);
            }
        }
        return allowed;
    }

    private static String quotaMessage(Flavor flavor, int minCount, int[] used, int[] limit) {
        int[] per = {1, flavor.vcpus, flavor.ramMb};
        String[] names = {"instances", "cores", "ram"};
        List<String> overs = new ArrayList<>();
        List<String> reqs = new ArrayList<>();
        List<String> useds = new ArrayList<>();
        List<String> alloweds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (limit[i] != -1 && (long) minCount * per[i] > limit[i] - used[i]) {
                overs.add(names[i]);
                reqs.add(String.valueOf((long) minCount * per[i]));
                useds.add(String.valueOf(used[i]));
                alloweds.add(String.valueOf(limit[i]));
            }
        }
        String o = String.join(", ", overs);
        return "Quota exceeded for " + o + ": Requested " + String.join(", ", reqs) + ", but already used "
                + String.join(", ", useds) + " of " + String.join(", ", alloweds) + " " + o;
    }

    private static Integer bootIndex(Map<String, Object> bdm) {
        Object b = bdm.get("boot_index");
        if (b == null) {
            return null;
        }
        try {
            return Integer.parseInt(PyJson.str(b).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkBdms(List<Map<String, Object>> bdms, Flavor flavor) {
        if (bdms.isEmpty()) {
            return;
        }
        List<Integer> boot = new ArrayList<>();
        for (Map<String, Object> bdm : bdms) {
            Integer b = bootIndex(bdm);
            if (b != null && b >= 0) {
                boot.add(b);
            }
        }
        boot.sort(null);
        boolean sequence = !boot.isEmpty() && boot.get(0) == 0;
        for (int i = 1; i < boot.size() && sequence; i++) {
            sequence = boot.get(i) == boot.get(i - 1) + 1;
        }
        if (!sequence) {
            throw NovaFault.badRequest("Block Device Mapping is Invalid: Boot sequence for the instance and image/block"
                    + " device mapping combination is not valid.");
        }
        int ephemeral = 0;
        List<Map<String, Object>> swaps = new ArrayList<>();
        for (Map<String, Object> bdm : bdms) {
            boolean blankLocal = "blank".equals(bdm.get("source_type")) && "local".equals(bdm.get("destination_type"));
            if (blankLocal && "swap".equals(bdm.get("guest_format"))) {
                swaps.add(bdm);
            } else if (blankLocal) {
                ephemeral += bdm.get("volume_size") == null
                        ? flavor.ephemeralGb
                        : ComputeService.intOf(bdm.get("volume_size"), 0);
            }
        }
        if (ephemeral > flavor.ephemeralGb) {
            throw NovaFault.badRequest(
                    "Ephemeral disks requested are larger than the instance type allows. If no size is"
                            + " given in one block device mapping, flavor ephemeral size will be used.");
        }
        if (swaps.size() > 1) {
            throw NovaFault.badRequest("Block Device Mapping is Invalid: More than one swap drive requested.");
        }
        if (!swaps.isEmpty() && ComputeService.intOf(swaps.get(0).get("volume_size"), 0) > flavor.swapMb) {
            throw NovaFault.badRequest("Swap drive requested is larger than instance type allows.");
        }
    }

    /** Nova's {@code utils.sanitize_hostname}. */
    static String sanitizeHostname(String name, String fallback) {
        String h = name.length() > 63 ? name.substring(0, 63) : name;
        h = h.replaceAll("[ _.]", "-");
        h = h.replaceAll("[^\\w.-]+", "");
        h = h.toLowerCase(Locale.ROOT);
        h = h.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (h.isEmpty() && fallback != null) {
            return fallback.length() > 63 ? fallback.substring(0, 63) : fallback;
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    private Resp createServers(
            Ctx ctx,
            Map<String, Object> server,
            Flavor flavor,
            String imageId,
            Map<String, String> metadata,
            List<Map<String, Object>> bdms,
            int count,
            ServerGroups.Group group) {
        Instant now = state.now();
        String reservationId = "r-" + CloudState.randomAlnum(8, "abcdefghijklmnopqrstuvwxyz0123456789");
        List<String> groups = new ArrayList<>();
        if (server.get("security_groups") != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (Map<String, Object> g : (List<Map<String, Object>>) server.get("security_groups")) {
                if (g.get("name") != null) {
                    seen.add((String) g.get("name"));
                }
            }
            groups.addAll(seen);
        }
        if (groups.isEmpty()) {
            groups.add("default");
        }
        List<String> tags = server.get("tags") == null ? List.of() : (List<String>) server.get("tags");
        List<String> certs = server.get("trusted_image_certificates") == null
                ? null
                : new ArrayList<>((List<String>) server.get("trusted_image_certificates"));
        String name = (String) server.get("name");
        String requestedHostname = (String) server.get("hostname");
        String adminPass = server.get("adminPass") == null ? null : (String) server.get("adminPass");
        Object configDrive = server.get("config_drive");
        Server first = null;
        String firstPass = null;
        for (int i = 0; i < count; i++) {
            String id = CloudState.uuid();
            String displayName = count > 1 ? name + "-" + (i + 1) : name;
            String hostname;
            if (requestedHostname != null) {
                hostname = count > 1 ? requestedHostname + "-" + (i + 1) : requestedHostname;
            } else if (count > 1 && sanitizeHostname(name, null).isEmpty()) {
                hostname = "Server-" + id;
            } else {
                hostname = sanitizeHostname(displayName, "Server-" + id);
            }
            List<Volume> volumes = new ArrayList<>();
            for (Map<String, Object> bdm : bdms) {
                if ("volume".equals(bdm.get("destination_type"))) {
                    String volumeId = "volume".equals(bdm.get("source_type")) && bdm.get("uuid") != null
                            ? (String) bdm.get("uuid")
                            : CloudState.uuid();
                    Object dot = bdm.get("delete_on_termination");
                    volumes.add(new Volume(volumeId, dot != null && ComputeService.truthy(dot)));
                }
            }
            Server s = new Server(
                    id,
                    ++state.serverSeq,
                    displayName,
                    ctx.projectId(),
                    ctx.userId(),
                    flavor,
                    imageId,
                    new LinkedHashMap<>(metadata),
                    (String) server.get("key_name"),
                    (String) server.get("description"),
                    new ArrayList<>(tags),
                    hostname,
                    server.get("OS-DCF:diskConfig") == null ? "MANUAL" : (String) server.get("OS-DCF:diskConfig"),
                    configDrive != null && !"".equals(configDrive) && ComputeService.truthy(configDrive),
                    (String) server.get("user_data"),
                    (String) server.get("availability_zone"),
                    reservationId,
                    i,
                    volumes,
                    groups,
                    certs,
                    now);
            if (server.get("accessIPv4") != null) {
                s.accessIPv4 = (String) server.get("accessIPv4");
            }
            if (server.get("accessIPv6") != null) {
                s.accessIPv6 = (String) server.get("accessIPv6");
            }
            Action a = record(s, "create", ctx, now);
            a.events.add(new Event("compute__do_build_and_run_instance", now));
            s.createdAtRequest = state.computeRequests;
            state.servers.put(id, s);
            if (group != null) {
                group.members.add(id);
            }
            scheduleBuild(s, now);
            if (first == null) {
                first = s;
                firstPass = adminPass != null ? adminPass : CloudState.randomAlnum(12, PASSWORD_SYMBOLS);
            }
        }
        if (ComputeService.truthy(server.get("return_reservation_id"))) {
            return Resp.json(202, Map.of("reservation_id", reservationId));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", first.id);
        doc.put("links", ServerViews.links(ctx.link("servers/" + first.id), ctx.bookmark("servers/" + first.id)));
        doc.put("OS-DCF:diskConfig", first.diskConfig);
        List<Object> sg = new ArrayList<>();
        for (String g : groups) {
            sg.add(PyJson.obj("name", g));
        }
        doc.put("security_groups", sg);
        doc.put("adminPass", firstPass);
        return Resp.json(202, Map.of("server", doc)).header("location", ctx.link("servers/" + first.id));
    }

    Action record(Server s, String action, Ctx ctx, Instant now) {
        Action a = new Action(action, ctx.requestId, ctx.userId(), ctx.projectId(), now);
        s.actions.add(a);
        return a;
    }

    static void finish(Action a, Instant at, String result) {
        if (a == null) {
            return;
        }
        for (Event e : a.events) {
            if (e.finish == null) {
                e.finish = at;
                e.result = result;
            }
        }
        a.updated = at;
    }

    private void scheduleBuild(Server s, Instant t0) {
        Duration d = state.stepDuration;
        if (state.instantBoot) {
            if (scheduled(s, t0)) {
                active(s, t0);
            }
            return;
        }
        Instant t1 = t0.plus(d);
        s.steps.add(new Step(t1, x -> {
            if (scheduled(x, t1)) {
                x.taskState = "networking";
            }
        }));
        s.steps.add(new Step(t0.plus(d.multipliedBy(2)), x -> x.taskState = "block_device_mapping"));
        s.steps.add(new Step(t0.plus(d.multipliedBy(3)), x -> x.taskState = "spawning"));
        Instant done = t0.plus(d.multipliedBy(4));
        s.steps.add(new Step(done, x -> active(x, done)));
    }

    /** Places the server on the host, or (false) puts it in ERROR with the scheduler's fault. */
    private boolean scheduled(Server s, Instant at) {
        String refusal = Scheduler.refusal(state, s);
        if (refusal != null) {
            // The conductor gives up: ERROR, no host, the fault, and no further build steps.
            s.steps.clear();
            s.vmState = "error";
            s.taskState = null;
            s.fault = Scheduler.noValidHost(refusal, at);
            finish(s.lastAction("create"), at, "Error");
            return false;
        }
        s.host = state.hostName;
        s.availabilityZone = s.requestedAz == null ? "nova" : s.requestedAz.split(":")[0];
        s.rootDeviceName = "/dev/sda";
        return true;
    }

    private static void active(Server s, Instant at) {
        s.vmState = "active";
        s.taskState = null;
        s.powerState = 1;
        s.launchedAt = at;
        finish(s.lastAction("create"), at, "Success");
    }

    // ------------------------------------------------------------------ show, update, delete

    private Resp show(Ctx ctx, String id) {
        synchronized (state) {
            return Resp.json(200, Map.of("server", ServerViews.render(visible(ctx, id), ctx, ServerViews.Kind.SHOW)));
        }
    }

    @SuppressWarnings("unchecked")
    private Resp update(Ctx ctx, String id) {
        Object body = ComputeService.body(ctx.req);
        ComputeService.validate(NovaSchemas.serverUpdate(ctx.version), body);
        Map<String, Object> u = (Map<String, Object>) ((Map<?, ?>) body).get("server");
        synchronized (state) {
            Server s = visible(ctx, id);
            if (u.containsKey("name")) {
                s.name = (String) u.get("name");
            }
            if (u.containsKey("description")) {
                s.description = (String) u.get("description");
            }
            if (u.containsKey("accessIPv4")) {
                s.accessIPv4 = (String) u.get("accessIPv4");
            }
            if (u.containsKey("accessIPv6")) {
                s.accessIPv6 = (String) u.get("accessIPv6");
            }
            if (u.containsKey("hostname")) {
                s.hostname = (String) u.get("hostname");
            }
            s.updated = state.now();
            return Resp.json(200, Map.of("server", ServerViews.render(s, ctx, ServerViews.Kind.UPDATE)));
        }
    }

    private Resp delete(Ctx ctx, String id) {
        synchronized (state) {
            Server s = visible(ctx, id);
            if (!"deleting".equals(s.taskState) && !s.vmState.equals("deleted")) {
                startDelete(s, ctx);
            }
            return Resp.empty(204).header("Content-Type", Resp.JSON);
        }
    }

    private void startDelete(Server s, Ctx ctx) {
        Instant now = state.now();
        Action a = record(s, "delete", ctx, now);
        a.events.add(new Event("compute_terminate_instance", now));
        s.steps.clear();
        s.taskState = "deleting";
        s.updated = now;
        if (state.instantDelete) {
            deleted(s, now);
            s.gone = true;
            state.settle(s, now);
            return;
        }
        Duration d = state.stepDuration;
        Instant t1 = now.plus(d);
        s.steps.add(new Step(t1, x -> deleted(x, t1)));
        s.steps.add(new Step(t1.plus(state.deletedReadableFor), x -> x.gone = true));
    }

    private static void deleted(Server s, Instant at) {
        s.vmState = "deleted";
        s.taskState = null;
        s.powerState = 0;
        s.terminatedAt = at;
        finish(s.lastAction("delete"), at, "Success");
    }

    // ------------------------------------------------------------------ actions

    private Resp action(Ctx ctx, String id) {
        Object body = ComputeService.body(ctx.req);
        if (!(body instanceof Map) || ((Map<?, ?>) body).isEmpty()) {
            throw NovaFault.badRequest("Malformed request body");
        }
        Map<?, ?> b = (Map<?, ?>) body;
        String key = (String) b.keySet().iterator().next();
        switch (key) {
            case "os-stop":
                return powerAction(ctx, id, "stop", Set.of("active", "error"), null);
            case "os-start":
                return powerAction(ctx, id, "start", Set.of("stopped"), null);
            case "reboot": {
                Schema schema = Schema.of()
                        .type("object")
                        .prop(
                                "reboot",
                                Schema.of()
                                        .type("object")
                                        .prop(
                                                "type",
                                                Schema.of()
                                                        .type("string")
                                                        .enumOf("HARD", "Hard", "hard", "SOFT", "Soft", "soft"))
                                        .required(List.of("type"))
                                        .noAdditionalProperties())
                        .required(List.of("reboot"))
                        .noAdditionalProperties();
                ComputeService.validate(schema, body);
                String type = ((String) ((Map<?, ?>) b.get("reboot")).get("type")).toUpperCase(Locale.ROOT);
                return powerAction(
                        ctx, id, "reboot", Set.of("active", "stopped", "paused", "suspended", "error"), type);
            }
            case "forceDelete":
                synchronized (state) {
                    Server s = visible(ctx, id);
                    if (!"deleting".equals(s.taskState) && !s.vmState.equals("deleted")) {
                        startDelete(s, ctx);
                    }
                    return Resp.empty(202).header("Content-Type", Resp.JSON);
                }
            case "resize":
            case "confirmResize":
            case "revertResize":
            case "rebuild":
            case "migrate":
            case "os-migrateLive":
            case "evacuate":
            case "createImage":
            case "createBackup":
            case "os-getVNCConsole":
            case "os-getSPICEConsole":
            case "os-getRDPConsole":
            case "os-getSerialConsole":
                return moves.action(ctx, id, key, body);
            case "addSecurityGroup":
            case "removeSecurityGroup":
                return compute.subResources.securityGroupAction(ctx, id, key, body);
            case "pause":
                return stateActions.pause(ctx, id);
            case "unpause":
                return stateActions.unpause(ctx, id);
            case "suspend":
                return stateActions.suspend(ctx, id);
            case "resume":
                return stateActions.resume(ctx, id);
            case "lock":
                return stateActions.lock(ctx, id, body);
            case "unlock":
                return stateActions.unlock(ctx, id);
            case "rescue":
                return stateActions.rescue(ctx, id, body);
            case "unrescue":
                return stateActions.unrescue(ctx, id);
            case "shelve":
                return stateActions.shelve(ctx, id);
            case "shelveOffload":
                return stateActions.shelveOffload(ctx, id);
            case "unshelve":
                return stateActions.unshelve(ctx, id, body);
            case "trigger_crash_dump":
                return stateActions.triggerCrashDump(ctx, id);
            case "os-resetState":
                return stateActions.resetState(ctx, id, body);
            case "restore":
                return stateActions.restore(ctx, id);
            case "os-getConsoleOutput":
                return stateActions.consoleOutput(ctx, id, body);
            case "changePassword":
                return stateActions.changePassword(ctx, id, body);
            default:
                throw NovaFault.badRequest("There is no such action: " + key);
        }
    }

    private Resp powerAction(Ctx ctx, String id, String method, Set<String> vmStates, String rebootType) {
        synchronized (state) {
            Server s = visible(ctx, id);
            StateActions.checkLock(ctx, s);
            boolean soft = "SOFT".equals(rebootType);
            if (!vmStates.contains(s.vmState) || (soft && !s.vmState.equals("active"))) {
                throw new NovaFault(
                        409, "Cannot '" + method + "' instance " + s.id + " while it is in vm_state " + s.vmState);
            }
            boolean taskOk = s.taskState == null
                    || ("HARD".equals(rebootType)
                            && (s.taskState.equals("rebooting") || s.taskState.equals("rebooting_hard")));
            if (!taskOk) {
                throw new NovaFault(
                        409, "Cannot '" + method + "' instance " + s.id + " while it is in task_state " + s.taskState);
            }
            Instant now = state.now();
            Action a = record(s, method, ctx, now);
            a.events.add(new Event("compute_" + method + "_instance", now));
            s.steps.clear();
            s.updated = now;
            Instant done = now.plus(state.stepDuration);
            switch (method) {
                case "stop":
                    s.taskState = "powering-off";
                    s.steps.add(new Step(done, x -> {
                        x.vmState = "stopped";
                        x.taskState = null;
                        x.powerState = 4;
                        finish(a, done, "Success");
                    }));
                    break;
                case "start":
                    s.taskState = "powering-on";
                    s.steps.add(new Step(done, x -> {
                        x.vmState = "active";
                        x.taskState = null;
                        x.powerState = 1;
                        finish(a, done, "Success");
                    }));
                    break;
                default:
                    s.taskState = soft ? "rebooting" : "rebooting_hard";
                    s.steps.add(new Step(done, x -> {
                        x.vmState = "active";
                        x.taskState = null;
                        x.powerState = 1;
                        finish(a, done, "Success");
                    }));
            }
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    /** The knob behind {@link FakeCloud#forceError}: ERROR now, with a fault, and no further steps. */
    static void forceError(CloudState state, String id, int code, String message, String details) {
        synchronized (state) {
            Server s = state.server(id);
            if (s == null) {
                throw new IllegalArgumentException("no server " + id + " (it never existed or is already gone)");
            }
            Instant now = state.now();
            s.steps.clear();
            s.vmState = "error";
            s.taskState = null;
            s.fault = new Fault(code, message, details, now);
            s.updated = now;
            for (Action a : s.actions) {
                finish(a, now, "Error");
            }
        }
    }

    // ------------------------------------------------------------------ list

    private Resp list(Ctx ctx, boolean detail) {
        Req req = ctx.req;
        if (ctx.at(75)) {
            Set<String> extras = new TreeSet<>();
            for (String[] kv : req.query) {
                if (!QUERY_PARAMS.contains(kv[0]) && !kv[0].startsWith("_")) {
                    extras.add(kv[0]);
                }
            }
            if (!extras.isEmpty()) {
                throw NovaFault.badRequest(extras.stream().map(PyJson::repr).collect(Collectors.joining(", "))
                        + (extras.size() == 1 ? " does" : " do") + " not match any of the regexes: '^_'");
            }
        }
        int limit = ComputeService.parseLimit(ctx, MAX_LIMIT);
        List<String> sortKeys = req.params("sort_key");
        List<String> sortDirs = req.params("sort_dir");
        for (String k : sortKeys) {
            if (!SORT_KEYS.contains(k)) {
                throw NovaFault.badRequest("Invalid input for query parameters sort_key. Value: " + k + ". "
                        + PyJson.repr(k) + " is not one of " + PyJson.repr(SORT_KEYS));
            }
            if (!ctx.admin && (k.equals("host") || k.equals("node"))) {
                throw new NovaFault(403, "Only administrators can sort servers by " + k);
            }
        }
        for (String d : sortDirs) {
            if (!d.equals("asc") && !d.equals("desc")) {
                throw NovaFault.badRequest("Invalid input for query parameters sort_dir. Value: " + d + ". "
                        + PyJson.repr(d) + " is not one of ['asc', 'desc']");
            }
        }
        List<String> statuses = new ArrayList<>();
        for (String st : req.params("status")) {
            String upper = st.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(upper)) {
                throw NovaFault.badRequest("Invalid status value");
            }
            statuses.add(upper);
        }
        Instant changesSince = timeParam(req, "changes-since");
        Instant changesBefore = ctx.at(66) ? timeParam(req, "changes-before") : null;
        String allTenantsParam = req.param("all_tenants");
        boolean allTenants = allTenantsParam != null && !allTenantsParam.matches("(?i)0|f|false|off|n|no");
        if (allTenants && !ctx.admin) {
            throw new NovaFault(
                    403,
                    "Policy doesn't allow os_compute_api:servers:" + (detail ? "detail" : "index")
                            + ":get_all_tenants to be performed.");
        }
        Pattern namePattern = null;
        if (req.param("name") != null) {
            try {
                namePattern = Pattern.compile(req.param("name"));
            } catch (PatternSyntaxException e) {
                namePattern = Pattern.compile(Pattern.quote(req.param("name")));
            }
        }
        Boolean deleted = DeletedServers.which(ctx, statuses, changesSince != null || changesBefore != null);
        String marker = req.param("marker");
        synchronized (state) {
            state.settleAll();
            Comparator<Server> order = comparator(sortKeys, sortDirs);
            Server markerServer = null;
            if (marker != null) {
                markerServer = DeletedServers.byId(state, marker);
                if (markerServer == null) {
                    throw NovaFault.badRequest("marker [" + marker + "] not found");
                }
            }
            Instant now = state.now();
            List<Server> matching = new ArrayList<>();
            for (Server s : DeletedServers.candidates(state, deleted)) {
                if (!allTenants && !s.projectId.equals(ctx.projectId())) {
                    continue;
                }
                if (matches(ctx, s, namePattern, statuses, changesSince, changesBefore, allTenants)) {
                    matching.add(s);
                }
            }
            matching.sort(order);
            List<Object> out = new ArrayList<>();
            String last = null;
            for (Server s : page(matching, order, markerServer, limit, now)) {
                out.add(detail ? ServerViews.render(s, ctx, ServerViews.Kind.DETAIL) : ServerViews.summary(s, ctx));
                last = s.id;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("servers", out);
            List<Object> links =
                    ComputeService.nextLinks(ctx, detail ? "servers/detail" : "servers", out.size(), last, MAX_LIMIT);
            if (links != null) {
                doc.put("servers_links", links);
            }
            return Resp.json(200, doc);
        }
    }

    // How many compute requests after its create a server's record reaches the cell database, and until how
    // many (plus its launch index) its build request is kept: between the two it is both, as in Nova, whose
    // conductor creates every instance of a multi-create before it deletes their build requests one by one.
    static final int CELL_AFTER_REQUESTS = 2;
    static final int BUILD_REQUEST_UNTIL_REQUESTS = 5;

    /** Whether Nova still holds a build request for the server: it is not yet scheduled. */
    private boolean isBuildRequest(Server s, Instant now) {
        return !state.instantBoot
                && s.host == null
                && s.vmState.equals("building")
                && state.computeRequests - s.createdAtRequest < BUILD_REQUEST_UNTIL_REQUESTS + s.launchIndex
                && now.isBefore(s.created.plus(state.stepDuration));
    }

    /** Whether the server's instance record exists in the cell database. */
    private boolean inCell(Server s, Instant now) {
        return state.instantBoot
                || s.host != null
                || !s.vmState.equals("building")
                || state.computeRequests - s.createdAtRequest >= CELL_AFTER_REQUESTS
                || !now.isBefore(s.created.plus(state.stepDuration));
    }

    /**
     * One page as Nova's {@code compute.api.API.get_all} builds it: the build requests first (sorted, after
     * the marker when the marker is one of them), then the instances of the cell (sorted, after the marker
     * only when the marker was not a build request: when it was, the instances start again from the top),
     * filling what the build requests left of the limit, duplicates removed. While build requests turn into
     * instances between two page requests this repeats servers, and can give the same next marker twice,
     * exactly what the lab's Nova does right after a multi-create.
     */
    private List<Server> page(List<Server> matching, Comparator<Server> order, Server marker, int limit, Instant now) {
        List<Server> buildRequests = new ArrayList<>();
        List<Server> cell = new ArrayList<>();
        for (Server s : matching) {
            if (isBuildRequest(s, now)) {
                buildRequests.add(s);
            }
            if (inCell(s, now)) {
                cell.add(s);
            }
        }
        Server cellMarker = marker;
        List<Server> out = new ArrayList<>();
        if (marker == null || buildRequests.contains(marker)) {
            for (Server s : buildRequests) {
                if (out.size() >= limit) {
                    break;
                }
                if (marker == null || order.compare(s, marker) > 0) {
                    out.add(s);
                }
            }
            cellMarker = null;
        }
        int fromCell = limit - out.size();
        for (Server s : cell) {
            if (fromCell <= 0) {
                break;
            }
            if (cellMarker != null && order.compare(s, cellMarker) <= 0) {
                continue;
            }
            if (!out.contains(s)) {
                out.add(s);
            }
            fromCell--;
        }
        return out;
    }

    private static Instant timeParam(Req req, String name) {
        String v = req.param(name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v + "Z");
            } catch (DateTimeParseException e2) {
                throw NovaFault.badRequest("Invalid input for query parameters " + name + ". Value: " + v + ". "
                        + PyJson.repr(v) + " is not a 'date-time'");
            }
        }
    }

    private static boolean matches(
            Ctx ctx,
            Server s,
            Pattern name,
            List<String> statuses,
            Instant changesSince,
            Instant changesBefore,
            boolean allTenants) {
        Req req = ctx.req;
        if (name != null && !name.matcher(s.name).find()) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(s.status())) {
            return false;
        }
        if (req.param("image") != null && !s.imageId.equals(ComputeService.idFromHref(req.param("image")))) {
            return false;
        }
        if (req.param("flavor") != null && !s.flavor.id.equals(ComputeService.idFromHref(req.param("flavor")))) {
            return false;
        }
        if (changesSince != null && s.updated.isBefore(changesSince)) {
            return false;
        }
        if (changesBefore != null && s.updated.isAfter(changesBefore)) {
            return false;
        }
        if (req.param("reservation_id") != null && !s.reservationId.equals(req.param("reservation_id"))) {
            return false;
        }
        if (req.param("key_name") != null && !req.param("key_name").equals(s.keyName)) {
            return false;
        }
        if (req.param("ip") != null || req.param("ip6") != null) {
            return false;
        }
        if (ctx.admin && req.param("host") != null && !req.param("host").equals(s.host)) {
            return false;
        }
        String project = req.param("project_id") != null ? req.param("project_id") : req.param("tenant_id");
        if (allTenants && project != null && !project.equals(s.projectId)) {
            return false;
        }
        if (ctx.admin && req.param("user_id") != null && !req.param("user_id").equals(s.userId)) {
            return false;
        }
        if (ctx.at(26)) {
            List<String> tags = csv(req.param("tags"));
            if (tags != null && !s.tags.containsAll(tags)) {
                return false;
            }
            List<String> any = csv(req.param("tags-any"));
            if (any != null && any.stream().noneMatch(s.tags::contains)) {
                return false;
            }
            List<String> notTags = csv(req.param("not-tags"));
            if (notTags != null && s.tags.containsAll(notTags)) {
                return false;
            }
            List<String> notAny = csv(req.param("not-tags-any"));
            if (notAny != null && notAny.stream().anyMatch(s.tags::contains)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> csv(String v) {
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String p : v.split(",")) {
            if (!p.trim().isEmpty()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /**
     * Nova's order: the requested keys, then {@code created_at} and {@code id} in the first direction given
     * (descending by default). The integer id is the creation sequence.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Server> comparator(List<String> keys, List<String> dirs) {
        List<String> k = new ArrayList<>(keys);
        List<String> d = new ArrayList<>(dirs);
        String defaultDir = d.isEmpty() ? "desc" : d.get(0);
        while (d.size() < k.size()) {
            d.add(defaultDir);
        }
        if (!k.contains("created_at")) {
            k.add("created_at");
            d.add(defaultDir);
        }
        k.add("id");
        d.add(defaultDir);
        Comparator<Server> c = null;
        for (int i = 0; i < k.size(); i++) {
            Function<Server, Comparable> getter = getter(k.get(i));
            Comparator<Server> one = Comparator.comparing(getter, Comparator.nullsFirst(Comparator.naturalOrder()));
            if (d.get(i).equals("desc")) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c;
    }

    @SuppressWarnings("rawtypes")
    private static Function<Server, Comparable> getter(String key) {
        switch (key) {
            case "display_name":
                return s -> s.name;
            case "created_at":
                return s -> s.created;
            case "updated_at":
                return s -> s.updated;
            case "uuid":
                return s -> s.id;
            case "id":
                return s -> s.seq;
            case "vm_state":
                return s -> s.vmState;
            case "task_state":
                return s -> s.taskState;
            case "power_state":
                return s -> s.powerState;
            case "launched_at":
                return s -> s.launchedAt;
            case "terminated_at":
                return s -> s.terminatedAt;
            case "host":
            case "node":
                return s -> s.host;
            case "hostname":
                return s -> s.hostname;
            case "key_name":
                return s -> s.keyName;
            case "image_ref":
                return s -> s.imageId;
            case "instance_type_id":
                return s -> s.flavor.id;
            case "display_description":
                return s -> s.description;
            case "project_id":
                return s -> s.projectId;
            case "user_id":
                return s -> s.userId;
            case "availability_zone":
                return s -> s.availabilityZone;
            case "launch_index":
                return s -> s.launchIndex;
            case "access_ip_v4":
                return s -> s.accessIPv4;
            case "access_ip_v6":
                return s -> s.accessIPv6;
            case "root_device_name":
                return s -> s.rootDeviceName;
            case "config_drive":
                return s -> s.configDrive;
            default:
                return s -> 0;
        }
    }

    // ------------------------------------------------------------------ instance actions

    private Server withActions(Ctx ctx, String id) {
        synchronized (state) {
            Server s = state.server(id);
            if (s == null && ctx.at(21)) {
                s = state.deletedServers.get(id);
            }
            if (s == null || (!ctx.admin && !s.projectId.equals(ctx.projectId()))) {
                throw NovaFault.notFound("Instance " + id + " could not be found.");
            }
            return s;
        }
    }

    private Map<String, Object> actionDoc(Ctx ctx, Server s, Action a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.action);
        m.put("instance_uuid", s.id);
        m.put("request_id", a.requestId);
        m.put("user_id", a.userId);
        m.put("project_id", a.projectId);
        m.put("start_time", CloudState.MICROS.format(a.start));
        m.put("message", a.message);
        if (ctx.at(58)) {
            m.put("updated_at", CloudState.MICROS.format(a.updated));
        }
        return m;
    }

    private Resp actionList(Ctx ctx, String id) {
        synchronized (state) {
            Server s = withActions(ctx, id);
            List<Action> actions = new ArrayList<>(s.actions);
            java.util.Collections.reverse(actions);
            actions = StateActions.changedWithin(ctx, actions);
            int start = 0;
            int limit = Integer.MAX_VALUE;
            if (ctx.at(58)) {
                limit = ComputeService.parseLimit(ctx, MAX_LIMIT);
                String marker = ctx.req.param("marker");
                if (marker != null) {
                    start = -1;
                    for (int i = 0; i < actions.size(); i++) {
                        if (actions.get(i).requestId.equals(marker)) {
                            start = i + 1;
                        }
                    }
                    if (start < 0) {
                        // Sic: the lab's Nova formats the marker it did not find as None.
                        throw NovaFault.badRequest("Marker None could not be found.");
                    }
                }
            }
            List<Object> out = new ArrayList<>();
            String last = null;
            for (int i = start; i < actions.size() && out.size() < limit; i++) {
                out.add(actionDoc(ctx, s, actions.get(i)));
                last = actions.get(i).requestId;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("instanceActions", out);
            if (ctx.at(58)) {
                List<Object> links = ComputeService.nextLinks(
                        ctx, "servers/" + s.id + "/os-instance-actions", out.size(), last, MAX_LIMIT);
                if (links != null) {
                    doc.put("links", links);
                }
            }
            return Resp.json(200, doc);
        }
    }

    private Resp actionShow(Ctx ctx, String id, String requestId) {
        synchronized (state) {
            Server s = withActions(ctx, id);
            Action found = null;
            for (Action a : s.actions) {
                if (a.requestId.equals(requestId)) {
                    found = a;
                }
            }
            if (found == null) {
                throw NovaFault.notFound("Action " + requestId + " not found");
            }
            Map<String, Object> doc = actionDoc(ctx, s, found);
            if (ctx.admin || ctx.at(51)) {
                List<Object> events = new ArrayList<>();
                for (Event e : found.events) {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("event", e.name);
                    ev.put("start_time", CloudState.MICROS.format(e.start));
                    ev.put("finish_time", e.finish == null ? null : CloudState.MICROS.format(e.finish));
                    ev.put("result", e.result);
                    if (ctx.admin) {
                        ev.put("traceback", null);
                    }
                    if (ctx.at(62)) {
                        if (ctx.admin) {
                            ev.put("host", s.host);
                        }
                        ev.put("hostId", ServerViews.hostId(s));
                    }
                    if (ctx.at(84) && ctx.admin) {
                        ev.put("details", null);
                    }
                    events.add(ev);
                }
                doc.put("events", events);
            }
            return Resp.json(200, Map.of("instanceAction", doc));
        }
    }
}
