package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.compute.servers.ConsoleType;
import dev.novasdk.compute.servers.ConsoleUnavailableException;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerFlavor;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.internal.HttpPipeline;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Resize (confirm and revert), rebuild, snapshot, the unavailable console and the single-host evacuation,
 * run against a real cloud ({@link RealCloudServerMoveIT}) and against {@code FakeCloud}
 * ({@link FakeCloudServerMoveIT}). The lab has one compute host and the fake virt driver: resizes work there
 * ({@code allow_resize_to_same_host}), migrations have nowhere to go, no console proxy runs, and a snapshot's
 * image stays {@code queued} because the fake driver uploads nothing, while FakeCloud models a real driver
 * ({@code queued}, {@code saving}, {@code active}). Migrate and live-migrate are accepted there and come
 * back to ACTIVE, as no other host exists; a real migration is covered by WireMock tests only. Every server
 * and image made here is deleted afterwards, even when a test fails.
 */
abstract class ServerMoveSuite extends CloudSuite {
    private final List<String> images = new ArrayList<>();

    @AfterEach
    void deleteImagesMade() {
        // The servers go in CloudSuite's clean-up, after this one.
        // The SDK has no image delete yet: Glance's DELETE directly.
        try (HttpPipeline glance = HttpPipeline.builder().tokenProvider(session).build()) {
            for (String id : images) {
                URI base = session.endpoint("image");
                String root = base.toString().endsWith("/") ? base.toString() : base + "/";
                glance.exchange(HttpRequest.builder(HttpMethod.DELETE, URI.create(root + "v2/images/" + id))
                        .build());
            }
        }
        images.clear();
    }

    private static String flavorName(Server s) {
        return s.flavor().flatMap(ServerFlavor::originalName).orElse("?");
    }

    @Test
    void resize_revertThenConfirm_flavorFollowsAndAWrongStateIs409() {
        Server s = bootActive("act2-it", "resize");
        Flavor small = nova.flavors().find("m1.small").orElseThrow();

        ConflictException notResized =
                assertThrows(ConflictException.class, () -> nova.servers().confirmResize(s.id()));
        assertEquals(
                Optional.of("Cannot 'confirmResize' instance " + s.id() + " while it is in vm_state active"),
                notResized.serviceMessage());

        nova.servers().resize(s.id(), small.id());
        Server verify = nova.servers().waitForStatus(s.id(), ServerStatus.VERIFY_RESIZE, cloud.waits());
        assertEquals("m1.small", flavorName(verify));
        ConflictException again =
                assertThrows(ConflictException.class, () -> nova.servers().resize(s.id(), small.id()));
        assertEquals(
                Optional.of("Cannot 'resize' instance " + s.id() + " while it is in vm_state resized"),
                again.serviceMessage());

        nova.servers().revertResize(s.id());
        Server reverted = nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
        assertEquals("m1.tiny", flavorName(reverted));

        nova.servers().resize(s.id(), small.id());
        nova.servers().waitForStatus(s.id(), ServerStatus.VERIFY_RESIZE, cloud.waits());
        nova.servers().confirmResize(s.id());
        Server confirmed = nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
        assertEquals("m1.small", flavorName(confirmed));

        BadRequestException same =
                assertThrows(BadRequestException.class, () -> nova.servers().resize(s.id(), small.id()));
        assertEquals(Optional.of("When resizing, instances must change flavor!"), same.serviceMessage());
    }

    @Test
    void rebuild_newNameMetadataAndPassword_answersRebuildThenActive() {
        Server s = bootActive("act2-it", "rebuild");
        Image cirros = nova.images().find("cirros").orElseThrow();
        Server answered = nova.servers()
                .rebuild(
                        s.id(),
                        ServerRebuild.builder()
                                .image(cirros)
                                .name(s.name().orElseThrow() + "-rebuilt")
                                .metadata(Map.of("role", "rebuilt"))
                                .adminPassword("act2-Secret-9")
                                .description("rebuilt by the move suite")
                                .build());
        assertEquals(ServerStatus.REBUILD, answered.status());
        assertEquals(Optional.of("act2-Secret-9"), answered.adminPass());

        Server active = nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
        assertEquals(Optional.of(s.name().orElseThrow() + "-rebuilt"), active.name());
        assertEquals(Map.of("role", "rebuilt"), active.metadata());
        assertEquals(Optional.of("rebuilt by the move suite"), active.description());
    }

