package dev.novasdk.examples;

import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerAddress;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows a server the way {@code nova show} does: one property per row, extended attributes included.
 */
final class ServerView {
    private ServerView() {}

    static void show(Server s, PrintStream out) {
        Table t = new Table("Property", "Value");
        t.row("OS-DCF:diskConfig", s.diskConfigRaw().orElse(""));
        t.row("OS-EXT-AZ:availability_zone", s.availabilityZone().orElse(""));
        t.row("OS-EXT-SRV-ATTR:host", s.host().orElse(""));
        t.row("OS-EXT-SRV-ATTR:hypervisor_hostname", s.hypervisorHostname().orElse(""));
        t.row("OS-EXT-SRV-ATTR:instance_name", s.instanceName().orElse(""));
        t.row("OS-EXT-STS:power_state", s.powerState().map(Enum::name).orElse(""));
        t.row("OS-EXT-STS:task_state", s.taskStateRaw().orElse("-"));
        t.row("OS-EXT-STS:vm_state", s.vmStateRaw().orElse(""));
        t.row("OS-SRV-USG:launched_at", s.launchedAt().map(Object::toString).orElse("-"));
        t.row("accessIPv4", s.accessIpv4().orElse(""));
        t.row("accessIPv6", s.accessIpv6().orElse(""));
        t.row("addresses", addresses(s.addresses()));
        t.row("config_drive", s.configDrive().orElse(""));
        t.row("created", s.created().map(Object::toString).orElse(""));
        t.row("description", s.description().orElse("-"));
        t.row(
                "flavor",
                s.flavor().map(f -> f.originalName().or(f::id).orElse("")).orElse(""));
        t.row("hostId", s.hostId().orElse(""));
        t.row("id", s.id());
        t.row("image", s.image().map(i -> i.id()).orElse("Attempt to boot from volume - no image supplied"));
        t.row("key_name", s.keyName().orElse("-"));
        t.row("locked", s.locked().map(Object::toString).orElse(""));
        t.row("metadata", s.metadata());
        t.row("name", s.name().orElse(""));
        t.row(
                "os-extended-volumes:volumes_attached",
                s.volumesAttached().stream().map(v -> v.id()).collect(Collectors.toList()));
        t.row("progress", s.progress().map(Object::toString).orElse(""));
        t.row("security_groups", s.securityGroups().stream().map(g -> g.name()).collect(Collectors.joining(", ")));
        t.row("status", s.statusRaw().orElse(""));
        t.row("tags", s.tags());
        t.row("tenant_id", s.tenantId().orElse(""));
        t.row("updated", s.updated().map(Object::toString).orElse(""));
        t.row("user_id", s.userId().orElse(""));
        s.fault()
                .ifPresent(f -> t.row(
                        "fault",
                        f.code().map(c -> c + ": ").orElse("") + f.message().orElse("")));
        t.print(out);
    }

    private static String addresses(Map<String, List<ServerAddress>> addresses) {
        return addresses.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + e.getValue().stream().map(ServerAddress::addr).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
