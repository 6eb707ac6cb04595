package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.compute.servers.ConsoleType;
import dev.novasdk.compute.servers.RemoteConsole;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerBackupCreate;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerLiveMigrate;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resize, rebuild, snapshot, migration and console commands of {@link NovaCli}, named and shaped like
 * novaclient's: {@code resize}, {@code resize-confirm}, {@code resize-revert}, {@code rebuild},
 * {@code image-create}, {@code backup}, {@code migrate}, {@code live-migration}, {@code evacuate} and
 * {@code get-vnc-console} (with {@code console-url} for any type). {@code --poll} waits for the end state
 * where novaclient offers it.
 */
final class ServerMoveCommands {
    static final String USAGE = String.join(
            "\n",
            "  resize [--poll] <server> <flavor>           (--poll waits for VERIFY_RESIZE)",
            "  resize-confirm <server>",
            "  resize-revert <server>",
            "  rebuild [--poll] [--name <name>] [--password <pw>] [--description <text>] [--key-name <name>]",
            "          [--meta <key=value>]... [--user-data <file>] <server> <image>",
            "  image-create [--poll] [--metadata <key=value>]... <server> <name>",
            "  backup <server> <name> <backup-type> <rotation>",
            "  migrate [--host <host>] [--poll] <server>",
            "  live-migration [--block-migrate] [--force] <server> [<host>]",
            "  evacuate [--password <pw>] <server> [<host>]",
            "  get-vnc-console <server> novnc",
            "  console-url <server> novnc|spice-html5|rdp-html5|serial|webmks");

