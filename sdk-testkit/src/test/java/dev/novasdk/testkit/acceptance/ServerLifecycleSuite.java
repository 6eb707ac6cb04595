package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionListOptions;
import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerManager;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A server's power and state lifecycle, run against a real cloud ({@link RealCloudServerLifecycleIT}, in CI
 * the lab with Nova's fake virt driver) and against {@code FakeCloud} ({@link FakeCloudServerLifecycleIT}),
 * so both are held to the same behaviour: reboot, stop/start, pause/unpause, suspend/resume, lock/unlock,
 * rescue/unrescue, shelve/unshelve, crash dump, console output and the instance action log, each action
 * waited for with {@code waitForStatus}; the typed 409 of an action in the wrong state; and, on FakeCloud only
 * (the lab's fake driver never fails), a wait that ends with the fault and the failed instance action's
 * events. Every server a test boots is deleted afterwards, even when the test fails.
 */
abstract class ServerLifecycleSuite extends CloudSuite {

    // From 2.47 a server shows its flavor's name and sizes, before that only the flavor's id.
    private static boolean hasFlavor(Server s, Flavor f) {
        return s.flavor()
                .map(sf -> sf.originalName().map(f.name()::equals).orElseGet(() -> sf.id()
                        .equals(Optional.of(f.id()))))
                .orElse(false);
    }

    private Server await(String id, ServerStatus status) {
        Server s = nova.servers().waitForStatus(id, status, cloud.waits());
        assertEquals(status, s.status());
        assertTrue(s.taskStateRaw().isEmpty(), "the wait ends with the task: " + s.taskStateRaw());
        return s;
    }

    @Test
    void lifecycle_everyPowerAndStateActionEndsInItsStatus() {
        ServerManager servers = nova.servers();
        String id = bootActive("novasdk-it", "lifecycle").id();

        servers.reboot(id, RebootType.SOFT);
        await(id, ServerStatus.ACTIVE);
        servers.reboot(id, RebootType.HARD);
        await(id, ServerStatus.ACTIVE);

        servers.stop(id);
        await(id, ServerStatus.SHUTOFF);
        servers.start(id);
        await(id, ServerStatus.ACTIVE);

        servers.pause(id);
        await(id, ServerStatus.PAUSED);
        servers.unpause(id);
        await(id, ServerStatus.ACTIVE);

        servers.suspend(id);
        await(id, ServerStatus.SUSPENDED);
        servers.resume(id);
        await(id, ServerStatus.ACTIVE);

        boolean reasons = nova.microversion().isAtLeast(Microversion.of(2, 73));
        if (reasons) {
            servers.lock(id, "acceptance run");
        } else {
            servers.lock(id);
        }
        Server locked = servers.get(id);
        assertEquals(Optional.of(true), locked.locked());
        if (reasons) {
            assertEquals(Optional.of("acceptance run"), locked.lockedReason());
        }
        servers.unlock(id);
        assertEquals(Optional.of(false), servers.get(id).locked());

        ServerRescueResult rescue = servers.rescue(id);
        assertTrue(rescue.adminPassword().isPresent(), "Nova answers the rescue password");
        assertFalse(rescue.toString().contains(rescue.adminPassword().get()));
        await(id, ServerStatus.RESCUE);
        servers.unrescue(id);
        await(id, ServerStatus.ACTIVE);

        servers.shelve(id);
        // The lab offloads at once (shelved_offload_time = 0): SHELVED only on the way to SHELVED_OFFLOADED.
        Server shelved =
                servers.waitForStatus(id, Set.of(ServerStatus.SHELVED, ServerStatus.SHELVED_OFFLOADED), cloud.waits());
        assertTrue(shelved.taskStateRaw().isEmpty());
        servers.unshelve(id);
        await(id, ServerStatus.ACTIVE);

        Flavor small = nova.flavors().find("m1.small").orElseThrow();
        Flavor medium = nova.flavors().find("m1.medium").orElseThrow();
        servers.resize(id, small.id());
        await(id, ServerStatus.VERIFY_RESIZE);
        servers.confirmResize(id);
        assertTrue(hasFlavor(await(id, ServerStatus.ACTIVE), small), "resized to m1.small");
        servers.resize(id, medium.id());
        await(id, ServerStatus.VERIFY_RESIZE);
        servers.revertResize(id);
        Server reverted = await(id, ServerStatus.ACTIVE);
        assertTrue(hasFlavor(reverted, small), "back to m1.small after the revert");

        String imageId = nova.images().find("cirros").orElseThrow().id();
        String renamed = "novasdk-it-rebuilt-" + UUID.randomUUID().toString().substring(0, 8);
        servers.rebuild(
                id, ServerRebuild.builder().imageId(imageId).name(renamed).build());
        assertEquals(Optional.of(renamed), await(id, ServerStatus.ACTIVE).name());

        Map<String, String> meta = servers.metadata().replace(id, Map.of("role", "web", "tier", "1"));
        assertEquals(Map.of("role", "web", "tier", "1"), meta);
        servers.metadata().set(id, "tier", "2");
        servers.metadata().delete(id, "role");
        assertEquals(Map.of("tier", "2"), servers.metadata().list(id));
        if (nova.microversion().isAtLeast(Microversion.of(2, 26))) {
            servers.tags().replace(id, List.of("b", "a"));
            servers.tags().add(id, "c");
            assertTrue(servers.tags().contains(id, "c"));
            servers.tags().delete(id, "b");
            assertEquals(List.of("a", "c"), servers.tags().list(id));
            servers.tags().deleteAll(id);
            assertEquals(List.of(), servers.tags().list(id));
        }

        if (nova.microversion().isAtLeast(Microversion.of(2, 17))) {
            servers.triggerCrashDump(id);
            await(id, ServerStatus.ACTIVE);
        }

        String whole = servers.consoleOutput(id);
        String last = servers.consoleOutput(id, 1);
        assertFalse(whole.isEmpty());
        assertTrue(whole.endsWith(last), whole + " / " + last);

        List<InstanceAction> log = servers.instanceActions().list(id).stream().collect(Collectors.toList());
        List<String> names = log.stream().map(InstanceAction::action).collect(Collectors.toList());
        for (String action : List.of(
                "create",
                "reboot",
                "stop",
                "start",
                "pause",
                "unpause",
                "suspend",
                "resume",
                "lock",
                "unlock",
                "rescue",
                "unrescue",
                "shelve",
                "unshelve",
                "resize",
                "confirmResize",
                "revertResize",
                "rebuild")) {
            assertTrue(names.contains(action), action + " missing from " + names);
        }
        assertEquals("create", names.get(names.size() - 1), "newest first: " + names);
        InstanceAction pause =
                log.stream().filter(a -> a.action().equals("pause")).findFirst().orElseThrow();
        InstanceAction detail = servers.instanceActions().get(id, pause.requestId());
        assertEquals(
                List.of("compute_pause_instance"),
                detail.events().stream().map(e -> e.event()).collect(Collectors.toList()));
        assertTrue(detail.failedEvents().isEmpty());
        if (nova.microversion().isAtLeast(Microversion.of(2, 58))) {
            List<InstanceAction> paged =
                    servers
                            .instanceActions()
                            .list(
                                    id,
                                    InstanceActionListOptions.builder().limit(3).build())
                            .stream()
                            .collect(Collectors.toList());
            assertEquals(
                    log.stream().map(InstanceAction::requestId).collect(Collectors.toList()),
                    paged.stream().map(InstanceAction::requestId).collect(Collectors.toList()),
                    "pages of 3 list the same log");
        }
    }

    @Test
    void wrongState_pauseOfAStoppedServer_isAConflictWithNovasMessage() {
        String id = bootActive("novasdk-it", "conflict").id();
        nova.servers().stop(id);
        await(id, ServerStatus.SHUTOFF);

        ConflictException e =
                assertThrows(ConflictException.class, () -> nova.servers().pause(id));

        assertEquals(409, e.statusCode());
        assertEquals(
                Optional.of("Cannot 'pause' instance " + id + " while it is in vm_state stopped"), e.serviceMessage());
        assertTrue(e.requestId().isPresent());
        assertTrue(e.getMessage().contains("while it is in vm_state stopped"), e.getMessage());
        // Nothing was recorded for the refused action.
        assertFalse(nova.servers().instanceActions().list(id).stream()
                .anyMatch(a -> a.action().equals("pause")));
    }
}
