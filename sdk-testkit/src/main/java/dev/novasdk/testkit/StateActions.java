package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Action;
import dev.novasdk.testkit.CloudState.Event;
import dev.novasdk.testkit.CloudState.Server;
import dev.novasdk.testkit.CloudState.Step;
import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The power and state actions of {@code POST /servers/{id}/action}: pause, suspend, lock, rescue, shelve,
 * crash dump, reset state, restore and admin password, with the transitions, task states, instance actions
 * (and their event names), 409 messages and policies recorded from the lab (Nova 26, fake virt driver).
 *
 * <p>What the lab showed, and this follows: the API sets the task state before answering, the compute host
 * ends the task one step later; a locked server refuses every action to its non-admin owner with "Instance
 * &lt;id&gt; is locked"; {@code shelve} frees the host at once ({@code shelved_offload_time = 0}), passing
 * through {@code SHELVED} with task {@code shelving_offloading}; {@code shelveOffload} and
 * {@code os-resetState} are admin-only; rescue answers 200 with the password; lock and unlock are recorded
 * with {@code api_lock}/{@code api_unlock} events, reset state with none; the fake driver leaves the power
 * state RUNNING (1) when paused or suspended.
 */
final class StateActions {
    private static final String PASSWORD_SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private final ServersApi servers;
    private final CloudState state;
    /** The snapshot each shelved server keeps in Glance until it is unshelved, by server id. */
    private final Map<String, String> shelvedImages = new java.util.HashMap<>();

    StateActions(ServersApi servers, CloudState state) {
        this.servers = servers;
        this.state = state;
    }

    /** The 409 of a locked server, checked before its state as Nova's decorators do; admins pass. */
    static void checkLock(Ctx ctx, Server s) {
        if (s.locked && !ctx.admin) {
            throw new NovaFault(409, "Instance " + s.id + " is locked");
        }
    }

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