    private static final Set<String> COMMANDS = Set.of(
            "resize",
            "resize-confirm",
            "resize-revert",
            "rebuild",
            "image-create",
            "backup",
            "migrate",
            "live-migration",
            "evacuate",
            "get-vnc-console",
            "console-url");
    private static final Set<String> SWITCHES = Set.of("--poll", "--block-migrate", "--force");
    private static final WaitOptions POLL =
            WaitOptions.of(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5));

    private ServerMoveCommands() {}

    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** The parsed options and positionals of one command. */
    static final class Args {
        final Set<String> switches = new java.util.HashSet<>();
        final Map<String, List<String>> options = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();

        String option(String name) {
            List<String> v = options.get(name);
            return v == null ? null : v.get(v.size() - 1);
        }

        List<String> all(String name) {
            return options.getOrDefault(name, List.of());
        }

        static Args parse(String command, List<String> args) throws NovaCli.UsageException {
            Args a = new Args();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (SWITCHES.contains(arg)) {
                    a.switches.add(arg);
                } else if (arg.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new NovaCli.UsageException(command + ": " + arg + " needs a value");
                    }
                    a.options.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    a.positional.add(arg);
                }
            }
            int[] range = positionals(command);
            if (a.positional.size() < range[0] || a.positional.size() > range[1]) {
                throw new NovaCli.UsageException(command + " takes " + (range[0] == range[1] ? "" : "from ")
                        + range[0] + (range[0] == range[1] ? "" : " to " + range[1]) + " arguments, got "
                        + a.positional);
            }
            return a;
        }

        private static int[] positionals(String command) {
            switch (command) {
                case "resize":
                case "rebuild":
                case "image-create":
                case "get-vnc-console":
                case "console-url":
                    return new int[] {2, 2};
                case "backup":
                    return new int[] {4, 4};
                case "live-migration":
                case "evacuate":
                    return new int[] {1, 2};
                default:
                    return new int[] {1, 1};
            }
        }
    }

    static void validate(String command, List<String> args) throws NovaCli.UsageException {
        Args a = Args.parse(command, args);
        if (command.equals("backup")) {
            try {
                Integer.parseInt(a.positional.get(3));
            } catch (NumberFormatException e) {
                throw new NovaCli.UsageException("backup: rotation must be a number, got " + a.positional.get(3));
            }
        }
        if (command.equals("get-vnc-console") && !a.positional.get(1).equals("novnc")) {
            throw new NovaCli.UsageException("get-vnc-console: the type must be novnc");
        }
        if (command.equals("console-url") && ConsoleType.fromValue(a.positional.get(1)) == ConsoleType.UNKNOWN) {
            throw new NovaCli.UsageException("console-url: unknown console type " + a.positional.get(1));
        }
    }

    static void execute(String command, List<String> args, ComputeClient nova, PrintStream out)
            throws NovaCli.UsageException {
        Args a = Args.parse(command, args);
        Server s = nova.servers()
                .find(a.positional.get(0))
                .orElseThrow(() -> new IllegalArgumentException(
                        "No server with a name or ID of '" + a.positional.get(0) + "' exists."));
        boolean poll = a.switches.contains("--poll");
        switch (command) {
            case "resize": {
                Flavor f = nova.flavors()
                        .find(a.positional.get(1))
                        .orElseThrow(() -> new IllegalArgumentException(
                                "No flavor with a name or ID of '" + a.positional.get(1) + "' exists."));
                nova.servers().resize(s.id(), f.id());
                if (poll) {
                    waitFor(nova, s.id(), ServerStatus.VERIFY_RESIZE, "Server resizing... ", out);
                }
                break;
            }
            case "resize-confirm":
                nova.servers().confirmResize(s.id());
                break;
            case "resize-revert":
                nova.servers().revertResize(s.id());
                break;
            case "rebuild":
                rebuild(a, s, nova, out, poll);
                break;
            case "image-create": {
                ServerImageCreate.Builder b = ServerImageCreate.builder().name(a.positional.get(1));
                for (String kv : a.all("--metadata")) {
                    String[] p = keyValue("--metadata", kv);
                    b.putMetadata(p[0], p[1]);
                }
                String imageId = nova.servers().createImage(s.id(), b.build());
                out.println("Image " + imageId + " created from server " + s.id() + ".");
                if (poll) {
                    out.println("Server snapshotting... ");
                    Image image = nova.images().waitForStatus(imageId, ImageStatus.ACTIVE, POLL);
                    out.println("Finished: image " + image.id() + " is "
                            + image.statusRaw().orElse("?"));
                }
                break;
            }
            case "backup": {
                String imageId = nova.servers()
                        .createBackup(
                                s.id(),
                                ServerBackupCreate.builder()
                                        .name(a.positional.get(1))
                                        .backupType(a.positional.get(2))
                                        .rotation(Integer.parseInt(a.positional.get(3)))
                                        .build());
                out.println("Backup image " + imageId + " created from server " + s.id() + ".");
                break;
            }
            case "migrate":
                if (a.option("--host") != null) {
                    nova.servers().migrate(s.id(), a.option("--host"));
                } else {
                    nova.servers().migrate(s.id());
                }
                if (poll) {
                    // A cold migration ends like a resize, waiting for a confirmation.
                    waitFor(nova, s.id(), ServerStatus.VERIFY_RESIZE, "Server migrating... ", out);
                }
                break;
            case "live-migration": {
                ServerLiveMigrate.Builder b = ServerLiveMigrate.builder();
                if (a.positional.size() > 1) {
                    b.host(a.positional.get(1));
                }
                if (a.switches.contains("--block-migrate")) {
                    b.blockMigration(true);
                }
                if (a.switches.contains("--force")) {
                    b.force(true);
                }
                nova.servers().liveMigrate(s.id(), b.build());
                break;
            }
            case "evacuate": {
                ServerEvacuate.Builder b = ServerEvacuate.builder();
                if (a.positional.size() > 1) {
                    b.host(a.positional.get(1));
                }
                if (a.option("--password") != null) {
                    b.adminPassword(a.option("--password"));
                }
                nova.servers().evacuate(s.id(), b.build()).ifPresent(p -> out.println("adminPass: " + p));
                break;
            }
            default: {
                RemoteConsole c = nova.servers().remoteConsole(s.id(), ConsoleType.fromValue(a.positional.get(1)));
                Table t = new Table("Type", "Url");
                t.row(c.typeRaw(), c.url());
                t.print(out);
            }
        }
    }

    private static void rebuild(Args a, Server s, ComputeClient nova, PrintStream out, boolean poll)
            throws NovaCli.UsageException {
        Image image = nova.images()
                .find(a.positional.get(1))
                .orElseThrow(() -> new IllegalArgumentException(
                        "No image with a name or ID of '" + a.positional.get(1) + "' exists."));
        ServerRebuild.Builder b = ServerRebuild.builder().image(image);
        if (a.option("--name") != null) {
            b.name(a.option("--name"));
        }
        if (a.option("--password") != null) {
            b.adminPassword(a.option("--password"));
        }
        if (a.option("--description") != null) {
            b.description(a.option("--description"));
        }
        if (a.option("--key-name") != null) {
            b.keyName(a.option("--key-name"));
        }
        if (!a.all("--meta").isEmpty()) {
            Map<String, String> meta = new LinkedHashMap<>();
            for (String kv : a.all("--meta")) {
                String[] p = keyValue("--meta", kv);
                meta.put(p[0], p[1]);
            }
            b.metadata(meta);
        }
        if (a.option("--user-data") != null) {
            try {
                b.userData(Files.readAllBytes(Path.of(a.option("--user-data"))));
            } catch (IOException e) {
                throw new NovaCli.UsageException(
                        "cannot read --user-data file " + a.option("--user-data") + ": " + e.getMessage());
            }
        }
        Server answered = nova.servers().rebuild(s.id(), b.build());
        Server shown = poll ? waitFor(nova, s.id(), ServerStatus.ACTIVE, "Server rebuilding... ", out) : answered;
        ServerView.show(shown, out);
        answered.adminPass().ifPresent(p -> out.println("adminPass: " + p));
    }

    private static Server waitFor(ComputeClient nova, String id, ServerStatus status, String what, PrintStream out) {
        out.println(what);
        Server s = nova.servers()
                .waitForStatus(
                        id,
                        status,
                        POLL,
                        x -> out.println("  " + x.statusRaw().orElse("?") + " "
                                + x.taskStateRaw().orElse("-")));
        out.println("Finished");
        return s;
    }

    private static String[] keyValue(String option, String kv) throws NovaCli.UsageException {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new NovaCli.UsageException(option + " takes key=value, got " + kv);
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }
}
