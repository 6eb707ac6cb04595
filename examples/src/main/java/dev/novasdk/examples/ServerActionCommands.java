package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionEvent;
import dev.novasdk.compute.instanceactions.InstanceActionListOptions;
import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.ResetState;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerRescue;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUnshelve;
import dev.novasdk.core.waiter.WaitOptions;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The power and state commands of {@link NovaCli}, spelled like {@code nova}'s: {@code reboot}, {@code stop},
 * {@code start}, {@code console-log}, {@code pause}, {@code unpause},
 * {@code suspend}, {@code resume}, {@code lock}, {@code unlock}, {@code rescue}, {@code unrescue},
 * {@code shelve}, {@code shelve-offload}, {@code unshelve}, {@code trigger-crash-dump}, {@code reset-state},
 * {@code restore}, {@code set-password}, {@code instance-action-list} and {@code instance-action}. The
 * asynchronous ones take {@code --poll} to wait for the end state, printing each state seen.
 */
final class ServerActionCommands {
    static final String USAGE = String.join(
            "\n",
            "  reboot [--hard] [--poll] <name|id>...    stop|start [--poll] <name|id>...",
            "  console-log [--length <lines>] <name|id>",
            "  pause|unpause|suspend|resume|unrescue|shelve|shelve-offload|restore [--poll] <name|id>...",
            "  lock [--reason <text>] <name|id>...     unlock <name|id>...",
            "  rescue [--password <pw>] [--image <name|id>] [--poll] <name|id>",
            "  unshelve [--availability-zone <zone>] [--host <host>] [--poll] <name|id>",
            "  trigger-crash-dump <name|id>...         reset-state [--active] <name|id>...",
            "  set-password [--password <pw>] <name|id>   (asks twice, without echo, when --password is not given)",
            "  instance-action-list [--marker <req-id>] [--limit <n>] [--changes-since <time>]",
            "       [--changes-before <time>] <name|id>",
            "  instance-action <name|id> <request-id>");

    private static final List<String> SIMPLE = List.of(
            "reboot",
            "stop",
            "start",
            "pause",
            "unpause",
            "suspend",
            "resume",
            "unrescue",
            "shelve",
            "shelve-offload",
            "restore",
            "unlock",
            "trigger-crash-dump");

    private static final List<String> ALL = List.of(
            "reboot",
            "stop",
            "start",
            "console-log",
            "pause",
            "unpause",
            "suspend",
            "resume",
            "unrescue",
            "shelve",
            "shelve-offload",
            "restore",
            "unlock",
            "trigger-crash-dump",
            "lock",
            "rescue",
            "unshelve",
            "reset-state",
            "set-password",
            "instance-action-list",
            "instance-action");

    private ServerActionCommands() {}

    static boolean handles(String command) {
        return ALL.contains(command);
    }

    /** The parsed options and positional arguments of one command. */
    static final class Args {
        boolean poll;
        boolean active;
        boolean hard;
        Integer length;
        String reason;
        String password;
        String image;
        String zone;
        String host;
        String marker;
        Integer limit;
        Instant changesSince;
        Instant changesBefore;
        final List<String> servers = new ArrayList<>();

        static Args parse(String command, List<String> args) throws NovaCli.UsageException {
            Args a = new Args();
            List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
                String flag = rest.remove(0);
                if (flag.equals("--poll") && waits(command)) {
                    a.poll = true;
                } else if (flag.equals("--active") && command.equals("reset-state")) {
                    a.active = true;
                } else if (flag.equals("--hard") && command.equals("reboot")) {
                    a.hard = true;
                } else if (rest.isEmpty()) {
                    throw new NovaCli.UsageException(command + ": " + flag + " needs a value");
                } else {
                    String v = rest.remove(0);
                    switch (command + " " + flag) {
                        case "lock --reason":
                            a.reason = v;
                            break;
                        case "rescue --password":
                        case "set-password --password":
                            a.password = v;
                            break;
                        case "rescue --image":
                            a.image = v;
                            break;
                        case "unshelve --availability-zone":
                            a.zone = v;
                            break;
                        case "unshelve --host":
                            a.host = v;
                            break;
                        case "instance-action-list --marker":
                            a.marker = v;
                            break;
                        case "console-log --length":
                            a.length = positive(flag, v);
                            break;
                        case "instance-action-list --limit":
                            a.limit = positive(flag, v);
                            break;
                        case "instance-action-list --changes-since":
                            a.changesSince = time(flag, v);
                            break;
                        case "instance-action-list --changes-before":
                            a.changesBefore = time(flag, v);
                            break;
                        default:
                            throw new NovaCli.UsageException(command + ": unknown option " + flag);
                    }
                }
            }
            a.servers.addAll(rest);
            int want = command.equals("instance-action") ? 2 : 1;
            boolean many = SIMPLE.contains(command) || command.equals("lock") || command.equals("reset-state");
            if (a.servers.size() < want || (!many && a.servers.size() != want)) {
                throw new NovaCli.UsageException(command + " takes "
                        + (command.equals("instance-action")
                                ? "a server name or id and a request id"
                                : many ? "one or more server names or ids" : "exactly one server name or id"));
            }
            return a;
        }

