package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.migrations.MigrationListOptions;
import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceListOptions;
import dev.novasdk.compute.usage.UsageListOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator commands of {@link NovaCli}, named and shaped like novaclient's: hypervisors, services,
 * aggregates, migrations, usage, flavor extra specs and access.
 */
final class OperatorCommands {
    static final String USAGE = String.join(
            "\n",
            "  hypervisor-list",
            "  hypervisor-show <name|id>",
            "  service-list [--binary <binary>] [--host <host>]",
            "  service-disable [--reason <text>] <host> <binary>",
            "  service-enable <host> <binary>",
            "  aggregate-list",
            "  aggregate-create <name> [<availability-zone>]",
            "  migration-list [--instance-uuid <id>]",
            "  usage-list [--days <n>]",
            "  flavor-key <name|id> set <key=value>... | unset <key>...",
            "  flavor-access-list <name|id>");

    private static final Set<String> COMMANDS = Set.of(
            "hypervisor-list",
            "hypervisor-show",
            "service-list",
            "service-disable",
            "service-enable",
            "aggregate-list",
            "aggregate-create",
            "migration-list",
            "usage-list",
            "flavor-key",
            "flavor-access-list");

    private OperatorCommands() {}

    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** Checks the arguments before anything connects. */
    static void validate(String command, List<String> args) throws NovaCli.UsageException {
        switch (command) {
            case "hypervisor-list":
            case "aggregate-list":
                expect(args.isEmpty(), command + " takes no arguments");
                break;
            case "hypervisor-show":
            case "flavor-access-list":
                expect(args.size() == 1, command + " takes exactly one name or id");
                break;
            case "service-list":
                options(args, Set.of("--binary", "--host"), 0, 0, command);
                break;
            case "service-disable":
                options(args, Set.of("--reason"), 2, 2, command);
                break;
            case "service-enable":
                expect(args.size() == 2, "service-enable takes <host> <binary>");
                break;
            case "aggregate-create":
                expect(args.size() == 1 || args.size() == 2, "aggregate-create takes <name> [<availability-zone>]");
                break;
            case "migration-list":
                options(args, Set.of("--instance-uuid"), 0, 0, command);
                break;
            case "usage-list":
                Map<String, String> o = options(args, Set.of("--days"), 0, 0, command);
                if (o.containsKey("--days") && !o.get("--days").matches("[1-9][0-9]*")) {
                    throw new NovaCli.UsageException("--days takes a positive number, got " + o.get("--days"));
                }
                break;
            default: // flavor-key
                expect(
                        args.size() >= 3
                                && (args.get(1).equals("set") || args.get(1).equals("unset")),
                        "flavor-key takes <flavor> set <key=value>... or <flavor> unset <key>...");
                if (args.get(1).equals("set")) {
                    for (String kv : args.subList(2, args.size())) {
                        expect(kv.indexOf('=') > 0, "flavor-key set takes key=value, got '" + kv + "'");
                    }
                }
        }
    }

