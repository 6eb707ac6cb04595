package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.servers.BlockDeviceMappingV2;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerNetwork;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.OpenStackException;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.CloudConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small {@code nova}-like command line on the SDK's public API: {@code boot}, {@code show}, {@code list},
 * {@code delete}, {@code flavor-list}, {@code image-list}, the power and state commands of
 * {@link ServerActionCommands}, the resize, rebuild, snapshot, migration and console commands of
 * {@link ServerMoveCommands}, the sub-resource commands of {@link SubResourceCommands}, and the keypair,
 * server group, limits, quota and zone commands of {@link ResourceCommands}. {@code --debug} prints the SDK's
 * redacted {@code REQ}/{@code RESP} lines to stderr; {@code --timing} prints one line per call to stderr (operation,
 * status, duration, Nova's request id), through a {@link CallListener}. Exit codes: 0 success, 1 a refused request (the message says the
 * status, fault, message and request id), 2 bad usage.
 */
public final class NovaCli {
    static final String USAGE = String.join(
            "\n",
            "usage: nova-cli [--debug] [--timing] [--os-compute-api-version X.Y] <command> [options]",
            "",
            "commands:",
            "  boot --flavor <name|id> (--image <name|id> | --block-device source=volume,id=<id>,dest=volume,bootindex=0)",
            "       [--swap <MB>] [--nic none|auto|net-id=<id>[,v4-fixed-ip=<ip>]|port-id=<id>] [--key-name <name>]",
            "       [--meta <key=value>]... [--user-data <file>] [--availability-zone <zone>] [--security-groups <a,b>]",
            "       [--hint <key=value>]... [--config-drive true|false] [--min-count <n>] [--max-count <n>]",
            "       [--description <text>] [--tag <tag>]... [--poll] <name>",
            "  show <name|id>",
            "  list",
            "  delete <name|id>...",
            "  flavor-list",
            "  image-list",
            ServerMoveCommands.USAGE,
            SubResourceCommands.USAGE,
            ServerActionCommands.USAGE,
            ResourceCommands.USAGE,
            OperatorCommands.USAGE);

    private NovaCli() {}

    /** Runs one command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A usage error: exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, CloudConfig::detect);
    }

    static int run(String[] argv, PrintStream out, PrintStream err, Supplier<Optional<CloudConfig>> configuration) {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean debug = false;
        boolean timing = false;
        String microversion = null;
        while (!args.isEmpty() && args.get(0).startsWith("--")) {
            String flag = args.remove(0);
            if (flag.equals("--debug")) {
                debug = true;
            } else if (flag.equals("--timing")) {
                timing = true;
            } else if (flag.equals("--os-compute-api-version") && !args.isEmpty()) {
                microversion = args.remove(0);
            } else if (flag.equals("--help") || flag.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else {
                err.println("nova-cli: unknown option " + flag + "\n" + USAGE);
                return 2;
            }
        }
        if (debug) {
            // Must happen before the first SDK class asks SLF4J for a logger.
            System.setProperty("org.slf4j.simpleLogger.log.dev.novasdk", "debug");
        }
        if (args.isEmpty()) {
            err.println("nova-cli: no command given\n" + USAGE);
            return 2;
        }
        String command = args.remove(0);
        try {
            validate(command, args);
        } catch (UsageException e) {
            err.println("nova-cli: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        // Timings go to stderr, after each call, so the command's output on stdout stays as it is.
        Optional<CallListener> timings = timing ? Optional.of(Timings.printingTo(err)) : Optional.empty();
        try (CloudConnection cloud = CloudConnection.open(err, configuration.get(), timings)) {
            ComputeClient nova = microversion == null ? cloud.nova() : cloud.nova(microversion);
            if (ResourceCommands.handles(command)) {
                ResourceCommands.execute(command, args, nova, cloud.session(), out);
            } else {
                execute(command, args, nova, out);
            }
            return 0;
        } catch (OpenStackException e) {
            err.println("ERROR (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("ERROR: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (UsageException e) {
            err.println("nova-cli: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    /** Checks the command's arguments before anything connects. */
    private static void validate(String command, List<String> args) throws UsageException {
        if (ServerMoveCommands.handles(command)) {
            ServerMoveCommands.validate(command, args);
            return;
        }
        if (SubResourceCommands.handles(command)) {
            SubResourceCommands.validate(command, args);
            return;
        }
        switch (command) {
            case "boot":
                BootArgs.parse(args);
                break;
            case "show":
                if (args.size() != 1) {
                    throw new UsageException("show takes exactly one server name or id");
                }
                break;
            case "delete":
                if (args.isEmpty()) {
                    throw new UsageException("delete takes one or more server names or ids");
                }
                break;
            case "list":
            case "flavor-list":
            case "image-list":
                if (!args.isEmpty()) {
                    throw new UsageException(command + " takes no arguments, got " + args);
                }
                break;
            default:
                if (ServerActionCommands.handles(command)) {
                    ServerActionCommands.validate(command, args);
                    break;
                }
                if (ResourceCommands.handles(command)) {
                    ResourceCommands.validate(command, args);
                    break;
                }
                if (OperatorCommands.handles(command)) {
                    OperatorCommands.validate(command, args);
                    break;
                }
                throw new UsageException("unknown command '" + command + "'");
        }
    }

