package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.quotas.QuotaUpdate;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.NamedRef;
import dev.novasdk.identity.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The async client against a real cloud ({@link RealCloudAsyncIT}, in CI the lab) and FakeCloud
 * ({@link FakeCloudAsyncIT}): 20 servers booted at once, each awaited ACTIVE by an async waiter, then deleted
 * and awaited gone, with no failure.
 *
 * <p>The servers run in the demo user's project when a demo cloud is configured (FakeCloud's {@code demo}; on
 * a real cloud the {@code clouds.yaml} cloud named by {@code NOVASDK_IT_DEMO_CLOUD}, default {@code oslab-demo}),
 * else in the configured user's. 20 servers exceed Nova's default quota of 10 instances, so the configured user
 * (an admin) raises that project's instance, core and RAM limits by what the scenario needs and always puts the
 * old limits back afterwards; a shared cloud's other users keep the room they had. Every server booted is
 * deleted, even when the scenario fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncSuite {
    private static final int SERVERS = 20;

    private AcceptanceCloud cloud;
    private Session adminSession;
    private ComputeClient admin;
    private CloudConfig userConfig;
    private Session userSession;
    private ComputeAsyncClient nova;

    /** The cloud to run against, or empty to skip the whole class (saying why on stdout). */
    abstract Optional<AcceptanceCloud> openCloud();

    @BeforeAll
    void connect() {
        Optional<AcceptanceCloud> c = openCloud();
        Assumptions.assumeTrue(c.isPresent(), "no cloud configured");
        cloud = c.get();
        System.out.println(getClass().getSimpleName() + " runs against " + cloud.label());
        adminSession = session(cloud.config());
        ComputeClient.Builder b = ComputeClient.builder()
                .session(adminSession)
                .sleeper(cloud.sleeper())
                .nanoTime(cloud.nanoTime());
        cloud.config().computeApiVersion().ifPresent(b::microversion);
        admin = b.build();
        userConfig = demoConfig().orElse(cloud.config());
        userSession = session(userConfig);
        ComputeAsyncClient.Builder ab = ComputeAsyncClient.builder()
                .session(userSession)
                .nanoTime(cloud.nanoTime())
                .clock(cloud.clock());
        if (cloud.fakeCloud().isPresent()) {
            // The fake cloud's clock moves only when the client pauses: pauses move it and end at once.
            ab.asyncSleeper(AsyncSleeper.ofInstant(cloud.sleeper()));
        }
        userConfig.computeApiVersion().ifPresent(ab::microversion);
        nova = ab.build();
        nova.microversion().join();
    }

    @AfterAll
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {nova, userSession, admin, adminSession, cloud}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.out.println("closing " + c.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    private Session session(CloudConfig config) {
        return config.toSessionBuilder()
                .sleeper(cloud.sleeper())
                .clock(cloud.clock())
                .build();
    }

    // FakeCloud's demo user; on a real cloud the clouds.yaml cloud NOVASDK_IT_DEMO_CLOUD names, if there is one.
    private Optional<CloudConfig> demoConfig() {
        if (cloud.fakeCloud().isPresent()) {
            return cloud.fakeCloud().map(f -> CloudConfig.builder()
                    .environment(f.osEnvironment("demo"))
                    .searchPaths(List.of())
                    .build());
        }
        String name =
                Optional.ofNullable(System.getenv("NOVASDK_IT_DEMO_CLOUD")).orElse("oslab-demo");
        // Only the clouds.yaml location from this process: its OS_* variables are the admin's and would win.
        Map<String, String> env = new HashMap<>();
        Optional.ofNullable(System.getenv("OS_CLIENT_CONFIG_FILE")).ifPresent(f -> env.put("OS_CLIENT_CONFIG_FILE", f));
        try {
            return Optional.of(
                    CloudConfig.builder().environment(env).cloud(name).build());
        } catch (RuntimeException e) {
            System.out.println(getClass().getSimpleName() + ": no demo cloud '" + name
                    + "' in clouds.yaml; the servers run in the configured user's project");
            return Optional.empty();
        }
    }

    @Test
    void twentyConcurrentBoots_awaitedActiveAsync_thenDeletedAndAwaitedGone() {
        Image cirros = admin.images().find("cirros").orElseThrow();
        Flavor tiny = admin.flavors().find("m1.tiny").orElseThrow();
        String project = userSession.token().project().flatMap(NamedRef::id).orElseThrow();
        String prefix = "novasdk-async-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        QuotaSet before = admin.quotas().get(project);
        Map<String, String> booted = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        try {
            admin.quotas().update(project, raised(before, tiny));
            long started = System.nanoTime();

            List<CompletableFuture<Server>> active = new ArrayList<>();
            for (int i = 0; i < SERVERS; i++) {
                String name = prefix + String.format("%02d", i);
                active.add(nova.servers()
                        .create(ServerCreate.builder()
                                .name(name)
                                .image(cirros)
                                .flavor(tiny)
                                .networksNone()
                                .build())
                        .thenCompose(s -> {
                            booted.put(s.id(), name);
                            return nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
                        })
                        .whenComplete((s, e) -> count(failures, e, "boot of " + name)));
            }
            List<Server> servers = joinAll(active);
            long bootedAt = System.nanoTime();
            assertEquals(0, failures.get(), "failed boots");
            assertEquals(SERVERS, servers.size());
            assertTrue(servers.stream().allMatch(s -> s.status() == ServerStatus.ACTIVE));
            assertEquals(
                    new TreeSet<>(booted.values()),
                    servers.stream().map(s -> s.name().orElse("")).collect(Collectors.toCollection(TreeSet::new)));

            List<CompletableFuture<Void>> gone = new ArrayList<>();
            for (Server s : servers) {
                gone.add(nova.servers()
                        .delete(s.id())
                        .thenCompose(v -> nova.servers().waitForDelete(s.id(), cloud.waits()))
                        .whenComplete((v, e) -> {
                            if (e == null) {
                                booted.remove(s.id());
                            }
                            count(failures, e, "delete of " + s.id());
                        }));
            }
            joinAll(gone);
            System.out.printf(
                    "%s: %d servers ACTIVE after %d ms, deleted after %d ms more (real time)%n",
                    getClass().getSimpleName(),
                    servers.size(),
                    (bootedAt - started) / 1_000_000,
                    (System.nanoTime() - bootedAt) / 1_000_000);
            assertEquals(0, failures.get(), "failed deletes");
            assertEquals(Map.of(), booted);
        } finally {
            cleanUp(project, prefix, booted.keySet());
            admin.quotas()
                    .update(
                            project,
                            QuotaUpdate.builder()
                                    .instances(before.instances().orElseThrow())
                                    .cores(before.cores().orElseThrow())
                                    .ramMb(before.ramMb().orElseThrow())
                                    .force(true)
                                    .build());
        }
        assertEquals(before.instances(), admin.quotas().get(project).instances());
    }

    // Room for the scenario on top of the current limits (unlimited ones stay unlimited): whatever else runs in
    // the project keeps the room it had.
    private static QuotaUpdate raised(QuotaSet before, Flavor flavor) {
        return QuotaUpdate.builder()
                .instances(plus(before.instances().orElseThrow(), SERVERS))
                .cores(plus(
                        before.cores().orElseThrow(), SERVERS * flavor.vcpus().orElse(1)))
                .ramMb(plus(before.ramMb().orElseThrow(), SERVERS * flavor.ram().orElse(512)))
                .build();
    }

    private static int plus(int limit, int more) {
        return limit < 0 ? limit : limit + more;
    }

    private static void count(AtomicInteger failures, Throwable e, String what) {
        if (e != null) {
            failures.incrementAndGet();
            System.out.println("AsyncSuite: " + what + " failed: " + e);
        }
    }

    private static <T> List<T> joinAll(List<CompletableFuture<T>> futures) {
        // Every future ends (each wait has its timeout); the bound only keeps a stuck exchange from hanging CI.
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .orTimeout(10, TimeUnit.MINUTES)
                .exceptionally(e -> null)
                .join();
        return futures.stream()
                .filter(f -> !f.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .collect(Collectors.toList());
    }

    // Deletes what is left, known by id or (a create answered after a failure) by the run's name prefix.
    private void cleanUp(String project, String prefix, Set<String> known) {
        Set<String> ids = new TreeSet<>(known);
        try {
            admin.servers()
                    .list(ServerListOptions.builder()
                            .allTenants(true)
                            .projectId(project)
                            .name("^" + prefix)
                            .build())
                    .forEach(s -> ids.add(s.id()));
        } catch (RuntimeException e) {
            System.out.println("AsyncSuite: listing leftovers failed: " + e);
        }
        for (String id : ids) {
            try {
                admin.servers().delete(id);
                admin.servers().waitForDelete(id, cloud.waits());
            } catch (NotFoundException gone) {
                continue;
            } catch (RuntimeException e) {
                System.out.println("AsyncSuite: cleanup of " + id + " failed: " + e);
            }
        }
    }
}
