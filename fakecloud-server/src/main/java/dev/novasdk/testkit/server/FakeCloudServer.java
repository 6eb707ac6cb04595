package dev.novasdk.testkit.server;

import dev.novasdk.testkit.FakeClock;
import dev.novasdk.testkit.FakeCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * FakeCloud as a standalone OpenStack for any client (python-openstackclient, Terraform, Ansible, gophercloud,
 * ...): {@code java -jar fakecloud-server.jar [--port 5000] [--seed FILE] ...}. It prints the credentials, an
 * {@code openrc} and a {@code clouds.yaml} entry, then the line {@value #READY} followed by the auth URL once
 * requests are answered, and runs until SIGTERM or Ctrl-C. The fault-injection endpoint {@code /_fake} is
 * on, for loopback clients. See the sdk-testkit README.
 */
public final class FakeCloudServer {
    /** The start of the line printed once the cloud answers; scripts wait for it. */
    public static final String READY = "FakeCloud ready:";

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;

    private final FakeCloud cloud;
    private final PrintStream out;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private FakeCloudServer(FakeCloud cloud, PrintStream out) {
        this.cloud = cloud;
        this.out = out;
    }

    /** Runs the server until the JVM is asked to stop; exits with 2 on a command-line mistake. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, starts the cloud and blocks until {@link #stop()} (the shutdown hook on SIGTERM
     * and Ctrl-C); returns the exit status: 0 after a stop or {@code --help}, 2 for a usage mistake, 1
     * when the cloud cannot start (port in use, unreadable seed file).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (ServerOptions.UsageException e) {
            err.println("fakecloud: " + e.getMessage());
            err.println(ServerOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help) {
            out.println(ServerOptions.USAGE);
            return 0;
        }
        FakeCloudServer server;
        try {
            server = start(options, out);
        } catch (ServerOptions.UsageException e) {
            err.println("fakecloud: " + e.getMessage());
            err.println(ServerOptions.USAGE);
            return EXIT_USAGE;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("fakecloud: " + e.getMessage());
            return EXIT_FAILED;
        }
        Thread hook = new Thread(server::stop, "fakecloud-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitStop();
        return 0;
    }

    /**
     * Builds and starts the cloud the options describe, prints how to reach it and, last, the readiness line.
     *
     * @throws ServerOptions.UsageException when an option value is refused by the builder
     * @throws IllegalArgumentException when the seed file is wrong
     * @throws UncheckedIOException when the port cannot be bound or a file cannot be read or written
     */
    static FakeCloudServer start(ServerOptions options, PrintStream out) {
        FakeCloud.Builder b = FakeCloud.builder()
                .host(options.host)
                .port(options.port)
                .clock(options.realtime ? FakeClock.ticking() : FakeClock.manual())
                .stepDuration(options.step)
                .adminEndpoint(true);
        try {
            b.maxMicroversion(options.maxMicroversion);
        } catch (IllegalArgumentException e) {
            throw new ServerOptions.UsageException("--max-microversion: " + e.getMessage());
        }
        if (options.seed != null) {
            b.seed(options.seed);
        } else {
            b.labSeed();
        }
        FakeCloud cloud = b.build();
        FakeCloudServer server = new FakeCloudServer(cloud, out);
        try {
            ClientConfig config = new ClientConfig(cloud);
            List<Path> written = options.writeConfig == null ? List.of() : config.write(options.writeConfig);
            cloud.start();
            server.describe(options, config, written);
        } catch (IOException e) {
            cloud.close();
            throw new UncheckedIOException("cannot write the client configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
        return server;
    }

    private void describe(ServerOptions options, ClientConfig config, List<Path> written) {
        out.println("FakeCloud: Keystone v3, Nova v2.1 (microversions 2.1-" + cloud.maxMicroversion()
                + "), Glance v2 on " + cloud.baseUrl() + " (" + (options.realtime ? "realtime" : "manual")
                + " clock, lifecycle step " + format(options.step) + ")");
        out.println("  auth URL:        " + cloud.authUrl());
        for (String user : config.users()) {
            var env = cloud.osEnvironment(user);
            out.println("  user:            " + user + " / " + env.get("OS_PASSWORD") + " (project "
                    + env.get("OS_PROJECT_NAME") + ", domain " + env.get("OS_USER_DOMAIN_NAME") + ")");
        }
        out.println("  region:          " + cloud.regionName());
        out.println("  admin endpoint:  " + cloud.baseUrl() + "/_fake (loopback clients only)");
        out.println();
        out.println("# openrc");
        out.print(config.openrc(config.users().get(0)));
        out.println();
        out.println("# clouds.yaml");
        out.print(config.cloudsYaml());
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.println();
        out.println(READY + " " + cloud.authUrl());
        out.flush();
    }

    private static String format(java.time.Duration d) {
        return d.isZero() ? "0s" : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The running cloud. */
    FakeCloud cloud() {
        return cloud;
    }

    /** Stops answering, frees the port and releases {@link #awaitStop()}. Idempotent; the shutdown path. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            cloud.close();
            out.println("FakeCloud stopped");
            out.flush();
            done.countDown();
        }
    }

    /** Blocks until {@link #stop()}. */
    void awaitStop() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
