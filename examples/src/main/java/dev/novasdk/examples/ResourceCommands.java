package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.keypairs.KeypairCreate;
import dev.novasdk.compute.limits.AbsoluteLimits;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupListOptions;
import dev.novasdk.compute.servergroups.ServerGroupPolicy;
import dev.novasdk.identity.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link NovaCli} commands for keypairs, server groups, limits, quotas and availability zones, named and
 * printed as novaclient does.
 */
final class ResourceCommands {
    static final String USAGE = String.join(
            "\n",
            "  keypair-list",
            "  keypair-add [--pub-key <file>] <name>   (without --pub-key Nova generates the key, up to 2.91)",
            "  keypair-delete <name>",
            "  server-group-create [--rule max_server_per_host=<n>] <name> <policy>",
            "  server-group-list [--all-projects] [--limit <n>] [--offset <n>]",
            "  limits [--tenant <project id>]",
            "  quota-show [--tenant <project id>] [--user <user id>]",
            "  availability-zone-list");

    private static final Set<String> COMMANDS = Set.of(
            "keypair-list",
            "keypair-add",
            "keypair-delete",
            "server-group-create",
            "server-group-list",
            "limits",
            "quota-show",
            "availability-zone-list");

    private ResourceCommands() {}

    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** Checks the arguments before anything connects. */
    static void validate(String command, List<String> args) throws NovaCli.UsageException {
        Options o = Options.parse(command, args);
        switch (command) {
            case "keypair-add":
            case "keypair-delete":
                o.positional(1, "a keypair name");
                break;
            case "server-group-create":
                o.positional(2, "a name and a policy");
                policy(o.args.get(1));
                break;
            default:
                o.positional(0, "no positional arguments");
        }
    }

    static void execute(String command, List<String> args, ComputeClient nova, Session session, PrintStream out)
            throws NovaCli.UsageException {
        Options o = Options.parse(command, args);
        switch (command) {
            case "keypair-list": {
                Table t = new Table("Name", "Type", "Fingerprint");
                nova.keypairs()
                        .list()
                        .forEach(k -> t.row(
                                k.name(), k.type().value(), k.fingerprint().orElse("")));
                t.print(out);
                break;
            }
            case "keypair-add": {
                KeypairCreate.Builder b = KeypairCreate.builder().name(o.args.get(0));
                o.value("--pub-key").ifPresent(file -> b.publicKey(read(file)));
                Keypair k = nova.keypairs().create(b.build());
                // Like novaclient: a generated private key is printed once, for the user to save.
                k.privateKey().ifPresent(out::print);
                break;
            }
            case "keypair-delete":
                nova.keypairs().delete(o.args.get(0));
                break;
            case "server-group-create": {
                ServerGroupCreate.Builder b =
                        ServerGroupCreate.builder().name(o.args.get(0)).policy(policy(o.args.get(1)));
                Optional<String> rule = o.value("--rule");
                if (rule.isPresent()) {
                    String[] kv = rule.get().split("=", 2);
                    if (kv.length != 2 || !kv[0].equals("max_server_per_host")) {
                        throw new NovaCli.UsageException("--rule takes max_server_per_host=<n>");
                    }
                    b.maxServerPerHost(integer("--rule", kv[1]));
                }
                groups(List.of(nova.serverGroups().create(b.build())), out);
                break;
            }
            case "server-group-list": {
                ServerGroupListOptions.Builder b =
                        ServerGroupListOptions.builder().allProjects(o.flag("--all-projects"));
                Optional<String> limit = o.value("--limit");
                if (limit.isPresent()) {
                    b.limit(integer("--limit", limit.get()));
                }
                Optional<String> offset = o.value("--offset");
                if (offset.isPresent()) {
                    b.offset(integer("--offset", offset.get()));
                }
                List<ServerGroup> all = new ArrayList<>();
                nova.serverGroups().list(b.build()).forEach(all::add);
                groups(all, out);
                break;
            }
            case "limits": {
                AbsoluteLimits a = o.value("--tenant")
                        .map(p -> nova.limits().get(p))
                        .orElseGet(() -> nova.limits().get())
                        .absolute();
                Table t = new Table("Name", "Used", "Max");
                t.row("Cores", opt(a.totalCoresUsed()), opt(a.maxTotalCores()));
                t.row("Instances", opt(a.totalInstancesUsed()), opt(a.maxTotalInstances()));
                t.row("RAM", opt(a.totalRamUsed()), opt(a.maxTotalRamSize()));
                t.row("Keypairs", "", opt(a.maxTotalKeypairs()));
                t.row("ServerGroups", opt(a.totalServerGroupsUsed()), opt(a.maxServerGroups()));
                t.row("ServerGroupMembers", "", opt(a.maxServerGroupMembers()));
                t.row("ServerMeta", "", opt(a.maxServerMeta()));
                t.print(out);
                break;
            }
            case "quota-show": {
                String project = o.value("--tenant")
                        .orElseGet(() ->
                                session.token().project().flatMap(p -> p.id()).orElseThrow());
                Optional<String> user = o.value("--user");
                QuotaSet q = user.isPresent()
                        ? nova.quotas().get(project, user.get())
                        : nova.quotas().get(project);
                Table t = new Table("Quota", "Limit");
                t.row("instances", opt(q.instances()));
                t.row("cores", opt(q.cores()));
                t.row("ram", opt(q.ramMb()));
                t.row("metadata_items", opt(q.metadataItems()));
                t.row("key_pairs", opt(q.keyPairs()));
                t.row("server_groups", opt(q.serverGroups()));
                t.row("server_group_members", opt(q.serverGroupMembers()));
                q.injectedFiles().ifPresent(v -> t.row("injected_files", v));
                q.floatingIps().ifPresent(v -> t.row("floating_ips", v));
                t.print(out);
                break;
            }
            default: {
                Table t = new Table("Name", "Status");
                nova.availabilityZones()
                        .list()
                        .forEach(z -> t.row(z.zoneName(), z.zoneState().available() ? "available" : "not available"));
                t.print(out);
            }
        }
    }

