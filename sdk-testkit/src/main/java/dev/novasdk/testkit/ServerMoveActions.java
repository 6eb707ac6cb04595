package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Action;
import dev.novasdk.testkit.CloudState.Event;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Image;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Step;
import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resize, rebuild, migration, snapshot and remote console actions of {@code /servers/{id}/action} and
 * {@code /servers/{id}/remote-consoles}, as recorded on the lab (Nova 2.93, fake virt driver, one compute
 * host):
 *
 * <ul>
 *   <li>resize: 202; RESIZE with task states resize_prep, resize_migrating, resize_migrated, resize_finish
 *       (the flavor changes there), then VERIFY_RESIZE (vm_state resized). The action's events are
 *       conductor_migrate_server, cold_migrate, compute_prep_resize, compute_resize_instance,
 *       compute_finish_resize. The same flavor is a 400 "When resizing, instances must change flavor!".
 *   <li>confirmResize: 204; VERIFY_RESIZE a moment longer, then ACTIVE (SHUTOFF if it was stopped); event
 *       compute_confirm_resize. revertResize: 202; REVERT_RESIZE (task resize_reverting), the old flavor back,
 *       then ACTIVE; events compute_revert_resize, compute_finish_revert_resize.
 *   <li>rebuild: 202 with the server (and adminPass) and a Location header; REBUILD with task states
 *       rebuilding, rebuild_block_device_mapping, rebuild_spawning, then back to ACTIVE or SHUTOFF; events
 *       rebuild_server, compute_rebuild_instance.
 *   <li>createImage / createBackup: 202 with {@code image_id} from 2.45, else an empty body and the image's
 *       Glance URL in Location; task states image_snapshot_pending, image_snapshot, image_pending_upload,
 *       image_uploading; events compute_snapshot_instance / compute_backup_instance. The lab's fake driver
 *       uploads nothing, so its image stays queued; this emulates a real driver: queued, saving, active.
 *   <li>migrate and os-migrateLive on the single host: 202, RESIZE (resize_prep) or MIGRATING (migrating),
 *       then back to where it was, the action's message "Error" and its conductor event in error (no valid
 *       host). A migrate to the server's own host is a 400 "Cannot migrate to the host where the server
 *       exists.". evacuate is a 400 "Compute service of ... is still in use." (its host is up), or "The
 *       target host can't be the same one." (404 "Compute host X not found." for an unknown one). migrate,
 *       live-migrate and evacuate are admin-only (403); createBackup is not.
 *   <li>Remote consoles: every type is a 400 "Unavailable console type X." (no console proxy runs).
 * </ul>
 *
 * <p>A wrong state is Nova's 409 "Cannot 'resize' instance ... while it is in vm_state resized".
 */
final class ServerMoveActions {
    private static final Set<String> RESIZE_TASKS =
            Set.of("resize_prep", "resize_migrating", "resize_migrated", "resize_finish");
    private static final Set<String> REBUILD_TASKS =
            Set.of("rebuilding", "rebuild_block_device_mapping", "rebuild_spawning");
    private static final Set<String> SNAPSHOT_STATES = Set.of("active", "stopped", "paused", "suspended");
    private static final Map<String, String> LEGACY_CONSOLES = Map.of(
            "os-getVNCConsole", "novnc",
            "os-getSPICEConsole", "spice-html5",
            "os-getRDPConsole", "rdp-html5",
            "os-getSerialConsole", "serial");

    private final ServersApi servers;
    private final ComputeService compute;
    private final CloudState state;

    ServerMoveActions(ServersApi servers, ComputeService compute) {
        this.servers = servers;
        this.compute = compute;
        this.state = compute.state;
    }

    /** The status of the states these actions add, or null to leave it to {@link Server#status()}. */
    static String status(String vmState, String taskState) {
        if (vmState.equals("resized")) {
            return "resize_reverting".equals(taskState) ? "REVERT_RESIZE" : "VERIFY_RESIZE";
        }
        if (!vmState.equals("active") && !vmState.equals("stopped")) {
            return null;
        }
        if (taskState == null) {
            return null;
        }
        if (RESIZE_TASKS.contains(taskState)) {
            return "RESIZE";
        }
        if (REBUILD_TASKS.contains(taskState)) {
            return "REBUILD";
        }
        if (taskState.equals("migrating")) {
            return "MIGRATING";
        }
        return null;
    }

