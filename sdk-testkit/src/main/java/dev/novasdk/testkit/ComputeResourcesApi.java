package dev.novasdk.testkit;

import dev.novasdk.testkit.ComputeService.Ctx;
import dev.novasdk.testkit.ComputeService.NovaFault;
import dev.novasdk.testkit.ComputeService.Unrouted;
import dev.novasdk.testkit.ServerGroups.Group;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's server groups, limits, quota sets, quota class sets and availability zones, with the bodies, statuses
 * and messages the lab's Nova answers (recorded at 2.1, 2.13, 2.36, 2.50, 2.57, 2.64 and 2.93).
 */
final class ComputeResourcesApi {
    /** The first path segments this class serves. */
    static final Set<String> COLLECTIONS =
            Set.of("os-server-groups", "limits", "os-quota-sets", "os-quota-class-sets", "os-availability-zone");

    private static final Set<String> NETWORK =
            Set.of("fixed_ips", "floating_ips", "security_groups", "security_group_rules");
    private static final Set<String> INJECTED =
            Set.of("injected_files", "injected_file_content_bytes", "injected_file_path_bytes");
    private static final Set<String> GROUPS = Set.of("server_groups", "server_group_members");

    private final CloudState state;

    ComputeResourcesApi(CloudState state) {
        this.state = state;
    }

    Resp route(Ctx ctx, List<String> s) {
        String m = ctx.req.method;
        switch (s.get(0)) {
            case "os-server-groups":
                return serverGroups(ctx, s, m);
            case "limits":
                if (s.size() == 1 && m.equals("GET")) {
                    return limits(ctx);
                }
                throw new Unrouted();
            case "os-quota-sets":
                return quotaSets(ctx, s, m);
            case "os-quota-class-sets":
                return quotaClassSets(ctx, s, m);
            case "os-availability-zone":
                return zones(ctx, s, m);
            default:
                throw new Unrouted();
        }
    }

    // ------------------------------------------------------------------ server groups

    private Resp serverGroups(Ctx ctx, List<String> s, String m) {
        if (s.size() == 1 && m.equals("GET")) {
            return groupList(ctx);
        }
        if (s.size() == 1 && m.equals("POST")) {
            return groupCreate(ctx);
        }
        if (s.size() == 2 && (m.equals("GET") || m.equals("DELETE"))) {
            synchronized (state) {
                Group g = state.serverGroups.byId.get(s.get(1));
                if (g == null || (!ctx.admin && !g.projectId.equals(ctx.projectId()))) {
                    throw NovaFault.notFound("Instance group " + s.get(1) + " could not be found.");
                }
                if (m.equals("DELETE")) {
                    state.serverGroups.byId.remove(g.id);
                    return Resp.empty(204).header("Content-Type", Resp.JSON);
                }
                return Resp.json(200, Map.of("server_group", groupView(ctx, g)));
            }
        }
        throw new Unrouted();
    }

