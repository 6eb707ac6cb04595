package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's quota records: the {@code default} quota class and the limits set for a project or for one user in
 * it. A user's limit is its own, else the project's, else the class default; -1 is unlimited. Guarded by the
 * state's lock.
 */
final class Quotas {
    /** Every quota resource, alphabetically, as Nova lists them. */
    static final List<String> RESOURCES = List.of(
            "cores",
            "fixed_ips",
            "floating_ips",
            "injected_file_content_bytes",
            "injected_file_path_bytes",
            "injected_files",
            "instances",
            "key_pairs",
            "metadata_items",
            "ram",
            "security_group_rules",
            "security_groups",
            "server_group_members",
            "server_groups");

    final Map<String, Map<String, Integer>> classes = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> projects = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> users = new LinkedHashMap<>();

    Quotas(CloudState.Quota defaults) {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("cores", defaults.cores);
        d.put("fixed_ips", -1);
        d.put("floating_ips", -1);
        d.put("injected_file_content_bytes", defaults.injectedFileContentBytes);
        d.put("injected_file_path_bytes", defaults.injectedFilePathBytes);
        d.put("injected_files", defaults.injectedFiles);
        d.put("instances", defaults.instances);
        d.put("key_pairs", 100);
        d.put("metadata_items", defaults.metadataItems);
        d.put("ram", defaults.ramMb);
        d.put("security_group_rules", -1);
        d.put("security_groups", -1);
        d.put("server_group_members", 10);
        d.put("server_groups", 10);
        classes.put("default", d);
    }

    /** The limits of a class; an unknown class has the default's. */
    Map<String, Integer> classLimits(String name) {
        Map<String, Integer> out = new LinkedHashMap<>(classes.get("default"));
        out.putAll(classes.getOrDefault(name, Map.of()));
        return out;
    }

    /** The project's limits, or (with a user) the user's. */
    Map<String, Integer> limits(String projectId, String userIdOrNull) {
        Map<String, Integer> out = classLimits("default");
        out.putAll(projects.getOrDefault(projectId, Map.of()));
        if (userIdOrNull != null) {
            out.putAll(users.getOrDefault(key(projectId, userIdOrNull), Map.of()));
        }
        return out;
    }

    /** Whether the user has limits of its own in the project. */
    boolean hasUserLimits(String projectId, String userId) {
        return users.containsKey(key(projectId, userId));
    }

    void set(String projectId, String userIdOrNull, Map<String, Integer> changes) {
        Map<String, Map<String, Integer>> where = userIdOrNull == null ? projects : users;
        String k = userIdOrNull == null ? projectId : key(projectId, userIdOrNull);
        where.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(changes);
    }

    /** Back to the defaults: a project's own limits and its users' go; a user's go. */
    void revert(String projectId, String userIdOrNull) {
        if (userIdOrNull == null) {
            projects.remove(projectId);
            users.keySet().removeIf(k -> k.startsWith(projectId + " "));
        } else {
            users.remove(key(projectId, userIdOrNull));
        }
    }

    /** Instances, cores and RAM the project's (or the user's) servers use, counted as {@code ServersApi.usage}. */
    static int[] usage(CloudState state, String projectId, String userIdOrNull) {
        int[] used = new int[3];
        for (Server s : state.servers.values()) {
            if (s.projectId.equals(projectId) && (userIdOrNull == null || s.userId.equals(userIdOrNull))) {
                used[0]++;
                used[1] += s.flavor.vcpus;
                used[2] += s.flavor.ramMb;
            }
        }
        return used;
    }

    private static String key(String projectId, String userId) {
        return projectId + " " + userId;
    }
}