        private static boolean waits(String command) {
            return !List.of("unlock", "lock", "trigger-crash-dump", "reset-state", "set-password", "console-log")
                            .contains(command)
                    && !command.startsWith("instance-action");
        }

        private static int positive(String flag, String v) throws NovaCli.UsageException {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
            throw new NovaCli.UsageException(flag + " needs a positive number, got '" + v + "'");
        }

        private static Instant time(String flag, String v) throws NovaCli.UsageException {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new NovaCli.UsageException(flag + " needs an ISO 8601 time such as 2026-12-03T08:00:00Z");
            }
        }
    }

    static void validate(String command, List<String> args) throws NovaCli.UsageException {
        Args.parse(command, args);
    }

    static void execute(String command, List<String> args, ComputeClient nova, PrintStream out)
            throws NovaCli.UsageException {
        Args a = Args.parse(command, args);
        if (command.equals("console-log")) {
            String id = find(nova, a.servers.get(0)).id();
            out.print(
                    a.length == null
                            ? nova.servers().consoleOutput(id)
                            : nova.servers().consoleOutput(id, a.length));
            return;
        }
        if (command.equals("instance-action-list")) {
            actionList(nova, find(nova, a.servers.get(0)).id(), a, out);
            return;
        }
        if (command.equals("instance-action")) {
            action(
                    nova.servers()
                            .instanceActions()
                            .get(find(nova, a.servers.get(0)).id(), a.servers.get(1)),
                    out);
            return;
        }
        for (String nameOrId : a.servers) {
            String id = find(nova, nameOrId).id();
            Set<ServerStatus> end = run(command, a, nova, id, out);
            if (a.poll && !end.isEmpty()) {
                poll(nova, id, end, out);
            }
        }
    }

    /** Sends the action; the statuses it ends in, for {@code --poll}. */
    private static Set<ServerStatus> run(String command, Args a, ComputeClient nova, String id, PrintStream out)
            throws NovaCli.UsageException {
        var servers = nova.servers();
        switch (command) {
            case "reboot":
                servers.reboot(id, a.hard ? RebootType.HARD : RebootType.SOFT);
                return Set.of(ServerStatus.ACTIVE);
            case "stop":
                servers.stop(id);
                return Set.of(ServerStatus.SHUTOFF);
            case "start":
                servers.start(id);
                return Set.of(ServerStatus.ACTIVE);
            case "pause":
                servers.pause(id);
                return Set.of(ServerStatus.PAUSED);
            case "unpause":
                servers.unpause(id);
                return Set.of(ServerStatus.ACTIVE);
            case "suspend":
                servers.suspend(id);
                return Set.of(ServerStatus.SUSPENDED);
            case "resume":
                servers.resume(id);
                return Set.of(ServerStatus.ACTIVE);
            case "unrescue":
                servers.unrescue(id);
                return Set.of(ServerStatus.ACTIVE);
            case "shelve":
                servers.shelve(id);
                return Set.of(ServerStatus.SHELVED, ServerStatus.SHELVED_OFFLOADED);
            case "shelve-offload":
                servers.shelveOffload(id);
                return Set.of(ServerStatus.SHELVED_OFFLOADED);
            case "restore":
                servers.restore(id);
                return Set.of(ServerStatus.ACTIVE);
            case "unlock":
                servers.unlock(id);
                return Set.of();
            case "trigger-crash-dump":
                servers.triggerCrashDump(id);
                return Set.of();
            case "lock":
                if (a.reason == null) {
                    servers.lock(id);
                } else {
                    servers.lock(id, a.reason);
                }
                return Set.of();
            case "reset-state":
                servers.resetState(id, a.active ? ResetState.ACTIVE : ResetState.ERROR);
                return Set.of();
            case "rescue": {
                ServerRescueResult r;
                if (a.password == null && a.image == null) {
                    r = servers.rescue(id);
                } else {
                    ServerRescue.Builder b = ServerRescue.builder();
                    if (a.password != null) {
                        b.adminPassword(a.password);
                    }
                    if (a.image != null) {
                        b.imageId(nova.images()
                                .find(a.image)
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "No image with a name or ID of '" + a.image + "' exists."))
                                .id());
                    }
                    r = servers.rescue(id, b.build());
                }
                // nova prints the rescue password it was given, as for boot; it is the user's own secret.
                if (a.password == null) {
                    r.adminPassword().ifPresent(p -> out.println("adminPass: " + p));
                }
                return Set.of(ServerStatus.RESCUE);
            }
            case "unshelve":
                if (a.zone == null && a.host == null) {
                    servers.unshelve(id);
                } else {
                    ServerUnshelve.Builder b = ServerUnshelve.builder();
                    if (a.zone != null) {
                        b.availabilityZone(a.zone);
                    }
                    if (a.host != null) {
                        b.host(a.host);
                    }
                    servers.unshelve(id, b.build());
                }
                return Set.of(ServerStatus.ACTIVE);
            default: // set-password
                servers.changePassword(id, a.password != null ? a.password : readPassword());
                return Set.of();
        }
    }

    // nova set-password asks twice without echo; a run without a terminal must pass --password.
    private static String readPassword() throws NovaCli.UsageException {
        Console console = System.console();
        if (console == null) {
            throw new NovaCli.UsageException("set-password: no terminal to read the password from; use --password");
        }
        char[] first = console.readPassword("New password: ");
        char[] again = console.readPassword("Again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("Passwords do not match.");
            }
            return new String(first);
        } finally {
            Arrays.fill(first == null ? new char[0] : first, ' ');
            Arrays.fill(again == null ? new char[0] : again, ' ');
        }
    }

    private static void poll(ComputeClient nova, String id, Set<ServerStatus> end, PrintStream out) {
        Consumer<Server> progress = s -> out.println(
                "  " + s.statusRaw().orElse("?") + " " + s.taskStateRaw().orElse("-"));
        Server s = nova.servers()
                .waitForStatus(
                        id,
                        end,
                        WaitOptions.of(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        progress);
        out.println("Finished: " + s.statusRaw().orElse("?"));
    }

    private static void actionList(ComputeClient nova, String id, Args a, PrintStream out) {
        InstanceActionListOptions.Builder b = InstanceActionListOptions.builder();
        if (a.marker != null) {
            b.marker(a.marker);
        }
        if (a.limit != null) {
            b.limit(a.limit);
        }
        if (a.changesSince != null) {
            b.changesSince(a.changesSince);
        }
        if (a.changesBefore != null) {
            b.changesBefore(a.changesBefore);
        }
        Table t = new Table("Action", "Request_ID", "Message", "Start_Time", "Updated_At");
        var listing = nova.servers().instanceActions().list(id, b.build()).stream();
        // nova's --limit is a total for the listing, while the SDK pages through everything.
        if (a.limit != null) {
            listing = listing.limit(a.limit);
        }
        listing.forEach(x -> t.row(
                x.action(),
                x.requestId(),
                x.message().orElse("-"),
                x.startTime().map(Object::toString).orElse(""),
                x.updatedAt().map(Object::toString).orElse("-")));
        t.print(out);
    }

    private static void action(InstanceAction a, PrintStream out) {
        Table t = new Table("Property", "Value");
        t.row("action", a.action());
        t.row("instance_uuid", a.instanceUuid().orElse(""));
        t.row("message", a.message().orElse("-"));
        t.row("project_id", a.projectId().orElse(""));
        t.row("request_id", a.requestId());
        t.row("start_time", a.startTime().map(Object::toString).orElse(""));
        t.row("updated_at", a.updatedAt().map(Object::toString).orElse("-"));
        t.row("user_id", a.userId().orElse(""));
        t.print(out);
        Table events = new Table("Event", "Result", "Start_Time", "Finish_Time", "Host");
        for (InstanceActionEvent e : a.events()) {
            events.row(
                    e.event(),
                    e.resultRaw().orElse("-"),
                    e.startTime().map(Object::toString).orElse(""),
                    e.finishTime().map(Object::toString).orElse("-"),
                    e.host().or(e::hostId).orElse("-"));
        }
        events.print(out);
    }

    private static Server find(ComputeClient nova, String nameOrId) {
        return nova.servers()
                .find(nameOrId)
                .orElseThrow(() ->
                        new IllegalArgumentException("No server with a name or ID of '" + nameOrId + "' exists."));
    }
}
