package dev.novasdk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server groups of a FakeCloud, in creation order. Guarded by the state's lock. */
final class ServerGroups {
    /** One group; {@code members} holds every server booted into it, pruned of gone ones when read. */
    static final class Group {
        final String id;
        final String name;
        final String policy;
        final Integer maxServerPerHost;
        final String projectId;
        final String userId;
        final List<String> members = new ArrayList<>();

        Group(String id, String name, String policy, Integer maxServerPerHost, String projectId, String userId) {
            this.id = id;
            this.name = name;
            this.policy = policy;
            this.maxServerPerHost = maxServerPerHost;
            this.projectId = projectId;
            this.userId = userId;
        }

        /** Nova's default for anti-affinity: one member per host. */
        int maxServerPerHost() {
            return maxServerPerHost == null ? 1 : maxServerPerHost;
        }
    }

    final Map<String, Group> byId = new LinkedHashMap<>();

    /** The group {@code serverId} was booted into, or null. */
    Group groupOf(String serverId) {
        for (Group g : byId.values()) {
            if (g.members.contains(serverId)) {
                return g;
            }
        }
        return null;
    }

    /** How many groups the project has. */
    int count(String projectId) {
        return (int) byId.values().stream()
                .filter(g -> g.projectId.equals(projectId))
                .count();
    }
}
