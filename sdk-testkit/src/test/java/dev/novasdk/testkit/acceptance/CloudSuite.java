package dev.novasdk.testkit.acceptance;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the acceptance suites that boot servers share: the cloud (skipping the whole class when there is none),
 * a session and a compute client on the cloud's clock and sleeper, servers deleted after each test even when
 * it fails, and everything closed at the end. A suite adds its own set-up in {@link #connected()} and its own
 * clean-up in {@link #disconnecting()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudSuite {
    AcceptanceCloud cloud;
    Session session;
    ComputeClient nova;
    private final List<String> booted = Collections.synchronizedList(new ArrayList<>());

    /** The cloud to run against, or empty to skip the whole class (saying why on stdout). */
    abstract Optional<AcceptanceCloud> openCloud();

    @BeforeAll
    final void connect() {
        Optional<AcceptanceCloud> c = openCloud();
        Assumptions.assumeTrue(c.isPresent(), "no cloud configured");
        cloud = c.get();
        System.out.println(getClass().getSimpleName() + " runs against " + cloud.label());
        session = newSession(cloud.config()).build();
        nova = computeBuilder(session).build();
        // Fail the whole class at once, with the reason, when the cloud is unreachable or refuses us.
        session.token();
        nova.microversion();
        connected();
    }

    /** The builder of the suite's session; a suite may add to {@link #sessionBuilder}'s. */
    Session.Builder newSession(CloudConfig config) {
        return sessionBuilder(config);
    }

    /** Set-up of the suite's own, once the client is connected. */
    void connected() {}

    /** Clean-up of the suite's own, before the client, the session and the cloud are closed. */
    void disconnecting() {}

    /** A session builder for {@code config} on the cloud's sleeper and clock. */
    final Session.Builder sessionBuilder(CloudConfig config) {
        return config.toSessionBuilder().sleeper(cloud.sleeper()).clock(cloud.clock());
    }

    /** A compute client builder on {@code s}, the cloud's sleeper and time, and the configured microversion. */
    final ComputeClient.Builder computeBuilder(Session s) {
        return computeBuilder(s, cloud.config());
    }

    /** {@link #computeBuilder(Session)} with the microversion {@code config} pins, if any. */
    final ComputeClient.Builder computeBuilder(Session s, CloudConfig config) {
        ComputeClient.Builder b =
                ComputeClient.builder().session(s).sleeper(cloud.sleeper()).nanoTime(cloud.nanoTime());
        config.computeApiVersion().ifPresent(b::microversion);
        return b;
    }

    /** Boots a cirros m1.tiny without networks, named {@code <prefix>-<what>-<random>}, and waits for ACTIVE. */
    final Server bootActive(String prefix, String what) {
        Server s = nova.servers()
                .create(ServerCreate.builder()
                        .name(prefix + "-" + what + "-"
                                + UUID.randomUUID().toString().substring(0, 8))
                        .image(nova.images().find("cirros").orElseThrow())
                        .flavor(nova.flavors().find("m1.tiny").orElseThrow())
                        .networksNone()
                        .build());
        track(s.id());
        return nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
    }

    /** Deletes the server after the current test. */
    final void track(String serverId) {
        booted.add(serverId);
    }

    /** Leaves the server to the test, which deleted it itself. */
    final void untrack(String serverId) {
        booted.remove(serverId);
    }

    @AfterEach
    final void deleteWhatWasBooted() {
        List<String> ids;
        synchronized (booted) {
            ids = new ArrayList<>(booted);
            booted.clear();
        }
        ids.forEach(this::deleteNow);
    }

    /** Deletes the server now and waits until it is gone; it is no longer deleted after the test. */
    final void deleteNow(String serverId) {
        booted.remove(serverId);
        try {
            nova.servers().delete(serverId);
        } catch (NotFoundException gone) {
            return;
        }
        nova.servers().waitForDelete(serverId, cloud.waits());
    }

    @AfterAll
    final void disconnect() {
        try {
            if (nova != null) {
                disconnecting();
            }
        } finally {
            for (AutoCloseable c : new AutoCloseable[] {nova, session, cloud}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
