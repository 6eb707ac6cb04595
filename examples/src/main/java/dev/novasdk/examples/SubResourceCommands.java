package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.attachments.FixedIp;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.info.ServerDiagnostics;
import dev.novasdk.examples.NovaCli.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code nova}-like commands on a server's sub-resources: {@code meta}, the {@code server-tag-*} commands,
 * {@code interface-list}, {@code volume-attachments}, {@code diagnostics}, {@code get-password},
 * {@code clear-password} and {@code server-migration-list}. {@link NovaCli} dispatches to them.
 */
final class SubResourceCommands {
    static final String USAGE = String.join(
            "\n",
            "  meta <name|id> set <key=value>...  |  meta <name|id> delete <key>...",
            "  server-tag-list <name|id>",
            "  server-tag-add <name|id> <tag>...",
            "  server-tag-set <name|id> <tag>...",
            "  server-tag-delete <name|id> <tag>...",
            "  server-tag-delete-all <name|id>",
            "  interface-list <name|id>",
            "  volume-attachments <name|id>",
            "  diagnostics <name|id>",
            "  get-password <name|id>            (prints the encrypted password; decrypt it with your private key)",
            "  clear-password <name|id>",
            "  server-migration-list <name|id>");

    private static final Set<String> COMMANDS = Set.of(
            "meta",
            "server-tag-list",
            "server-tag-add",
            "server-tag-set",
            "server-tag-delete",
            "server-tag-delete-all",
            "interface-list",
            "volume-attachments",
            "diagnostics",
            "get-password",
            "clear-password",
            "server-migration-list");

    private static final Set<String> ONE_SERVER = Set.of(
            "server-tag-list",
            "server-tag-delete-all",
            "interface-list",
            "volume-attachments",
            "diagnostics",
            "get-password",
            "clear-password",
            "server-migration-list");

    private SubResourceCommands() {}

    /** Whether {@code command} is one of these. */
    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** Checks the arguments before anything connects. */
    static void validate(String command, List<String> args) throws UsageException {
        if (ONE_SERVER.contains(command)) {
            if (args.size() != 1) {
                throw new UsageException(command + " takes exactly one server name or id");
            }
            return;
        }
        if (command.equals("meta")) {
            if (args.size() < 3 || !(args.get(1).equals("set") || args.get(1).equals("delete"))) {
                throw new UsageException("meta takes a server, 'set' or 'delete', and at least one key");
            }
            if (args.get(1).equals("set")) {
                metadata(args.subList(2, args.size()));
            }
            return;
        }
        // server-tag-add, -set, -delete: a server and tags (set accepts none, to clear).
        if (args.isEmpty() || (args.size() < 2 && !command.equals("server-tag-set"))) {
            throw new UsageException(command + " takes a server name or id and one or more tags");
        }
    }