    private Map<String, Object> groupView(Ctx ctx, Group g) {
        List<String> members = new ArrayList<>();
        for (String id : g.members) {
            if (state.servers.containsKey(id)) {
                members.add(id);
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id);
        v.put("name", g.name);
        if (ctx.at(64)) {
            v.put("policy", g.policy);
            v.put("rules", g.maxServerPerHost == null ? Map.of() : Map.of("max_server_per_host", g.maxServerPerHost));
            v.put("members", members);
        } else {
            v.put("policies", List.of(g.policy));
            v.put("metadata", Map.of());
            v.put("members", members);
        }
        if (ctx.at(13)) {
            v.put("project_id", g.projectId);
            v.put("user_id", g.userId);
        }
        return v;
    }

    private Resp groupList(Ctx ctx) {
        // A non-admin's all_projects is ignored, as the lab's policy does, rather than refused.
        boolean all = ctx.admin && ComputeService.truthy(ctx.req.param("all_projects"));
        int limit = ComputeService.parseLimit(ctx, 1000);
        int offset = ComputeService.intOf(ctx.req.param("offset"), 0);
        synchronized (state) {
            state.settleAll();
            List<Object> out = new ArrayList<>();
            int skipped = 0;
            for (Group g : state.serverGroups.byId.values()) {
                if (!all && !g.projectId.equals(ctx.projectId())) {
                    continue;
                }
                if (skipped++ < offset) {
                    continue;
                }
                if (out.size() < limit) {
                    out.add(groupView(ctx, g));
                }
            }
            return Resp.json(200, Map.of("server_groups", out));
        }
    }

    private Resp groupCreate(Ctx ctx) {
        Object body = ComputeService.body(ctx.req);
        ComputeService.validate(groupSchema(ctx), body);
        Map<?, ?> g = (Map<?, ?>) ((Map<?, ?>) body).get("server_group");
        String policy;
        Integer maxPerHost = null;
        if (ctx.at(64)) {
            policy = (String) g.get("policy");
            Map<?, ?> rules = (Map<?, ?>) g.get("rules");
            if (rules != null && !rules.isEmpty()) {
                if (!policy.equals("anti-affinity")) {
                    throw NovaFault.badRequest("Only anti-affinity policy supports rules.");
                }
                if (rules.containsKey("max_server_per_host")) {
                    maxPerHost = ComputeService.intOf(rules.get("max_server_per_host"), 1);
                }
            }
        } else {
            policy = (String) ((List<?>) g.get("policies")).get(0);
        }
        synchronized (state) {
            int used = state.serverGroups.count(ctx.projectId());
            int limit = state.quotas.limits(ctx.projectId(), ctx.userId()).get("server_groups");
            if (limit != -1 && used + 1 > limit) {
                throw new NovaFault(
                        403,
                        "Quota exceeded for server_groups: Requested 1, but already used " + used + " of " + limit
                                + " server_groups");
            }
            Group group = new Group(
                    CloudState.uuid(), (String) g.get("name"), policy, maxPerHost, ctx.projectId(), ctx.userId());
            state.serverGroups.byId.put(group.id, group);
            // The lab answers 200, not the 201 or 202 other creates use.
            return Resp.json(200, Map.of("server_group", groupView(ctx, group)));
        }
    }

    private static Schema groupSchema(Ctx ctx) {
        Schema g = Schema.of().type("object").prop("name", NovaSchemas.name());
        if (ctx.at(64)) {
            g.prop(
                            "policy",
                            Schema.of()
                                    .type("string")
                                    .enumOf("anti-affinity", "affinity", "soft-anti-affinity", "soft-affinity"))
                    .prop(
                            "rules",
                            Schema.of()
                                    .type("object")
                                    .prop("max_server_per_host", NovaSchemas.positiveInteger())
                                    .noAdditionalProperties())
                    .required(List.of("name", "policy"));
        } else {
            Object[] policies = ctx.at(15)
                    ? new Object[] {"anti-affinity", "affinity", "soft-anti-affinity", "soft-affinity"}
                    : new Object[] {"anti-affinity", "affinity"};
            g.prop(
                            "policies",
                            Schema.of()
                                    .type("array")
                                    .items(Schema.of().type("string").enumOf(policies))
                                    .minItems(1)
                                    .maxItems(1))
                    .required(List.of("name", "policies"));
        }
        g.noAdditionalProperties();
        return Schema.of()
                .type("object")
                .prop("server_group", g)
                .required(List.of("server_group"))
                .noAdditionalProperties();
    }

    /** The group named by a create's {@code group} scheduler hint, after checking it exists. */
    Group hintedGroup(Ctx ctx, Object body) {
        Object hints = body instanceof Map ? ((Map<?, ?>) body).get("os:scheduler_hints") : null;
        Object group = hints instanceof Map ? ((Map<?, ?>) hints).get("group") : null;
        if (group instanceof List && !((List<?>) group).isEmpty()) {
            group = ((List<?>) group).get(0);
        }
        if (!(group instanceof String)) {
            return null;
        }
        Group g = state.serverGroups.byId.get(group);
        if (g == null || (!ctx.admin && !g.projectId.equals(ctx.projectId()))) {
            throw NovaFault.notFound("Instance group " + group + " could not be found.");
        }
        return g;
    }

    // ------------------------------------------------------------------ limits

    private Resp limits(Ctx ctx) {
        String project = ctx.projectId();
        String tenant = ctx.req.param("tenant_id");
        if (tenant != null && !tenant.equals(project)) {
            ComputeService.requireAdmin(ctx, "os_compute_api:limits:other_project");
            project = tenant;
        }
        Map<String, Integer> q;
        int[] used;
        int groups;
        synchronized (state) {
            state.settleAll();
            used = Quotas.usage(state, project, null);
            q = state.quotas.limits(project, null);
            groups = state.serverGroups.count(project);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("maxTotalInstances", q.get("instances"));
        a.put("maxTotalCores", q.get("cores"));
        a.put("maxTotalRAMSize", q.get("ram"));
        a.put("maxServerMeta", q.get("metadata_items"));
        if (!ctx.at(39)) {
            a.put("maxImageMeta", q.get("metadata_items"));
        }
        if (!ctx.at(57)) {
            a.put("maxPersonality", q.get("injected_files"));
            a.put("maxPersonalitySize", q.get("injected_file_content_bytes"));
        }
        a.put("maxTotalKeypairs", q.get("key_pairs"));
        a.put("maxServerGroups", q.get("server_groups"));
        a.put("maxServerGroupMembers", q.get("server_group_members"));
        if (!ctx.at(36)) {
            a.put("maxTotalFloatingIps", q.get("floating_ips"));
            a.put("maxSecurityGroups", q.get("security_groups"));
            a.put("maxSecurityGroupRules", q.get("security_group_rules"));
        }
        a.put("totalRAMUsed", used[2]);
        a.put("totalCoresUsed", used[1]);
        a.put("totalInstancesUsed", used[0]);
        if (!ctx.at(36)) {
            a.put("totalFloatingIpsUsed", 0);
            a.put("totalSecurityGroupsUsed", 0);
        }
        a.put("totalServerGroupsUsed", groups);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("rate", List.of());
        limits.put("absolute", a);
        return Resp.json(200, Map.of("limits", limits));
    }

    // ------------------------------------------------------------------ quota sets

    private Resp quotaSets(Ctx ctx, List<String> s, String m) {
        if (s.size() < 2 || s.size() > 3) {
            throw new Unrouted();
        }
        String project = s.get(1);
        String user = ctx.req.param("user_id");
        String sub = s.size() == 3 ? s.get(2) : "";
        boolean own = project.equals(ctx.projectId()) && (user == null || user.equals(ctx.userId()));
        if (m.equals("GET") && (sub.isEmpty() || sub.equals("detail") || sub.equals("defaults"))) {
            if (!own && !sub.equals("defaults")) {
                ComputeService.requireAdmin(ctx, "os_compute_api:os-quota-sets:" + (sub.isEmpty() ? "show" : sub));
            }
            requireProject(project);
            synchronized (state) {
                state.settleAll();
                Map<String, Integer> limits = sub.equals("defaults")
                        ? state.quotas.classLimits("default")
                        : state.quotas.limits(project, user);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", project);
                Map<String, Integer> inUse = sub.equals("detail") ? inUse(project, user) : null;
                for (String r : Quotas.RESOURCES) {
                    if (quotaSetHas(ctx, r)) {
                        view.put(r, inUse == null ? limits.get(r) : usage(limits.get(r), inUse.getOrDefault(r, 0)));
                    }
                }
                return Resp.json(200, Map.of("quota_set", view));
            }
        }
        if (sub.isEmpty() && m.equals("PUT")) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-quota-sets:update");
            Object body = ComputeService.body(ctx.req);
            ComputeService.validate(updateSchema(ctx, "quota_set", true), body);
            requireProject(project);
            Map<?, ?> q = (Map<?, ?>) ((Map<?, ?>) body).get("quota_set");
            boolean force = ComputeService.truthy(q.get("force"));
            synchronized (state) {
                state.settleAll();
                Map<String, Integer> changes = changes(q);
                Map<String, Integer> projectLimits = state.quotas.limits(project, null);
                Map<String, Integer> inUse = inUse(project, user);
                for (Map.Entry<String, Integer> e : changes.entrySet()) {
                    int v = e.getValue();
                    Integer max = projectLimits.get(e.getKey());
                    if (user != null && max != -1 && v > max) {
                        throw NovaFault.badRequest("Quota limit " + v + " for " + e.getKey()
                                + " must be less than or equal to " + max + ".");
                    }
                    int used = inUse.getOrDefault(e.getKey(), 0);
                    if (!force && v != -1 && v < used) {
                        throw NovaFault.badRequest("Quota limit " + v + " for " + e.getKey()
                                + " must be greater than or equal to already used and reserved " + used + ".");
                    }
                }
                state.quotas.set(project, user, changes);
                Map<String, Integer> after = state.quotas.limits(project, user);
                Map<String, Object> view = new LinkedHashMap<>();
                for (String r : Quotas.RESOURCES) {
                    if (quotaSetHas(ctx, r)) {
                        view.put(r, after.get(r));
                    }
                }
                return Resp.json(200, Map.of("quota_set", view));
            }
        }
        if (sub.isEmpty() && m.equals("DELETE")) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-quota-sets:delete");
            requireProject(project);
            synchronized (state) {
                state.quotas.revert(project, user);
            }
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
        throw new Unrouted();
    }

    private void requireProject(String project) {
        synchronized (state) {
            if (!state.projects.containsKey(project)) {
                throw NovaFault.badRequest("Project ID " + project + " is not a valid project.");
            }
        }
    }

    private Map<String, Integer> inUse(String project, String user) {
        int[] used = Quotas.usage(state, project, user);
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("instances", used[0]);
        m.put("cores", used[1]);
        m.put("ram", used[2]);
        m.put("server_groups", state.serverGroups.count(project));
        if (user != null) {
            m.put("key_pairs", state.keypairs.getOrDefault(user, Map.of()).size());
        }
        return m;
    }

    private static Map<String, Object> usage(int limit, int inUse) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("limit", limit);
        u.put("in_use", inUse);
        u.put("reserved", 0);
        return u;
    }

