package dev.novasdk.testkit.server;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line of {@link FakeCloudServer}, parsed and checked; mistakes are {@link UsageException}s. */
final class ServerOptions {
    static final String USAGE = String.join(
            "\n",
            "usage: java -jar fakecloud-server.jar [options]",
            "",
            "Runs FakeCloud, an emulated OpenStack (Keystone v3, Nova v2.1, Glance v2), until SIGTERM or Ctrl-C.",
            "",
            "  --port N                port to listen on (default 5000; 0 takes a free port)",
            "  --host ADDRESS          address to listen on (default 127.0.0.1)",
            "  --seed FILE             projects, users, roles, flavors, images, keypairs and quotas (YAML or",
            "                          JSON); default: the OpenStack lab's contents",
            "  --clock realtime|manual realtime (default) follows the system clock; manual stands still until",
            "                          POST /_fake/clock/advance",
            "  --step DURATION         time each server lifecycle step takes, e.g. 1s (default), 500ms, 0",
            "  --max-microversion V    highest compute microversion, 2.1-2.93 (default 2.93)",
            "  --write-config DIR      also write DIR/openrc, DIR/openrc-demo and DIR/clouds.yaml",
            "  --help                  print this help",
            "",
            "Prints the credentials, an openrc and a clouds.yaml entry, then the line",
            "\"" + FakeCloudServer.READY + " <auth URL>\" once it answers requests.");

    private static final Set<String> OPTIONS =
            Set.of("--port", "--host", "--seed", "--clock", "--step", "--max-microversion", "--write-config");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    final String host;
    final int port;
    final Path seed;
    final boolean realtime;
    final Duration step;
    final String maxMicroversion;
    final Path writeConfig;
    final boolean help;

    private ServerOptions(
            String host,
            int port,
            Path seed,
            boolean realtime,
            Duration step,
            String maxMicroversion,
            Path writeConfig,
            boolean help) {
        this.host = host;
        this.port = port;
        this.seed = seed;
        this.realtime = realtime;
        this.step = step;
        this.maxMicroversion = maxMicroversion;
        this.writeConfig = writeConfig;
        this.help = help;
    }

    /** A command-line mistake: the server prints it with the usage and exits with status 2. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    static ServerOptions parse(String... args) {
        String host = "127.0.0.1";
        int port = 5000;
        Path seed = null;
        boolean realtime = true;
        Duration step = Duration.ofSeconds(1);
        String maxMicroversion = "2.93";
        Path writeConfig = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port":
                    port = port(value);
                    break;
                case "--host":
                    if (value.isBlank()) {
                        throw new UsageException("--host must not be empty");
                    }
                    host = value;
                    break;
                case "--seed":
                    seed = Path.of(value);
                    break;
                case "--clock":
                    realtime = clock(value);
                    break;
                case "--step":
                    step = duration(value);
                    break;
                case "--max-microversion":
                    if (!value.matches("2\\.\\d+")) {
                        throw new UsageException("--max-microversion must look like 2.NN, got '" + value + "'");
                    }
                    maxMicroversion = value;
                    break;
                case "--write-config":
                    writeConfig = Path.of(value);
                    break;
                default:
                    throw new IllegalStateException("an option in OPTIONS without a case: " + name);
            }
        }
        return new ServerOptions(host, port, seed, realtime, step, maxMicroversion, writeConfig, help);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number within 0-65535, got '" + value + "'");
    }

    private static boolean clock(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "realtime":
                return true;
            case "manual":
                return false;
            default:
                throw new UsageException("--clock must be realtime or manual, got '" + value + "'");
        }
    }

    /** {@code 1s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO {@code PT1S}. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (m.matches()) {
            BigDecimal n = new BigDecimal(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            BigDecimal nanosPerUnit = BigDecimal.valueOf(
                    unit.equals("ms")
                            ? 1_000_000L
                            : unit.equals("s")
                                    ? 1_000_000_000L
                                    : unit.equals("m") ? 60_000_000_000L : 3_600_000_000_000L);
            return Duration.ofNanos(n.multiply(nanosPerUnit).longValue());
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new UsageException("--step must be a duration such as 1s, 500ms or 2m, got '" + value + "'");
    }
}