    private static void groups(List<ServerGroup> groups, PrintStream out) {
        Table t = new Table("Id", "Name", "Policy", "Members", "Project Id");
        groups.forEach(g -> t.row(
                g.id(), g.name(), g.policy().value(), g.members(), g.projectId().orElse("")));
        t.print(out);
    }

    private static String opt(Optional<Integer> value) {
        return value.map(Object::toString).orElse("");
    }

    private static ServerGroupPolicy policy(String value) throws NovaCli.UsageException {
        ServerGroupPolicy p = ServerGroupPolicy.fromValue(value);
        if (p == ServerGroupPolicy.UNKNOWN) {
            throw new NovaCli.UsageException(
                    "policy must be affinity, anti-affinity, soft-affinity or soft-anti-affinity, got '" + value + "'");
        }
        return p;
    }

    private static int integer(String option, String value) throws NovaCli.UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NovaCli.UsageException(option + " takes a number, got '" + value + "'");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key " + file, e);
        }
    }

    /** The options and positional arguments of one command. */
    private static final class Options {
        private static final Set<String> VALUED =
                Set.of("--pub-key", "--rule", "--limit", "--offset", "--tenant", "--user");
        private static final Set<String> FLAGS = Set.of("--all-projects");

        final List<String> args = new ArrayList<>();
        final java.util.Map<String, String> values = new java.util.HashMap<>();
        final Set<String> flags = new java.util.HashSet<>();
        final String command;

        private Options(String command) {
            this.command = command;
        }

        static Options parse(String command, List<String> argv) throws NovaCli.UsageException {
            Options o = new Options(command);
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                if (VALUED.contains(a)) {
                    if (i + 1 >= argv.size()) {
                        throw new NovaCli.UsageException(a + " needs a value");
                    }
                    o.values.put(a, argv.get(++i));
                } else if (FLAGS.contains(a)) {
                    o.flags.add(a);
                } else if (a.startsWith("--")) {
                    throw new NovaCli.UsageException(command + ": unknown option " + a);
                } else {
                    o.args.add(a);
                }
            }
            return o;
        }

        void positional(int count, String what) throws NovaCli.UsageException {
            if (args.size() != count) {
                throw new NovaCli.UsageException(command + " takes " + what + ", got " + args);
            }
        }

        Optional<String> value(String option) {
            return Optional.ofNullable(values.get(option));
        }

        boolean flag(String option) {
            return flags.contains(option);
        }
    }
}