    private static boolean quotaSetHas(Ctx ctx, String resource) {
        return !(NETWORK.contains(resource) && ctx.at(36)) && !(INJECTED.contains(resource) && ctx.at(57));
    }

    private static boolean classSetHas(Ctx ctx, String resource) {
        if (NETWORK.contains(resource)) {
            return !ctx.at(50);
        }
        if (GROUPS.contains(resource)) {
            return ctx.at(50);
        }
        return !(INJECTED.contains(resource) && ctx.at(57));
    }

    private static Map<String, Integer> changes(Map<?, ?> body) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!k.equals("force")) {
                changes.put((String) k, ComputeService.intOf(v, 0));
            }
        });
        return changes;
    }

    private static Schema updateSchema(Ctx ctx, String envelope, boolean quotaSet) {
        Schema limit = Schema.of()
                .type("integer", "string")
                .pattern("^-?[0-9]+$")
                .minimum(-1)
                .maximum(Integer.MAX_VALUE);
        Schema q = Schema.of().type("object");
        for (String r : Quotas.RESOURCES) {
            if (quotaSet ? quotaSetHas(ctx, r) : classSetHas(ctx, r)) {
                q.prop(r, limit);
            }
        }
        if (quotaSet) {
            q.prop("force", NovaSchemas.booleanParam());
        }
        q.noAdditionalProperties();
        return Schema.of()
                .type("object")
                .prop(envelope, q)
                .required(List.of(envelope))
                .noAdditionalProperties();
    }

    // ------------------------------------------------------------------ quota class sets

    private Resp quotaClassSets(Ctx ctx, List<String> s, String m) {
        if (s.size() != 2) {
            throw new Unrouted();
        }
        String name = s.get(1);
        if (m.equals("GET")) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-quota-class-sets:show");
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", name);
            synchronized (state) {
                Map<String, Integer> limits = state.quotas.classLimits(name);
                for (String r : Quotas.RESOURCES) {
                    if (classSetHas(ctx, r)) {
                        view.put(r, limits.get(r));
                    }
                }
            }
            return Resp.json(200, Map.of("quota_class_set", view));
        }
        if (m.equals("PUT")) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-quota-class-sets:update");
            Object body = ComputeService.body(ctx.req);
            ComputeService.validate(updateSchema(ctx, "quota_class_set", false), body);
            Map<String, Integer> changes = changes((Map<?, ?>) ((Map<?, ?>) body).get("quota_class_set"));
            Map<String, Object> view = new LinkedHashMap<>();
            synchronized (state) {
                state.quotas
                        .classes
                        .computeIfAbsent(name, x -> new LinkedHashMap<>())
                        .putAll(changes);
                Map<String, Integer> limits = state.quotas.classLimits(name);
                for (String r : Quotas.RESOURCES) {
                    if (classSetHas(ctx, r)) {
                        view.put(r, limits.get(r));
                    }
                }
            }
            return Resp.json(200, Map.of("quota_class_set", view));
        }
        throw new Unrouted();
    }

    // ------------------------------------------------------------------ availability zones

    private Resp zones(Ctx ctx, List<String> s, String m) {
        if (!m.equals("GET")) {
            throw new Unrouted();
        }
        if (s.size() == 1) {
            Map<String, Object> zone = new LinkedHashMap<>();
            zone.put("zoneName", "nova");
            zone.put("zoneState", Map.of("available", true));
            zone.put("hosts", null);
            return Resp.json(200, Map.of("availabilityZoneInfo", List.of(zone)));
        }
        if (s.size() == 2 && s.get(1).equals("detail")) {
            ComputeService.requireAdmin(ctx, "os_compute_api:os-availability-zone:detail");
            // Services report every few seconds: the lab shows whole seconds a moment ago.
            String updated = CloudState.MICROS.format(state.now().truncatedTo(ChronoUnit.SECONDS));
            Map<String, Object> internal = new LinkedHashMap<>();
            internal.put("nova-scheduler", service(updated));
            internal.put("nova-conductor", service(updated));
            Map<String, Object> nova = new LinkedHashMap<>();
            nova.put("nova-compute", service(updated));
            return Resp.json(
                    200,
                    Map.of(
                            "availabilityZoneInfo",
                            List.of(
                                    zone("internal", Map.of(state.hostName, internal)),
                                    zone("nova", Map.of(state.hostName, nova)))));
        }
        throw new Unrouted();
    }

    private static Map<String, Object> zone(String name, Map<String, Object> hosts) {
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("zoneName", name);
        zone.put("zoneState", Map.of("available", true));
        zone.put("hosts", hosts);
        return zone;
    }

    private static Map<String, Object> service(String updated) {
        Map<String, Object> svc = new LinkedHashMap<>();
        svc.put("available", true);
        svc.put("active", true);
        svc.put("updated_at", updated);
        return svc;
    }
}
