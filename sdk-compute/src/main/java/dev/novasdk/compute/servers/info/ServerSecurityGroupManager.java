package dev.novasdk.compute.servers.info;

import java.util.List;

/**
 * The security groups of a server: listing them ({@code /servers/{id}/os-security-groups}) and adding or
 * removing one by name (the {@code addSecurityGroup} and {@code removeSecurityGroup} actions, which Nova
 * applies to every port of the server). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#securityGroups()}. Thread-safe.
 */
public interface ServerSecurityGroupManager {
    /** The security groups of the server, with their rules. */
    List<SecurityGroup> list(String serverId);

    /**
     * Adds the group named {@code name} to the server.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the project has no such group ("Security group x
     *         is not found for project ...")
     */
    void add(String serverId, String name);

    /**
     * Removes the group named {@code name} from the server.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the project has no such group
     * @throws dev.novasdk.core.error.BadRequestException when the server is not in that group
     */
    void remove(String serverId, String name);
}