    @Test
    void createImage_snapshot_imageWithItsMetadataBecomesActiveOrStaysQueuedOnTheFakeDriver() {
        Server s = bootActive("act2-it", "snap");
        String imageId = nova.servers()
                .createImage(
                        s.id(),
                        ServerImageCreate.builder()
                                .name("act2-it-snap-"
                                        + UUID.randomUUID().toString().substring(0, 8))
                                .putMetadata("made_by", "act2")
                                .build());
        images.add(imageId);

        if (cloud.fakeCloud().isPresent()) {
            Image active = nova.images().waitForStatus(imageId, ImageStatus.ACTIVE, cloud.waits());
            assertEquals(imageId, active.id());
        } else {
            // The lab's fake virt driver uploads no data, so Glance keeps the image queued forever; a real
            // driver takes it through saving to active, which FakeCloud checks above.
            ImageStatus status = nova.images().get(imageId).status();
            assertTrue(
                    status == ImageStatus.QUEUED || status == ImageStatus.ACTIVE || status == ImageStatus.SAVING,
                    status.toString());
        }
        // The snapshot's task states end and the server is back to ACTIVE either way.
        Server after = nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
        assertTrue(after.taskStateRaw().isEmpty() || waitTaskless(s.id()), "task state cleared");
    }

    private boolean waitTaskless(String id) {
        return dev.novasdk.core.waiter.Waiter.<Server>builder(
                        () -> nova.servers().get(id))
                .description("server " + id + " to finish its snapshot")
                .successWhen(x -> x.taskStateRaw().isEmpty())
                .options(cloud.waits())
                .sleeper(cloud.sleeper())
                .nanoTime(cloud.nanoTime())
                .build()
                .await()
                .taskStateRaw()
                .isEmpty();
    }

    @Test
    void remoteConsole_noProxy_isTheTypedUnavailableConsole() {
        Server s = bootActive("act2-it", "console");
        ConsoleUnavailableException e = assertThrows(
                ConsoleUnavailableException.class, () -> nova.servers().remoteConsole(s.id(), ConsoleType.NOVNC));
        assertEquals(400, e.statusCode());
        assertEquals(ConsoleType.NOVNC, e.type());
        assertEquals(Optional.of("Unavailable console type novnc."), e.serviceMessage());
    }

    @Test
    void migrateAndLiveMigrate_singleHost_acceptedThenBackToActive() {
        Server s = bootActive("act2-it", "migrate");
        Assumptions.assumeTrue(s.host().isPresent(), "migrations are admin-only; the credentials are not admin");
        BadRequestException own = assertThrows(BadRequestException.class, () -> nova.servers()
                .migrate(s.id(), s.host().get()));
        assertEquals(Optional.of("Cannot migrate to the host where the server exists."), own.serviceMessage());

        // With one compute host the scheduler finds nowhere to go: Nova still answers 202, and the server
        // returns to ACTIVE once the conductor gives up (its instance action records the error).
        nova.servers().migrate(s.id());
        assertTrue(waitTaskless(s.id()));
        assertEquals(ServerStatus.ACTIVE, nova.servers().get(s.id()).status());
        nova.servers()
                .liveMigrate(
                        s.id(),
                        dev.novasdk.compute.servers.ServerLiveMigrate.builder().build());
        assertTrue(waitTaskless(s.id()));
        assertEquals(ServerStatus.ACTIVE, nova.servers().get(s.id()).status());
    }

    @Test
    void evacuate_singleUpHost_refusedWithNovaMessage() {
        Server s = bootActive("act2-it", "evac");
        Assumptions.assumeTrue(s.host().isPresent(), "evacuate is admin-only; the credentials are not admin");
        BadRequestException e = assertThrows(BadRequestException.class, () -> nova.servers()
                .evacuate(s.id(), ServerEvacuate.builder().build()));
        assertEquals(Optional.of("Compute service of " + s.host().get() + " is still in use."), e.serviceMessage());
    }
}
