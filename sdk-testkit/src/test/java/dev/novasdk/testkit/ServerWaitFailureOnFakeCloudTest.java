package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerActionFailedException;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.testkit.junit.FakeCloudExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server action the compute host gives up on ends the wait at once with the fault and the failed events.
 * Not an acceptance scenario: the lab's fake virt driver never fails an action, so FakeCloud's
 * {@link FakeCloud#forceError} knob plays the failing host.
 */
@ExtendWith(FakeCloudExtension.class)
class ServerWaitFailureOnFakeCloudTest {
    private static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static String bootActive(ComputeClient nova) {
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name("failure")
                        .imageId(nova.images().find("cirros").orElseThrow().id())
                        .flavorId("1")
                        .networksNone()
                        .build());
        return nova.servers()
                .waitForStatus(created.id(), ServerStatus.ACTIVE, WAITS)
                .id();
    }

    @Test
    void failedAction_waitFailsAtOnceWithTheFaultAndTheFailedEvents(ComputeClient nova, FakeCloud cloud) {
        String id = bootActive(nova);
        nova.servers().pause(id);
        cloud.forceError(id, 500, "Virt driver failed to pause");

        ServerActionFailedException e = assertThrows(
                ServerActionFailedException.class, () -> nova.servers().waitForStatus(id, ServerStatus.PAUSED, WAITS));

        assertEquals(Optional.of("Virt driver failed to pause"), e.faultMessage());
        assertEquals("pause", e.action().orElseThrow().action());
        assertEquals(
                List.of("compute_pause_instance"),
                e.failedEvents().stream().map(ev -> ev.event()).collect(Collectors.toList()));
        assertTrue(e.getMessage().contains("went to ERROR while waiting for PAUSED"), e.getMessage());
    }
}