    static void execute(String command, List<String> args, ComputeClient nova, PrintStream out)
            throws NovaCli.UsageException {
        switch (command) {
            case "hypervisor-list": {
                Table t = new Table("ID", "Hypervisor hostname", "State", "Status");
                nova.hypervisors()
                        .list()
                        .forEach(h -> t.row(
                                h.id(),
                                h.hypervisorHostname(),
                                h.stateRaw().orElse(""),
                                h.statusRaw().orElse("")));
                t.print(out);
                break;
            }
            case "hypervisor-show": {
                Hypervisor h = nova.hypervisors()
                        .find(args.get(0))
                        .orElseThrow(() -> new IllegalArgumentException(
                                "No hypervisor with a name or ID of '" + args.get(0) + "' exists."));
                Table t = new Table("Property", "Value");
                t.row("id", h.id());
                t.row("hypervisor_hostname", h.hypervisorHostname());
                t.row("state", h.stateRaw().orElse(""));
                t.row("status", h.statusRaw().orElse(""));
                t.row("hypervisor_type", h.hypervisorType().orElse(""));
                t.row("host_ip", h.hostIp().orElse(""));
                t.row("service_host", h.service().map(s -> s.host()).orElse(""));
                h.vcpus().ifPresent(v -> t.row("vcpus", v));
                h.memoryMb().ifPresent(v -> t.row("memory_mb", v));
                h.localGb().ifPresent(v -> t.row("local_gb", v));
                h.uptime().ifPresent(v -> t.row("uptime", v));
                t.print(out);
                break;
            }
            case "service-list": {
                Map<String, String> o = options(args, Set.of("--binary", "--host"), 0, 0, command);
                ServiceListOptions.Builder b = ServiceListOptions.builder();
                if (o.containsKey("--binary")) {
                    b.binary(o.get("--binary"));
                }
                if (o.containsKey("--host")) {
                    b.host(o.get("--host"));
                }
                Table t = new Table(
                        "Id",
                        "Binary",
                        "Host",
                        "Zone",
                        "Status",
                        "State",
                        "Updated_at",
                        "Disabled Reason",
                        "Forced down");
                nova.services()
                        .list(b.build())
                        .forEach(s -> t.row(
                                s.id().orElse(""),
                                s.binary(),
                                s.host(),
                                s.zone().orElse(""),
                                s.statusRaw().orElse(""),
                                s.stateRaw().orElse(""),
                                s.updatedAt().map(Instant::toString).orElse(""),
                                s.disabledReason().orElse("-"),
                                s.forcedDown().map(Object::toString).orElse("-")));
                t.print(out);
                break;
            }
            case "service-disable":
            case "service-enable": {
                Map<String, String> o = options(args, Set.of("--reason"), 2, 2, command);
                List<String> positional = positional(args, Set.of("--reason"));
                Service s = nova
                        .services()
                        .list(ServiceListOptions.builder()
                                .host(positional.get(0))
                                .binary(positional.get(1))
                                .build())
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "Service " + positional.get(1) + " on host " + positional.get(0) + " not found."));
                Service changed = command.equals("service-enable")
                        ? nova.services().enable(s)
                        : o.containsKey("--reason")
                                ? nova.services().disable(s, o.get("--reason"))
                                : nova.services().disable(s);
                Table t = new Table("Host", "Binary", "Status", "Disabled Reason");
                t.row(
                        changed.host(),
                        changed.binary(),
                        changed.statusRaw().orElse(""),
                        changed.disabledReason().orElse("-"));
                t.print(out);
                break;
            }
            case "aggregate-list": {
                Table t = new Table("Id", "Name", "Availability Zone", "Hosts", "Metadata");
                nova.aggregates()
                        .list()
                        .forEach(a ->
                                t.row(a.id(), a.name(), a.availabilityZone().orElse("-"), a.hosts(), a.metadata()));
                t.print(out);
                break;
            }
            case "aggregate-create": {
                AggregateCreate.Builder b = AggregateCreate.builder().name(args.get(0));
                if (args.size() == 2) {
                    b.availabilityZone(args.get(1));
                }
                var a = nova.aggregates().create(b.build());
                Table t = new Table("Id", "Name", "Availability Zone", "UUID");
                t.row(
                        a.id(),
                        a.name(),
                        a.availabilityZone().orElse("-"),
                        a.uuid().orElse("-"));
                t.print(out);
                break;
            }
            case "migration-list": {
                Map<String, String> o = options(args, Set.of("--instance-uuid"), 0, 0, command);
                MigrationListOptions.Builder b = MigrationListOptions.builder();
                if (o.containsKey("--instance-uuid")) {
                    b.instanceUuid(o.get("--instance-uuid"));
                }
                Table t = new Table(
                        "Id", "UUID", "Source Node", "Dest Node", "Instance UUID", "Status", "Type", "Created At");
                nova.migrations()
                        .list(b.build())
                        .forEach(m -> t.row(
                                m.id(),
                                m.uuid().orElse("-"),
                                m.sourceNode().orElse("-"),
                                m.destNode().orElse("-"),
                                m.instanceUuid().orElse("-"),
                                m.status().orElse(""),
                                m.migrationTypeRaw().orElse("-"),
                                m.createdAt().map(Instant::toString).orElse("")));
                t.print(out);
                break;
            }
            case "usage-list": {
                Map<String, String> o = options(args, Set.of("--days"), 0, 0, command);
                int days = Integer.parseInt(o.getOrDefault("--days", "30"));
                Instant start = Instant.now().minus(Duration.ofDays(days));
                out.println("Usage from " + start + " to now:");
                Table t = new Table("Tenant ID", "Servers", "RAM MiB-Hours", "CPU Hours", "Disk GiB-Hours");
                nova.usage()
                        .list(UsageListOptions.builder()
                                .start(start)
                                .detailed(true)
                                .build())
                        .forEach(u -> t.row(
                                u.tenantId().orElse(""),
                                u.serverUsages().size(),
                                String.format("%.2f", u.totalMemoryMbUsage().orElse(0.0)),
                                String.format("%.2f", u.totalVcpusUsage().orElse(0.0)),
                                String.format("%.2f", u.totalLocalGbUsage().orElse(0.0))));
                t.print(out);
                break;
            }
            case "flavor-access-list": {
                Flavor f = flavor(nova, args.get(0));
                Table t = new Table("Flavor_ID", "Tenant_ID");
                nova.flavors().access(f.id()).forEach(a -> t.row(a.flavorId(), a.tenantId()));
                t.print(out);
                break;
            }
            default: { // flavor-key
                Flavor f = flavor(nova, args.get(0));
                List<String> rest = args.subList(2, args.size());
                if (args.get(1).equals("set")) {
                    Map<String, String> specs = new LinkedHashMap<>();
                    for (String kv : rest) {
                        int eq = kv.indexOf('=');
                        specs.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    nova.flavors().setExtraSpecs(f.id(), specs);
                } else {
                    for (String key : rest) {
                        nova.flavors().deleteExtraSpec(f.id(), key);
                    }
                }
                Table t = new Table("Property", "Value");
                nova.flavors().extraSpecs(f.id()).forEach(t::row);
                t.print(out);
            }
        }
    }

    private static Flavor flavor(ComputeClient nova, String nameOrId) {
        return nova.flavors()
                .find(nameOrId)
                .orElseThrow(() ->
                        new IllegalArgumentException("No flavor with a name or ID of '" + nameOrId + "' exists."));
    }

    private static void expect(boolean ok, String message) throws NovaCli.UsageException {
        if (!ok) {
            throw new NovaCli.UsageException(message);
        }
    }

    /** The {@code --option value} pairs; fails unless the rest are between min and max positionals. */
    private static Map<String, String> options(List<String> args, Set<String> known, int min, int max, String command)
            throws NovaCli.UsageException {
        Map<String, String> o = new LinkedHashMap<>();
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                expect(known.contains(a) && i + 1 < args.size(), command + ": unknown or incomplete option " + a);
                o.put(a, args.get(++i));
            } else {
                positional++;
            }
        }
        expect(positional >= min && positional <= max, command + " takes " + min + " to " + max + " arguments");
        return o;
    }

    private static List<String> positional(List<String> args, Set<String> withValue) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (withValue.contains(args.get(i))) {
                i++;
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }
}