    private static void execute(String command, List<String> args, ComputeClient nova, PrintStream out)
            throws UsageException {
        if (ServerMoveCommands.handles(command)) {
            ServerMoveCommands.execute(command, args, nova, out);
            return;
        }
        if (SubResourceCommands.handles(command)) {
            SubResourceCommands.execute(command, args, nova, out);
            return;
        }
        if (ServerActionCommands.handles(command)) {
            ServerActionCommands.execute(command, args, nova, out);
            return;
        }
        if (OperatorCommands.handles(command)) {
            OperatorCommands.execute(command, args, nova, out);
            return;
        }
        switch (command) {
            case "boot":
                boot(BootArgs.parse(args), nova, out);
                break;
            case "show":
                ServerView.show(findServer(nova, args.get(0)), out);
                break;
            case "list": {
                Table t = new Table("ID", "Name", "Status", "Task State", "Power State", "Networks");
                nova.servers()
                        .list()
                        .forEach(s -> t.row(
                                s.id(),
                                s.name().orElse(""),
                                s.statusRaw().orElse(""),
                                s.taskStateRaw().orElse("-"),
                                s.powerState().map(Enum::name).orElse(""),
                                s.addresses().keySet()));
                t.print(out);
                break;
            }
            case "delete":
                for (String nameOrId : args) {
                    Server s = findServer(nova, nameOrId);
                    nova.servers().delete(s.id());
                    out.println("Request to delete server " + nameOrId + " has been accepted.");
                }
                break;
            case "flavor-list": {
                Table t = new Table("ID", "Name", "Memory_MiB", "Disk", "Ephemeral", "Swap", "VCPUs", "Is_Public");
                nova.flavors()
                        .list()
                        .forEach(f -> t.row(
                                f.id(),
                                f.name(),
                                f.ram().orElse(0),
                                f.disk().orElse(0),
                                f.ephemeralGb().orElse(0),
                                f.swapMb()
                                        .filter(x -> x > 0)
                                        .map(Object::toString)
                                        .orElse(""),
                                f.vcpus().orElse(0),
                                f.isPublic().orElse(true)));
                t.print(out);
                break;
            }
            default: {
                Table t = new Table("ID", "Name", "Status", "Server");
                nova.images()
                        .list()
                        .forEach(i ->
                                t.row(i.id(), i.name().orElse(""), i.statusRaw().orElse(""), ""));
                t.print(out);
            }
        }
    }

    private static Server findServer(ComputeClient nova, String nameOrId) {
        return nova.servers()
                .find(nameOrId)
                .orElseThrow(() ->
                        new IllegalArgumentException("No server with a name or ID of '" + nameOrId + "' exists."));
    }