    private static Map<String, String> metadata(List<String> pairs) throws UsageException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("metadata must be key=value, got '" + p + "'");
            }
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /** Runs the command. */
    static void execute(String command, List<String> args, ComputeClient nova, PrintStream out) throws UsageException {
        Server server = nova.servers()
                .find(args.get(0))
                .orElseThrow(() ->
                        new IllegalArgumentException("No server with a name or ID of '" + args.get(0) + "' exists."));
        String id = server.id();
        List<String> rest = args.subList(1, args.size());
        switch (command) {
            case "meta":
                if (rest.get(0).equals("set")) {
                    nova.servers().metadata().update(id, metadata(rest.subList(1, rest.size())));
                } else {
                    for (String key : rest.subList(1, rest.size())) {
                        nova.servers().metadata().delete(id, key);
                    }
                }
                break;
            case "server-tag-list": {
                Table t = new Table("Tag");
                nova.servers().tags().list(id).forEach(t::row);
                t.print(out);
                break;
            }
            case "server-tag-add":
                for (String tag : rest) {
                    nova.servers().tags().add(id, tag);
                }
                break;
            case "server-tag-set":
                nova.servers().tags().replace(id, rest);
                break;
            case "server-tag-delete":
                for (String tag : rest) {
                    nova.servers().tags().delete(id, tag);
                }
                break;
            case "server-tag-delete-all":
                nova.servers().tags().deleteAll(id);
                break;
            case "interface-list": {
                Table t = new Table("Port State", "Port ID", "Net ID", "IP addresses", "MAC Addr");
                for (InterfaceAttachment i :
                        nova.servers().interfaceAttachments().list(id)) {
                    t.row(
                            i.portState().orElse(""),
                            i.portId(),
                            i.netId().orElse(""),
                            i.fixedIps().stream().map(FixedIp::ipAddress).collect(Collectors.joining(",")),
                            i.macAddr().orElse(""));
                }
                t.print(out);
                break;
            }
            case "volume-attachments": {
                Table t = new Table("ID", "DEVICE", "SERVER ID", "VOLUME ID", "TAG", "DELETE ON TERMINATION");
                nova.servers()
                        .volumeAttachments()
                        .list(id)
                        .forEach(v -> t.row(
                                v.id().or(v::attachmentId).orElse(v.volumeId()),
                                v.device().orElse(""),
                                v.serverId().orElse(id),
                                v.volumeId(),
                                v.tag().orElse("-"),
                                v.deleteOnTermination().map(Object::toString).orElse("-")));
                t.print(out);
                break;
            }
            case "diagnostics":
                diagnostics(nova.servers().diagnostics().get(id), out);
                break;
            case "get-password":
                out.println(nova.servers().password().get(id).orElse(""));
                break;
            case "clear-password":
                nova.servers().password().clear(id);
                break;
            default: {
                Table t = new Table(
                        "Id",
                        "UUID",
                        "Source Node",
                        "Dest Node",
                        "Source Compute",
                        "Dest Compute",
                        "Dest Host",
                        "Status",
                        "Server UUID",
                        "Created At",
                        "Updated At");
                nova.servers()
                        .migrations()
                        .list(id)
                        .forEach(m -> t.row(
                                m.id(),
                                m.uuid().orElse("-"),
                                m.sourceNode().orElse(""),
                                m.destNode().orElse(""),
                                m.sourceCompute().orElse(""),
                                m.destCompute().orElse(""),
                                m.destHost().orElse(""),
                                m.status().orElse(""),
                                m.serverUuid().orElse(""),
                                m.createdAt().map(Object::toString).orElse(""),
                                m.updatedAt().map(Object::toString).orElse("")));
                t.print(out);
            }
        }
    }

    // Like nova's: one Property/Value row per figure, sorted by name.
    private static void diagnostics(ServerDiagnostics d, PrintStream out) {
        Map<String, Object> rows = new TreeMap<>(d.legacyValues());
        d.state().ifPresent(v -> rows.put("state", v));
        d.driver().ifPresent(v -> rows.put("driver", v));
        d.hypervisor().ifPresent(v -> rows.put("hypervisor", v));
        d.hypervisorOs().ifPresent(v -> rows.put("hypervisor_os", v));
        d.uptime().ifPresent(v -> rows.put("uptime", v));
        d.configDrive().ifPresent(v -> rows.put("config_drive", v));
        d.numCpus().ifPresent(v -> rows.put("num_cpus", v));
        d.numNics().ifPresent(v -> rows.put("num_nics", v));
        d.numDisks().ifPresent(v -> rows.put("num_disks", v));
        d.memoryDetails()
                .ifPresent(m -> rows.put(
                        "memory_details",
                        "maximum=" + m.maximum().map(Object::toString).orElse("-") + ", used="
                                + m.used().map(Object::toString).orElse("-")));
        List<String> cpus = new ArrayList<>();
        d.cpuDetails()
                .forEach(c -> cpus.add("id=" + c.id().map(Object::toString).orElse("-") + " time="
                        + c.time().map(Object::toString).orElse("-")));
        if (!cpus.isEmpty()) {
            rows.put("cpu_details", String.join("; ", cpus));
        }
        Table t = new Table("Property", "Value");
        rows.forEach(t::row);
        t.print(out);
    }
}