    /**
     * Checks lock and state, records the action with its events, sets {@code task} now, and applies
     * {@code done} one step later, finishing the events.
     */
    private Resp async(
            Ctx ctx,
            String id,
            String method,
            Set<String> vmStates,
            String task,
            List<String> events,
            Consumer<Server> done) {
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkLock(ctx, s);
            checkState(s, method, vmStates);
            start(ctx, s, method, task, events, done);
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    private Action start(Ctx ctx, Server s, String method, String task, List<String> events, Consumer<Server> done) {
        Instant now = state.now();
        Action a = servers.record(s, method, ctx, now);
        for (String e : events) {
            a.events.add(new Event(e, now));
        }
        s.steps.clear();
        s.taskState = task;
        s.updated = now;
        Instant end = now.plus(state.stepDuration);
        s.steps.add(new Step(end, x -> {
            done.accept(x);
            x.taskState = null;
            ServersApi.finish(a, end, "Success");
        }));
        return a;
    }

    Resp pause(Ctx ctx, String id) {
        return async(ctx, id, "pause", Set.of("active"), "pausing", List.of("compute_pause_instance"), x -> {
            x.vmState = "paused";
        });
    }

    Resp unpause(Ctx ctx, String id) {
        return async(ctx, id, "unpause", Set.of("paused"), "unpausing", List.of("compute_unpause_instance"), x -> {
            x.vmState = "active";
        });
    }

    Resp suspend(Ctx ctx, String id) {
        return async(ctx, id, "suspend", Set.of("active"), "suspending", List.of("compute_suspend_instance"), x -> {
            x.vmState = "suspended";
        });
    }

    Resp resume(Ctx ctx, String id) {
        return async(ctx, id, "resume", Set.of("suspended"), "resuming", List.of("compute_resume_instance"), x -> {
            x.vmState = "active";
        });
    }

    Resp unrescue(Ctx ctx, String id) {
        return async(ctx, id, "unrescue", Set.of("rescued"), "unrescuing", List.of("compute_unrescue_instance"), x -> {
            x.vmState = "active";
            x.powerState = 1;
        });
    }

    Resp restore(Ctx ctx, String id) {
        return async(ctx, id, "restore", Set.of("soft-delete"), "restoring", List.of("compute_restore_instance"), x -> {
            x.vmState = "active";
            x.powerState = 1;
        });
    }

    Resp triggerCrashDump(Ctx ctx, String id) {
        // The lab's router knows the action only from 2.17 and answers a bare 404 below it.
        if (!ctx.at(17)) {
            throw NovaFault.notFound("The resource could not be found.");
        }
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            if (s.host == null) {
                // Nova checks the host before the state: an offloaded server is "not ready".
                throw new NovaFault(409, "Instance " + s.id + " is not ready");
            }
            checkLock(ctx, s);
            checkState(s, "trigger_crash_dump", Set.of("active", "paused", "rescued", "resized", "error"));
            Instant now = state.now();
            Action a = servers.record(s, "trigger_crash_dump", ctx, now);
            a.events.add(new Event("compute_trigger_crash_dump", now));
            Instant end = now.plus(state.stepDuration);
            s.steps.add(new Step(end, x -> ServersApi.finish(a, end, "Success")));
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    Resp lock(Ctx ctx, String id, Object body) {
        Object arg = ((Map<?, ?>) body).get("lock");
        String reason = null;
        if (ctx.at(73)) {
            ComputeService.validate(
                    Schema.of()
                            .type("object")
                            .prop(
                                    "lock",
                                    Schema.of()
                                            .type("object", "null")
                                            .prop(
                                                    "locked_reason",
                                                    Schema.of()
                                                            .type("string")
                                                            .minLength(1)
                                                            .maxLength(255))
                                            .noAdditionalProperties())
                            .required(List.of("lock"))
                            .noAdditionalProperties(),
                    body);
            if (arg instanceof Map) {
                reason = (String) ((Map<?, ?>) arg).get("locked_reason");
            }
        }
        // Before 2.73 the lab accepts a body with a reason and ignores the reason.
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            Instant now = state.now();
            Action a = servers.record(s, "lock", ctx, now);
            a.events.add(new Event("api_lock", now));
            ServersApi.finish(a, now, "Success");
            if (!s.locked) {
                s.locked = true;
                s.lockedReason = reason;
                s.lockedByAdmin = ctx.admin && !ctx.projectId().equals(s.projectId);
            }
            s.updated = now;
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    Resp unlock(Ctx ctx, String id) {
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            if (s.locked && s.lockedByAdmin && !ctx.admin) {
                ComputeService.requireAdmin(ctx, "os_compute_api:os-lock-server:unlock:unlock_override");
            }
            Instant now = state.now();
            Action a = servers.record(s, "unlock", ctx, now);
            a.events.add(new Event("api_unlock", now));
            ServersApi.finish(a, now, "Success");
            s.locked = false;
            s.lockedReason = null;
            s.lockedByAdmin = false;
            s.updated = now;
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    Resp rescue(Ctx ctx, String id, Object body) {
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                "rescue",
                                Schema.of()
                                        .type("object", "null")
                                        .prop("adminPass", Schema.of().type("string"))
                                        .prop(
                                                "rescue_image_ref",
                                                Schema.of().type("string").format("uuid"))
                                        .noAdditionalProperties())
                        .required(List.of("rescue"))
                        .noAdditionalProperties(),
                body);
        Object arg = ((Map<?, ?>) body).get("rescue");
        String password = arg instanceof Map ? (String) ((Map<?, ?>) arg).get("adminPass") : null;
        if (password == null) {
            password = CloudState.randomAlnum(12, PASSWORD_SYMBOLS);
        }
        String image = arg instanceof Map ? (String) ((Map<?, ?>) arg).get("rescue_image_ref") : null;
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            if (image != null && !state.images.containsKey(image)) {
                throw NovaFault.badRequest("Requested rescue image '" + image + "' is not supported");
            }
            checkLock(ctx, s);
            checkState(s, "rescue", Set.of("active", "stopped", "error"));
            start(ctx, s, "rescue", "rescuing", List.of("compute_rescue_instance"), x -> {
                x.vmState = "rescued";
                x.powerState = 4;
            });
            return Resp.json(200, Map.of("adminPass", password));
        }
    }

    Resp shelve(Ctx ctx, String id) {
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkLock(ctx, s);
            checkState(s, "shelve", Set.of("active", "stopped", "paused", "suspended"));
            Action a = start(ctx, s, "shelve", "shelving", List.of("compute_shelve_instance"), x -> {});
            // As in the lab: the snapshot is uploaded, then SHELVED while the host is freed, then
            // SHELVED_OFFLOADED, one step each.
            s.steps.clear();
            Instant t1 = state.now().plus(state.stepDuration);
            Instant t2 = t1.plus(state.stepDuration);
            Instant t3 = t2.plus(state.stepDuration);
            String image = shelvedImage(s, state.now());
            s.steps.add(new Step(t1, x -> {
                x.taskState = "shelving_image_uploading";
                // The lab's fake driver uploads nothing (its image stays queued); a real driver's becomes active.
                CloudState.Image i = state.images.get(image);
                if (i != null) {
                    i.status = "active";
                    i.updatedAt = t1;
                }
            }));
            s.steps.add(new Step(t2, x -> {
                x.vmState = "shelved";
                x.taskState = "shelving_offloading";
                x.powerState = 4;
            }));
            s.steps.add(new Step(t3, x -> {
                offloaded(x);
                ServersApi.finish(a, t3, "Success");
            }));
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    /**
     * The snapshot {@code shelve} leaves in Glance, as in the lab: a private image named
     * {@code <server>-shelved} with {@code image_type=snapshot}, {@code instance_uuid} and
     * {@code base_image_ref}, queued until uploaded; unshelve deletes it.
     */
    private String shelvedImage(Server s, Instant now) {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("image_type", "snapshot");
        props.put("instance_uuid", s.id);
        props.put("base_image_ref", s.imageId == null ? "" : s.imageId);
        props.put("user_id", s.userId);
        CloudState.Image i = new CloudState.Image(
                CloudState.uuid(),
                s.name + "-shelved",
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
                0,
                props,
                new java.util.ArrayList<>(),
                now,
                ++state.imageSeq);
        state.images.put(i.id, i);
        String previous = shelvedImages.put(s.id, i.id);
        if (previous != null) {
            state.images.remove(previous);
        }
        return i.id;
    }

    private static void offloaded(Server x) {
        x.vmState = "shelved_offloaded";
        x.taskState = null;
        x.host = null;
    }

    Resp shelveOffload(Ctx ctx, String id) {
        ComputeService.requireAdmin(ctx, "os_compute_api:os-shelve:shelve_offload");
        return async(
                ctx,
                id,
                "shelveOffload",
                Set.of("shelved"),
                "shelving_offloading",
                List.of("compute_shelve_offload_instance"),
                StateActions::offloaded);
    }

    @SuppressWarnings("unchecked")
    Resp unshelve(Ctx ctx, String id, Object body) {
        Object arg = ((Map<?, ?>) body).get("unshelve");
        String az = null;
        if (ctx.at(77) && arg != null) {
            Map<String, Object> u = arg instanceof Map ? (Map<String, Object>) arg : null;
            if (u == null) {
                throw NovaFault.badRequest("Invalid input for field/attribute unshelve. Value: " + PyJson.repr(arg)
                        + ". " + PyJson.repr(arg) + " is not of type 'object', 'null'");
            }
            Schema object = Schema.of()
                    .type("object")
                    .prop(
                            "availability_zone",
                            Schema.of().type(ctx.at(91) ? new String[] {"string", "null"} : new String[] {"string"}))
                    .noAdditionalProperties();
            if (ctx.at(91)) {
                object = object.prop("host", Schema.of().type("string"));
            }
            // The lab's 2.91 accepts {"unshelve": {}} although the API reference forbids it; 2.77 to 2.90
            // require the zone.
            if (!ctx.at(91)) {
                object = object.required(List.of("availability_zone"));
            }
            ComputeService.validate(
                    Schema.of().type("object").prop("unshelve", object).noAdditionalProperties(), body);
            if (u.containsKey("host")) {
                ComputeService.requireAdmin(ctx, "os_compute_api:os-shelve:unshelve_to_host");
            }
            az = (String) u.get("availability_zone");
            Object host = u.get("host");
            if (host != null && !host.equals(state.hostName)) {
                throw NovaFault.badRequest("Compute host " + host + " could not be found.");
            }
            if (az != null && !az.equals("nova")) {
                throw NovaFault.badRequest("The requested availability zone is not available");
            }
        }
        String zone = az;
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            checkLock(ctx, s);
            checkState(s, "unshelve", Set.of("shelved", "shelved_offloaded"));
            Instant now = state.now();
            // The lab lists the events newest first: the compute host's, the conductor's, the API's.
            Action a = servers.record(s, "unshelve", ctx, now);
            for (String e : List.of("compute_unshelve_instance", "schedule_instances", "get_image_info")) {
                a.events.add(new Event(e, now));
            }
            s.steps.clear();
            s.taskState = "unshelving";
            s.updated = now;
            Instant t1 = now.plus(state.stepDuration);
            Instant t2 = t1.plus(state.stepDuration);
            s.steps.add(new Step(t1, x -> {
                x.taskState = "spawning";
                x.host = state.hostName;
                if (zone != null) {
                    x.availabilityZone = zone;
                }
            }));
            s.steps.add(new Step(t2, x -> {
                x.vmState = "active";
                x.taskState = null;
                x.powerState = 1;
                ServersApi.finish(a, t2, "Success");
                String image = shelvedImages.remove(x.id);
                if (image != null) {
                    state.images.remove(image);
                }
            }));
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    Resp resetState(Ctx ctx, String id, Object body) {
        ComputeService.requireAdmin(ctx, "os_compute_api:os-admin-actions:reset_state");
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                "os-resetState",
                                Schema.of()
                                        .type("object")
                                        .prop(
                                                "state",
                                                Schema.of().type("string").enumOf("active", "error"))
                                        .required(List.of("state"))
                                        .noAdditionalProperties())
                        .required(List.of("os-resetState"))
                        .noAdditionalProperties(),
                body);
        String target = (String) ((Map<?, ?>) ((Map<?, ?>) body).get("os-resetState")).get("state");
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            Instant now = state.now();
            // The lab records the action without events.
            servers.record(s, "resetState", ctx, now);
            s.steps.clear();
            s.vmState = target;
            s.taskState = null;
            s.updated = now;
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
    }

    Resp changePassword(Ctx ctx, String id, Object body) {
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                "changePassword",
                                Schema.of()
                                        .type("object")
                                        .prop("adminPass", Schema.of().type("string"))
                                        .required(List.of("adminPass"))
                                        .noAdditionalProperties())
                        .required(List.of("changePassword"))
                        .noAdditionalProperties(),
                body);
        return async(
                ctx,
                id,
                "changePassword",
                Set.of("active"),
                "updating_password",
                List.of("compute_set_admin_password"),
                x -> {});
    }

    /**
     * {@code os-getConsoleOutput}: the fake driver's three lines, the last {@code length} of them as Python's
     * {@code lines[-length:]} picks them (so 0 gives all, and -1 all but the first, as in the lab); 409 while
     * the server is still being built.
     */
    Resp consoleOutput(Ctx ctx, String id, Object body) {
        ComputeService.validate(
                Schema.of()
                        .type("object")
                        .prop(
                                "os-getConsoleOutput",
                                Schema.of()
                                        .type("object")
                                        .prop("length", Schema.of().type("integer", "string"))
                                        .noAdditionalProperties())
                        .required(List.of("os-getConsoleOutput"))
                        .noAdditionalProperties(),
                body);
        Object length = ((Map<?, ?>) ((Map<?, ?>) body).get("os-getConsoleOutput")).get("length");
        synchronized (state) {
            Server s = servers.visible(ctx, id);
            if (s.vmState.equals("building")) {
                throw new NovaFault(409, "Instance " + s.id + " is not ready");
            }
            List<String> lines = List.of("FAKE CONSOLE OUTPUT", "ANOTHER", "LAST LINE");
            int from = 0;
            if (length != null) {
                int n;
                try {
                    n = Integer.parseInt(length.toString());
                } catch (NumberFormatException e) {
                    throw NovaFault.badRequest("Invalid input for field/attribute length. Value: " + length + ". '"
                            + length + "' does not match '^-?[0-9]+$'");
                }
                from = n == 0 ? 0 : n > 0 ? Math.max(0, lines.size() - n) : Math.min(lines.size(), -n);
            }
            return Resp.json(200, Map.of("output", String.join("\n", lines.subList(from, lines.size()))));
        }
    }

    /**
     * The actions updated within {@code changes-since} (2.58+) and {@code changes-before} (2.66+), both
     * inclusive; from 2.58 on, Nova's schema refuses a parameter of a later version as unexpected.
     */
    static List<Action> changedWithin(Ctx ctx, List<Action> actions) {
        Instant since = time(ctx, "changes-since", 58);
        Instant before = time(ctx, "changes-before", 66);
        if (since != null && before != null && since.isAfter(before)) {
            throw NovaFault.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
        List<Action> out = new java.util.ArrayList<>();
        for (Action a : actions) {
            if ((since == null || !a.updated.isBefore(since)) && (before == null || !a.updated.isAfter(before))) {
                out.add(a);
            }
        }
        return out;
    }

    private static Instant time(Ctx ctx, String name, int minor) {
        String v = ctx.req.param(name);
        if (v == null || !ctx.at(58)) {
            // Before 2.58 the listing has no query schema (the lab ignores even limit).
            return null;
        }
        if (!ctx.at(minor)) {
            throw NovaFault.badRequest("Additional properties are not allowed ('" + name + "' was unexpected)");
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                throw NovaFault.badRequest("Invalid input for query parameters " + name + ". Value: " + v + ". '" + v
                        + "' is not a 'date-time'");
            }
        }
    }
}