    private static void boot(BootArgs a, ComputeClient nova, PrintStream out) throws UsageException {
        Flavor flavor = nova.flavors()
                .find(a.flavor)
                .orElseThrow(() ->
                        new IllegalArgumentException("No flavor with a name or ID of '" + a.flavor + "' exists."));
        ServerCreate.Builder b = ServerCreate.builder().name(a.name).flavor(flavor);
        if (a.image != null) {
            Image image = nova.images()
                    .find(a.image)
                    .orElseThrow(() ->
                            new IllegalArgumentException("No image with a name or ID of '" + a.image + "' exists."));
            b.image(image);
        }
        a.blockDevices.forEach(b::addBlockDeviceMappings);
        if (a.swapMb != null) {
            b.addBlockDeviceMappings(BlockDeviceMappingV2.swap(a.swapMb));
        }
        if (a.nicNone) {
            b.networksNone();
        } else if (a.nicAuto) {
            b.networksAuto();
        }
        a.nics.forEach(b::addNetworks);
        a.meta.forEach(kv -> b.putMetadata(kv[0], kv[1]));
        a.hints.forEach(kv -> b.addSchedulerHint(kv[0], kv[1]));
        if (a.keyName != null) {
            b.keyName(a.keyName);
        }
        if (a.userData != null) {
            try {
                b.userData(Files.readAllBytes(a.userData));
            } catch (IOException e) {
                throw new UsageException("cannot read --user-data file " + a.userData + ": " + e.getMessage());
            }
        }
        if (a.zone != null) {
            b.availabilityZone(a.zone);
        }
        a.securityGroups.forEach(b::addSecurityGroups);
        if (a.configDrive != null) {
            b.configDrive(a.configDrive);
        }
        if (a.minCount != null) {
            b.minCount(a.minCount);
        }
        if (a.maxCount != null) {
            b.maxCount(a.maxCount);
        }
        if (a.description != null) {
            b.description(a.description);
        }
        a.tags.forEach(b::addTags);
        Server created = nova.servers().create(b.build());
        Server shown = created;
        if (a.poll) {
            out.println("Server building... ");
            shown = nova.servers()
                    .waitForStatus(
                            created.id(),
                            ServerStatus.ACTIVE,
                            WaitOptions.of(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                            s -> out.println("  " + s.statusRaw().orElse("?") + " "
                                    + s.taskStateRaw().orElse("-")
                                    + s.progress().map(p -> " " + p + "%").orElse("")));
            out.println("Finished");
        } else {
            shown = nova.servers().get(created.id());
        }
        ServerView.show(shown, out);
        created.adminPass().ifPresent(p -> out.println("adminPass: " + p));
    }

    /** The options of {@code boot}, parsed like novaclient's. */
    static final class BootArgs {
        String name;
        String flavor;
        String image;
        Integer swapMb;
        boolean nicNone;
        boolean nicAuto;
        final List<ServerNetwork> nics = new ArrayList<>();
        final List<BlockDeviceMappingV2> blockDevices = new ArrayList<>();
        final List<String[]> meta = new ArrayList<>();
        final List<String[]> hints = new ArrayList<>();
        String keyName;
        Path userData;
        String zone;
        final List<String> securityGroups = new ArrayList<>();
        Boolean configDrive;
        Integer minCount;
        Integer maxCount;
        String description;
        final List<String> tags = new ArrayList<>();
        boolean poll;

        static BootArgs parse(List<String> args) throws UsageException {
            BootArgs a = new BootArgs();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    if (a.name != null) {
                        throw new UsageException("boot takes one server name, got '" + a.name + "' and '" + arg + "'");
                    }
                    a.name = arg;
                    continue;
                }
                if (arg.equals("--poll")) {
                    a.poll = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                String v = args.get(++i);
                switch (arg) {
                    case "--flavor":
                        a.flavor = v;
                        break;
                    case "--image":
                        a.image = v;
                        break;
                    case "--swap":
                        a.swapMb = positive(arg, v);
                        break;
                    case "--nic":
                        nic(a, v);
                        break;
                    case "--block-device":
                        a.blockDevices.add(blockDevice(v));
                        break;
                    case "--meta":
                        a.meta.add(pair(arg, v));
                        break;
                    case "--hint":
                        a.hints.add(pair(arg, v));
                        break;
                    case "--key-name":
                        a.keyName = v;
                        break;
                    case "--user-data":
                        a.userData = Path.of(v);
                        break;
                    case "--availability-zone":
                        a.zone = v;
                        break;
                    case "--security-groups":
                        a.securityGroups.addAll(List.of(v.split(",")));
                        break;
                    case "--config-drive":
                        a.configDrive = bool(arg, v);
                        break;
                    case "--min-count":
                        a.minCount = positive(arg, v);
                        break;
                    case "--max-count":
                        a.maxCount = positive(arg, v);
                        break;
                    case "--description":
                        a.description = v;
                        break;
                    case "--tag":
                        a.tags.add(v);
                        break;
                    default:
                        throw new UsageException("unknown boot option " + arg);
                }
            }
            if (a.name == null) {
                throw new UsageException("boot needs a server name");
            }
            if (a.flavor == null) {
                throw new UsageException("boot needs --flavor");
            }
            if (a.image == null && a.blockDevices.isEmpty()) {
                throw new UsageException("boot needs --image or a --block-device with bootindex=0");
            }
            return a;
        }

        private static void nic(BootArgs a, String v) throws UsageException {
            if (v.equals("none")) {
                a.nicNone = true;
                return;
            }
            if (v.equals("auto")) {
                a.nicAuto = true;
                return;
            }
            ServerNetwork.Builder n = ServerNetwork.builder();
            boolean target = false;
            for (String part : v.split(",")) {
                String[] kv = pair("--nic", part);
                switch (kv[0]) {
                    case "net-id":
                        n.networkId(kv[1]);
                        target = true;
                        break;
                    case "port-id":
                        n.portId(kv[1]);
                        target = true;
                        break;
                    case "v4-fixed-ip":
                    case "v6-fixed-ip":
                        n.fixedIp(kv[1]);
                        break;
                    case "tag":
                        n.tag(kv[1]);
                        break;
                    default:
                        throw new UsageException("unknown --nic key '" + kv[0] + "'");
                }
            }
            if (!target) {
                throw new UsageException("--nic needs net-id or port-id (or none/auto)");
            }
            try {
                a.nics.add(n.build());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException("--nic " + v + ": " + e.getMessage());
            }
        }

        private static BlockDeviceMappingV2 blockDevice(String v) throws UsageException {
            BlockDeviceMappingV2.Builder b = BlockDeviceMappingV2.builder();
            for (String part : v.split(",")) {
                String[] kv = pair("--block-device", part);
                try {
                    switch (kv[0]) {
                        case "source":
                            b.sourceType(
                                    BlockDeviceMappingV2.SourceType.valueOf(kv[1].toUpperCase(java.util.Locale.ROOT)));
                            break;
                        case "dest":
                            b.destinationType(BlockDeviceMappingV2.DestinationType.valueOf(
                                    kv[1].toUpperCase(java.util.Locale.ROOT)));
                            break;
                        case "id":
                            b.uuid(kv[1]);
                            break;
                        case "bootindex":
                            b.bootIndex(Integer.parseInt(kv[1]));
                            break;
                        case "size":
                            b.volumeSize(Integer.parseInt(kv[1]));
                            break;
                        case "shutdown":
                            b.deleteOnTermination(kv[1].equals("remove"));
                            break;
                        case "format":
                            b.guestFormat(kv[1]);
                            break;
                        case "device":
                            b.deviceName(kv[1]);
                            break;
                        case "type":
                            b.deviceType(kv[1]);
                            break;
                        case "bus":
                            b.diskBus(kv[1]);
                            break;
                        case "volume_type":
                            b.volumeType(kv[1]);
                            break;
                        case "tag":
                            b.tag(kv[1]);
                            break;
                        default:
                            throw new UsageException("unknown --block-device key '" + kv[0] + "'");
                    }
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--block-device " + part + ": " + e.getMessage());
                }
            }
            try {
                return b.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException("--block-device " + v + ": " + e.getMessage());
            }
        }

        private static String[] pair(String flag, String v) throws UsageException {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(flag + " expects key=value, got '" + v + "'");
            }
            return new String[] {v.substring(0, eq), v.substring(eq + 1)};
        }

        private static int positive(String flag, String v) throws UsageException {
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new UsageException(flag + " must be >= 1, got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException(flag + " expects a whole number, got '" + v + "'");
            }
        }

        private static boolean bool(String flag, String v) throws UsageException {
            if (v.equalsIgnoreCase("true") || v.equals("1")) {
                return true;
            }
            if (v.equalsIgnoreCase("false") || v.equals("0")) {
                return false;
            }
            throw new UsageException(flag + " expects true or false, got '" + v + "'");
        }
    }
}
