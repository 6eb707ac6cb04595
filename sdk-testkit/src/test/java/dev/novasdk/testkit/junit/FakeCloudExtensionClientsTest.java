package dev.novasdk.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.FakeCloud;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension hands tests a ready Session, ComputeClient and ComputeAsyncClient living on the fake cloud's
 * clock.
 */
@ExtendWith(FakeCloudExtension.class)
class FakeCloudExtensionClientsTest {
    @Test
    void computeClient_bootsAndWaitsWithoutRealTimePassing(ComputeClient nova, Session session, FakeCloud cloud) {
        java.time.Instant before = cloud.clock().instant();
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name("vm1")
                        .imageId(nova.images().find("cirros").orElseThrow().id())
                        .flavorId("1")
                        .networksNone()
                        .build());

        Server active = nova.servers()
                .waitForStatus(
                        created.id(),
                        ServerStatus.ACTIVE,
                        WaitOptions.of(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10)));

        assertEquals(ServerStatus.ACTIVE, active.status());
        assertEquals(1, cloud.authenticationCount());
        assertEquals(cloud.authUrl(), session.authUrl().toString());
        // The build steps passed on the cloud's clock, moved by the client's waiter instead of real sleeps.
        assertTrue(Duration.between(before, cloud.clock().instant()).compareTo(Duration.ofSeconds(3)) >= 0);
    }

    @Test
    void parameters_ofOneTest_shareOneSessionAndClient(ComputeClient a, ComputeClient b, Session s1, Session s2) {
        assertSame(a, b);
        assertSame(s1, s2);
    }

    @Test
    void computeAsyncClient_bootsAndWaitsOnTheCloudsClockSharingTheSession(
            ComputeAsyncClient async, ComputeAsyncClient again, ComputeClient nova, FakeCloud cloud) {
        assertSame(async, again);
        java.time.Instant before = cloud.clock().instant();
        Server created = async.servers()
                .create(ServerCreate.builder()
                        .name("vm1")
                        .imageId(nova.images().find("cirros").orElseThrow().id())
                        .flavorId("1")
                        .networksNone()
                        .build())
                .join();

        Server active = async.servers()
                .waitForStatus(
                        created.id(),
                        ServerStatus.ACTIVE,
                        WaitOptions.of(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10)))
                // A waiter pausing in real time would never see the cloud's clock move: fail, do not hang.
                .orTimeout(1, java.util.concurrent.TimeUnit.MINUTES)
                .join();

        assertEquals(ServerStatus.ACTIVE, active.status());
        // One session behind both clients: one token.
        assertEquals(1, cloud.authenticationCount());
        // The build steps (4 s on the cloud's clock) passed by the waiter moving the clock, not by real pauses.
        assertTrue(Duration.between(before, cloud.clock().instant()).compareTo(Duration.ofSeconds(3)) >= 0);
    }
}
