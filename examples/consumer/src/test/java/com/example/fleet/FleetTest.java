package com.example.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.testkit.junit.FakeCloudExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application's own test, on the SDK's FakeCloud: no cloud, no network, no real waiting. */
@ExtendWith(FakeCloudExtension.class)
class FleetTest {
    private static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void launch_bootsToActive_andRetireRemovesIt(ComputeClient nova) {
        Fleet fleet = new Fleet(nova, WAITS);

        Server web = fleet.launch("web-1", "cirros", "m1.tiny");

        assertEquals(ServerStatus.ACTIVE, web.status());
        assertTrue(fleet.names().contains("web-1"));
        fleet.retire(web.id());
        assertFalse(fleet.names().contains("web-1"));
    }
}