    Resp action(Ctx ctx, String id, String key, Object body) {
        Object args = ((Map<?, ?>) body).get(key);
        switch (key) {
            case "resize":
                return resize(ctx, id, body);
            case "confirmResize":
                return confirmResize(ctx, id);
            case "revertResize":
                return revertResize(ctx, id);
            case "rebuild":
                return rebuild(ctx, id, body);
            case "migrate":
                return migrate(ctx, id, body, args);
            case "os-migrateLive":
                return liveMigrate(ctx, id, body);
            case "evacuate":
                return evacuate(ctx, id, body);
            case "createImage":
                return snapshot(ctx, id, body, false);
            case "createBackup":
                return snapshot(ctx, id, body, true);
            default:
                return legacyConsole(ctx, id, key, body);
        }
    }

    // ------------------------------------------------------------------ resize

    private Resp resize(Ctx ctx, String id, Object body) {
        Schema resize = Schema.of()
                .type("object")
                .prop("flavorRef", Schema.of().type("string", "integer").minLength(1))
                .prop("OS-DCF:diskConfig", Schema.of().type("string").enumOf("AUTO", "MANUAL"))
                .required(List.of("flavorRef"))
                .noAdditionalProperties();
        ComputeService.validate(envelope("resize", resize), body);
        Map<?, ?> args = (Map<?, ?>) ((Map<?, ?>) body).get("resize");
        String flavorId = ComputeService.idFromHref(PyJson.str(args.get("flavorRef")));
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "resize", Set.of("active", "stopped"));
            Flavor flavor = state.flavors.get(flavorId);
            if (flavor == null) {
                throw NovaFault.badRequest("Flavor " + flavorId + " could not be found.");
            }
            if (flavor.id.equals(s.flavor.id)) {
                throw NovaFault.badRequest("When resizing, instances must change flavor!");
            }
            Instant now = state.now();
            Action a = start(s, "resize", ctx, now, "conductor_migrate_server", "cold_migrate");
            if (args.get("OS-DCF:diskConfig") != null) {
                s.diskConfig = (String) args.get("OS-DCF:diskConfig");
            }
            s.taskState = "resize_prep";
            // The conductor writes the migration record that os-migrations lists, and moves it with the resize.
            compute.operator.recordMigration(s, s.flavor, flavor, "resize", "pre-migrating", ctx.userId());
            Duration d = state.stepDuration;
            s.steps.add(new Step(now.plus(d), x -> {
                x.taskState = "resize_migrating";
                compute.operator.migrationStatus(x.id, "migrating");
                event(a, "compute_prep_resize", now.plus(d));
                event(a, "compute_resize_instance", now.plus(d));
            }));
            s.steps.add(new Step(now.plus(d.multipliedBy(2)), x -> {
                x.taskState = "resize_migrated";
                compute.operator.migrationStatus(x.id, "post-migrating");
            }));
            s.steps.add(new Step(now.plus(d.multipliedBy(3)), x -> {
                x.taskState = "resize_finish";
                x.oldFlavor = x.flavor;
                x.flavor = flavor;
                event(a, "compute_finish_resize", now.plus(d.multipliedBy(3)));
            }));
            Instant done = now.plus(d.multipliedBy(4));
            s.steps.add(new Step(done, x -> {
                x.vmState = "resized";
                x.taskState = null;
                compute.operator.migrationStatus(x.id, "finished");
                ServersApi.finish(a, done, "Success");
            }));
            return accepted();
        }
    }

    private Resp confirmResize(Ctx ctx, String id) {
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "confirmResize", Set.of("resized"));
            Instant now = state.now();
            Action a = start(s, "confirmResize", ctx, now, "compute_confirm_resize");
            Instant done = now.plus(state.stepDuration);
            s.steps.add(new Step(done, x -> {
                x.vmState = x.powerState == 4 ? "stopped" : "active";
                x.oldFlavor = null;
                compute.operator.migrationStatus(x.id, "confirmed");
                ServersApi.finish(a, done, "Success");
            }));
            // Nova answers a confirm with 204, unlike the other actions.
            return Resp.empty(204).header("Content-Type", Resp.JSON);
        }
    }

    private Resp revertResize(Ctx ctx, String id) {
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "revertResize", Set.of("resized"));
            Instant now = state.now();
            Action a = start(s, "revertResize", ctx, now, "compute_revert_resize");
            s.taskState = "resize_reverting";
            compute.operator.migrationStatus(s.id, "reverting");
            Duration d = state.stepDuration;
            s.steps.add(new Step(now.plus(d), x -> {
                if (x.oldFlavor != null) {
                    x.flavor = x.oldFlavor;
                    x.oldFlavor = null;
                }
                event(a, "compute_finish_revert_resize", now.plus(d));
            }));
            Instant done = now.plus(d.multipliedBy(2));
            s.steps.add(new Step(done, x -> {
                x.vmState = x.powerState == 4 ? "stopped" : "active";
                x.taskState = null;
                compute.operator.migrationStatus(x.id, "reverted");
                ServersApi.finish(a, done, "Success");
            }));
            return accepted();
        }
    }

    // ------------------------------------------------------------------ rebuild

    /** Nova's rebuild schema at the request's version (schemas/servers.py base_rebuild ... rebuild_v294). */
    static Schema rebuildSchema(Ctx ctx) {
        Schema r = Schema.of()
                .type("object")
                .prop("name", NovaSchemas.name())
                .prop("imageRef", Schema.of().type("string"))
                .prop("adminPass", Schema.of().type("string"))
                .prop("metadata", NovaSchemas.metadata())
                .prop("preserve_ephemeral", NovaSchemas.booleanParam())
                .prop("OS-DCF:diskConfig", Schema.of().type("string").enumOf("AUTO", "MANUAL"))
                .prop("accessIPv4", Schema.of().type("string").format("ipv4"))
                .prop("accessIPv6", Schema.of().type("string").format("ipv6"));
        if (!ctx.at(57)) {
            r.prop("personality", NovaSchemas.personality());
        }
        r.required(List.of("imageRef")).noAdditionalProperties();
        if (ctx.at(19)) {
            r.prop("description", NovaSchemas.description());
        }
        if (ctx.at(54)) {
            r.prop("key_name", Schema.of().type("string", "null").minLength(1).maxLength(255));
        }
        if (ctx.at(57)) {
            r.prop(
                    "user_data",
                    Schema.of().type("string", "null").format("base64").maxLength(65535));
        }
        if (ctx.at(63)) {
            r.prop(
                    "trusted_image_certificates",
                    Schema.of()
                            .type("array", "null")
                            .minItems(1)
                            .maxItems(50)
                            .items(Schema.of().type("string").minLength(1)));
        }
        if (ctx.at(90)) {
            r.prop(
                    "hostname",
                    ctx.at(94)
                            ? Schema.of()
                                    .type("string")
                                    .minLength(1)
                                    .maxLength(255)
                                    .pattern("^[a-zA-Z0-9-._]*$")
                            : Schema.of()
                                    .type("string")
                                    .minLength(2)
                                    .maxLength(63)
                                    .pattern("^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$"));
        }
        return envelope("rebuild", r);
    }

    @SuppressWarnings("unchecked")
    private Resp rebuild(Ctx ctx, String id, Object body) {
        ComputeService.validate(rebuildSchema(ctx), body);
        Map<String, Object> r = (Map<String, Object>) ((Map<?, ?>) body).get("rebuild");
        String imageId = ComputeService.idFromHref((String) r.get("imageRef"));
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "rebuild", Set.of("active", "stopped", "error"));
            Image image = state.images.get(imageId);
            if (image == null) {
                throw NovaFault.badRequest("Image " + imageId + " could not be found.");
            }
            if (r.containsKey("key_name") && r.get("key_name") != null) {
                Map<String, CloudState.Keypair> mine = state.keypairs.getOrDefault(ctx.userId(), Map.of());
                if (!mine.containsKey((String) r.get("key_name"))) {
                    throw NovaFault.badRequest("Invalid key_name provided.");
                }
            }
            Instant now = state.now();
            Action a = start(s, "rebuild", ctx, now, "rebuild_server");
            s.imageId = imageId;
            if (r.containsKey("name")) {
                s.name = (String) r.get("name");
            }
            if (r.containsKey("metadata")) {
                s.metadata.clear();
                s.metadata.putAll((Map<String, String>) r.get("metadata"));
            }
            if (r.containsKey("description")) {
                s.description = (String) r.get("description");
            }
            if (r.containsKey("key_name")) {
                s.keyName = (String) r.get("key_name");
            }
            if (r.containsKey("user_data")) {
                s.userData = (String) r.get("user_data");
            }
            if (r.containsKey("hostname")) {
                s.hostname = (String) r.get("hostname");
            }
            if (r.containsKey("accessIPv4")) {
                s.accessIPv4 = (String) r.get("accessIPv4");
            }
            if (r.containsKey("accessIPv6")) {
                s.accessIPv6 = (String) r.get("accessIPv6");
            }
            if (r.containsKey("OS-DCF:diskConfig")) {
                s.diskConfig = (String) r.get("OS-DCF:diskConfig");
            }
            String adminPass = r.get("adminPass") != null
                    ? (String) r.get("adminPass")
                    : CloudState.randomAlnum(12, "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
            String vmStateBefore = s.vmState;
            s.vmState = vmStateBefore.equals("error") ? "active" : vmStateBefore;
            s.fault = null;
            s.taskState = "rebuilding";
            s.updated = now;
            Duration d = state.stepDuration;
            s.steps.add(new Step(now.plus(d), x -> {
                x.taskState = "rebuild_block_device_mapping";
                event(a, "compute_rebuild_instance", now.plus(d));
            }));
            s.steps.add(new Step(now.plus(d.multipliedBy(2)), x -> x.taskState = "rebuild_spawning"));
            Instant done = now.plus(d.multipliedBy(3));
            s.steps.add(new Step(done, x -> {
                x.taskState = null;
                x.launchedAt = done;
                ServersApi.finish(a, done, "Success");
            }));
            Map<String, Object> view = ServerViews.render(s, ctx, ServerViews.Kind.SHOW);
            view.put("adminPass", adminPass);
            if (ctx.at(57)) {
                view.put("user_data", s.userData);
            }
            return Resp.json(202, Map.of("server", view)).header("location", ctx.link("servers/" + s.id));
        }
    }

    // ------------------------------------------------------------------ migrations

    private Resp migrate(Ctx ctx, String id, Object body, Object args) {
        Schema migrate = ctx.at(56)
                ? Schema.of()
                        .type("object", "null")
                        .prop(
                                "host",
                                Schema.of().type("string", "null").minLength(1).maxLength(255))
                        .noAdditionalProperties()
                : Schema.of().type("null");
        ComputeService.validate(envelope("migrate", migrate), body);
        ComputeService.requireAdmin(ctx, "os_compute_api:os-migrate-server:migrate");
        String host = args == null ? null : (String) ((Map<?, ?>) args).get("host");
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "migrate", Set.of("active", "stopped"));
            checkHost(host);
            if (host != null) {
                throw NovaFault.badRequest("Cannot migrate to the host where the server exists.");
            }
            failedMove(s, ctx, "migrate", "resize_prep", "conductor_migrate_server", "cold_migrate");
            return accepted();
        }
    }

    private Resp liveMigrate(Ctx ctx, String id, Object body) {
        Schema live = Schema.of()
                .type("object")
                .prop(
                        "block_migration",
                        ctx.at(25)
                                ? Schema.of().type("boolean", "string").enumOf(appendAuto())
                                : NovaSchemas.booleanParam())
                .prop("host", Schema.of().type("string", "null").minLength(1).maxLength(255));
        List<String> required = new ArrayList<>(List.of("block_migration", "host"));
        if (!ctx.at(25)) {
            live.prop("disk_over_commit", NovaSchemas.booleanParam());
            required.add("disk_over_commit");
        }
        if (ctx.at(30) && !ctx.at(68)) {
            live.prop("force", NovaSchemas.booleanParam());
        }
        live.required(required).noAdditionalProperties();
        ComputeService.validate(envelope("os-migrateLive", live), body);
        ComputeService.requireAdmin(ctx, "os_compute_api:os-migrate-server:migrate_live");
        String host = (String) ((Map<?, ?>) ((Map<?, ?>) body).get("os-migrateLive")).get("host");
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, "os-migrateLive", Set.of("active", "paused"));
            checkHost(host);
            failedMove(s, ctx, "live-migration", "migrating", "conductor_live_migrate_instance");
            return accepted();
        }
    }

    private Resp evacuate(Ctx ctx, String id, Object body) {
        Schema evacuate = Schema.of()
                .type("object")
                .prop("host", Schema.of().type("string").minLength(1).maxLength(255))
                .prop("adminPass", Schema.of().type("string"));
        if (!ctx.at(14)) {
            evacuate.prop("onSharedStorage", NovaSchemas.booleanParam()).required(List.of("onSharedStorage"));
        }
        if (ctx.at(29) && !ctx.at(68)) {
            evacuate.prop("force", NovaSchemas.booleanParam());
        }
        evacuate.noAdditionalProperties();
        ComputeService.validate(envelope("evacuate", evacuate), body);
        ComputeService.requireAdmin(ctx, "os_compute_api:os-evacuate");
        String host = (String) ((Map<?, ?>) ((Map<?, ?>) body).get("evacuate")).get("host");
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            if (host != null && !host.equals(state.hostName)) {
                throw NovaFault.notFound("Compute host " + host + " not found.");
            }
            if (host != null) {
                throw NovaFault.badRequest("The target host can't be the same one.");
            }
            throw NovaFault.badRequest("Compute service of " + s.host + " is still in use.");
        }
    }

    private static Object[] appendAuto() {
        Object[] values = new Object[NovaSchemas.BOOLEAN_ENUM.length + 1];
        System.arraycopy(NovaSchemas.BOOLEAN_ENUM, 0, values, 0, NovaSchemas.BOOLEAN_ENUM.length);
        values[values.length - 1] = "auto";
        return values;
    }

    private void checkHost(String host) {
        if (host != null && !host.equals(state.hostName)) {
            throw NovaFault.badRequest("Compute host " + host + " could not be found.");
        }
    }

    // The single host leaves no other one: the scheduler finds no valid host and the server returns to its
    // state, as on the lab.
    private void failedMove(Server s, Ctx ctx, String action, String taskState, String... events) {
        Instant now = state.now();
        Action a = start(s, action, ctx, now, events);
        s.taskState = taskState;
        Instant done = now.plus(state.stepDuration);
        s.steps.add(new Step(done, x -> {
            x.taskState = null;
            a.message = "Error";
            ServersApi.finish(a, done, "Error");
        }));
    }

    // ------------------------------------------------------------------ snapshots

    @SuppressWarnings("unchecked")
    private Resp snapshot(Ctx ctx, String id, Object body, boolean backup) {
        String key = backup ? "createBackup" : "createImage";
        Schema args =
                Schema.of().type("object").prop("name", NovaSchemas.name()).prop("metadata", NovaSchemas.metadata());
        if (backup) {
            args.prop("backup_type", Schema.of().type("string"))
                    .prop(
                            "rotation",
                            Schema.of()
                                    .type("integer", "string")
                                    .pattern("^[0-9]*$")
                                    .minimum(0))
                    .required(List.of("name", "backup_type", "rotation"));
        } else {
            args.required(List.of("name"));
        }
        args.noAdditionalProperties();
        ComputeService.validate(envelope(key, args), body);
        Map<String, Object> a0 = (Map<String, Object>) ((Map<?, ?>) body).get(key);
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkState(s, key, SNAPSHOT_STATES);
            Instant now = state.now();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("image_type", backup ? "backup" : "snapshot");
            props.put("instance_uuid", s.id);
            props.put("base_image_ref", s.imageId);
            props.put("user_id", ctx.userId());
            if (backup) {
                props.put("backup_type", (String) a0.get("backup_type"));
            }
            if (a0.get("metadata") != null) {
                props.putAll((Map<String, String>) a0.get("metadata"));
            }
            Image image = new Image(
                    CloudState.uuid(),
                    (String) a0.get("name"),
                    "queued",
                    "private",
                    s.projectId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    s.flavor.diskGb,
                    props,
                    new ArrayList<>(),
                    now,
                    ++state.imageSeq);
            state.images.put(image.id, image);
            Action a = start(s, key, ctx, now, backup ? "compute_backup_instance" : "compute_snapshot_instance");
            s.taskState = "image_snapshot_pending";
            Duration d = state.stepDuration;
            s.steps.add(new Step(now.plus(d), x -> x.taskState = "image_snapshot"));
            s.steps.add(new Step(now.plus(d.multipliedBy(2)), x -> x.taskState = "image_pending_upload"));
            s.steps.add(new Step(now.plus(d.multipliedBy(3)), x -> {
                x.taskState = "image_uploading";
                image.status = "saving";
                image.updatedAt = now.plus(d.multipliedBy(3));
            }));
            Instant done = now.plus(d.multipliedBy(4));
            int rotation = backup ? ComputeService.intOf(a0.get("rotation"), 0) : -1;
            s.steps.add(new Step(done, x -> {
                x.taskState = null;
                image.status = "active";
                image.updatedAt = done;
                if (rotation >= 0) {
                    rotate(x, (String) a0.get("backup_type"), rotation);
                }
                ServersApi.finish(a, done, "Success");
            }));
            if (ctx.at(45)) {
                return Resp.json(202, Map.of("image_id", image.id));
            }
            return Resp.empty(202)
                    .header("Content-Type", "text/html; charset=UTF-8")
                    .header("Location", compute.cloud.imageEndpoint() + "//images/" + image.id);
        }
    }

    // Nova deletes the oldest backups of the type beyond the rotation.
    private void rotate(Server s, String type, int rotation) {
        List<Image> backups = new ArrayList<>();
        for (Image i : state.images.values()) {
            if ("backup".equals(i.properties.get("image_type"))
                    && s.id.equals(i.properties.get("instance_uuid"))
                    && type.equals(i.properties.get("backup_type"))) {
                backups.add(i);
            }
        }
        for (int n = 0; n < backups.size() - rotation; n++) {
            state.images.remove(backups.get(n).id);
        }
    }

    // ------------------------------------------------------------------ consoles

    Resp remoteConsole(Ctx ctx, String id) {
        if (!ctx.at(6)) {
            throw NovaFault.notFound("The resource could not be found.");
        }
        Object body = ComputeService.body(ctx.req);
        Schema console = Schema.of()
                .type("object")
                .prop(
                        "protocol",
                        Schema.of()
                                .type("string")
                                .enumOf(
                                        ctx.at(8)
                                                ? new Object[] {"vnc", "spice", "rdp", "serial", "mks"}
                                                : new Object[] {"vnc", "spice", "rdp", "serial"}))
                .prop(
                        "type",
                        Schema.of()
                                .type("string")
                                .enumOf(
                                        ctx.at(8)
                                                ? new Object[] {
                                                    "novnc", "xvpvnc", "rdp-html5", "spice-html5", "serial", "webmks"
                                                }
                                                : new Object[] {"novnc", "xvpvnc", "rdp-html5", "spice-html5", "serial"
                                                }))
                .required(List.of("protocol", "type"))
                .noAdditionalProperties();
        ComputeService.validate(envelope("remote_console", console), body);
        String type = (String) ((Map<?, ?>) ((Map<?, ?>) body).get("remote_console")).get("type");
        synchronized (state) {
            servers.visible(ctx, id);
        }
        throw NovaFault.badRequest("Unavailable console type " + type + ".");
    }

    private Resp legacyConsole(Ctx ctx, String id, String key, Object body) {
        if (ctx.at(6)) {
            // Removed at 2.6 in favour of remote-consoles; the lab answers a bare 404.
            throw NovaFault.notFound("The resource could not be found.");
        }
        Object args = ((Map<?, ?>) body).get(key);
        Object type = args instanceof Map ? ((Map<?, ?>) args).get("type") : null;
        synchronized (state) {
            servers.visible(ctx, id);
        }
        if (type == null) {
            throw NovaFault.badRequest("Missing type specification");
        }
        if (!LEGACY_CONSOLES.get(key).equals(type) && !("os-getVNCConsole".equals(key) && "xvpvnc".equals(type))) {
            throw NovaFault.badRequest("Invalid input for field/attribute type. Value: " + type + ".");
        }
        throw NovaFault.badRequest("Unavailable console type " + type + ".");
    }

    // ------------------------------------------------------------------ shared

    private static Schema envelope(String key, Schema inner) {
        return Schema.of()
                .type("object")
                .prop(key, inner)
                .required(List.of(key))
                .noAdditionalProperties();
    }

    // nova/compute/api.py check_instance_state: the vm_state first, then task_state None.
    private static void checkState(Server s, String method, Set<String> vmStates) {
        if (!vmStates.contains(s.vmState)) {
            throw new NovaFault(
                    409, "Cannot '" + method + "' instance " + s.id + " while it is in vm_state " + s.vmState);
        }
        if (s.taskState != null) {
            throw new NovaFault(
                    409, "Cannot '" + method + "' instance " + s.id + " while it is in task_state " + s.taskState);
        }
    }

    private Action start(Server s, String name, Ctx ctx, Instant now, String... events) {
        Action a = servers.record(s, name, ctx, now);
        for (String e : events) {
            a.events.add(0, new Event(e, now));
        }
        s.steps.clear();
        s.updated = now;
        return a;
    }

    // The next event of an action: the earlier ones finished, the new one listed first, as Nova lists them.
    private static void event(Action a, String name, Instant at) {
        for (Event e : a.events) {
            if (e.finish == null) {
                e.finish = at;
                e.result = "Success";
            }
        }
        a.events.add(0, new Event(name, at));
        a.updated = at;
    }

    private static Resp accepted() {
        return Resp.empty(202).header("Content-Type", Resp.JSON);
    }
}
