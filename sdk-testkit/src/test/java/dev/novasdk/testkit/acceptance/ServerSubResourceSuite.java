package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.info.ServerDiagnostics;
import dev.novasdk.compute.servers.info.ServerTopology;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server sub-resource scenarios (metadata and tags round trips, IP addresses, password, diagnostics,
 * topology, security groups and migrations of one server), run against a real cloud
 * ({@link RealCloudServerSubResourceIT}) and against {@code FakeCloud} ({@link FakeCloudServerSubResourceIT}).
 * One server is booted (with no network, as the lab can give none) for the whole class and deleted at the end.
 *
 * <p>Volume and interface attachments are tested on WireMock (the SDK's manager tests) and on FakeCloud only:
 * the lab has no Cinder and only a Neutron stub, and answers their attach calls with 500s. Their scenarios are in
 * the testkit's {@code ServerAttachmentsOnFakeCloudTest}, so that every scenario here runs on both clouds. Diagnostics and migrations need an
 * admin (the lab's {@code openrc}); the lab's fake virt driver reports fixed diagnostics figures.
 */
abstract class ServerSubResourceSuite extends CloudSuite {
    private String serverId;

    @Override
    void connected() {
        // One server for the whole class, deleted in disconnecting(): not tracked, which would delete it after
        // the first test.
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name("novasdk-it-subres-"
                                + UUID.randomUUID().toString().substring(0, 8))
                        .image(cirros)
                        .flavor(tiny)
                        .networksNone()
                        .build());
        serverId = created.id();
        nova.servers().waitForStatus(serverId, ServerStatus.ACTIVE, cloud.waits());
    }

    @Override
    void disconnecting() {
        if (serverId != null) {
            nova.servers().delete(serverId);
            nova.servers().waitForDelete(serverId, cloud.waits());
        }
    }

    @Test
    void metadata_roundTrip() {
        var metadata = nova.servers().metadata();
        assertEquals(Map.of("a", "1", "b", "2"), metadata.replace(serverId, Map.of("a", "1", "b", "2")));
        assertEquals(Map.of("a", "1", "b", "3", "c", "4"), metadata.update(serverId, Map.of("b", "3", "c", "4")));
        metadata.set(serverId, "key with space", "v");
        assertEquals("v", metadata.get(serverId, "key with space"));
        metadata.delete(serverId, "key with space");
        NotFoundException missing =
                assertThrows(NotFoundException.class, () -> metadata.get(serverId, "key with space"));
        assertEquals(Optional.of("Metadata item was not found"), missing.serviceMessage());
        assertEquals(Map.of("a", "1", "b", "3", "c", "4"), metadata.list(serverId));
        assertEquals(
                Map.of("a", "1", "b", "3", "c", "4"),
                nova.servers().get(serverId).metadata());
        assertEquals(Map.of(), metadata.replace(serverId, Map.of()));
    }

    @Test
    void tags_roundTrip() {
        var tags = nova.servers().tags();
        assertEquals(List.of("prod", "web"), tags.replace(serverId, List.of("web", "prod", "web")), "sorted, once");
        tags.add(serverId, "canary");
        tags.add(serverId, "canary");
        assertTrue(tags.contains(serverId, "canary"));
        assertFalse(tags.contains(serverId, "nope"));
        assertEquals(
                List.of("canary", "prod", "web"),
                tags.list(serverId).stream().sorted().collect(Collectors.toList()));
        tags.delete(serverId, "canary");
        NotFoundException gone = assertThrows(NotFoundException.class, () -> tags.delete(serverId, "canary"));
        assertEquals(Optional.of("Instance " + serverId + " has no tag 'canary'"), gone.serviceMessage());
        BadRequestException tooMany = assertThrows(BadRequestException.class, () -> {
            tags.replace(serverId, fifty());
            tags.add(serverId, "fifty-first");
        });
        assertEquals(Optional.of("The number of tags exceeded the per-server limit 50"), tooMany.serviceMessage());
        tags.deleteAll(serverId);
        assertEquals(List.of(), tags.list(serverId));
    }

    private static List<String> fifty() {
        return java.util.stream.IntStream.range(0, 50).mapToObj(i -> "t" + i).collect(Collectors.toList());
    }

    @Test
    void ips_serverWithoutNetworks() {
        assertEquals(Map.of(), nova.servers().ips().list(serverId));
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> nova.servers().ips().list(serverId, "private"));
        assertEquals(Optional.of("Instance is not a member of specified network"), e.serviceMessage());
    }

    @Test
    void password_noneUntilAGuestPostsOne_clearIsAccepted() {
        assertEquals(Optional.empty(), nova.servers().password().get(serverId));
        nova.servers().password().clear(serverId);
        assertEquals(Optional.empty(), nova.servers().password().get(serverId));
    }

    @Test
    void diagnostics_typedFigures() {
        ServerDiagnostics d = nova.servers().diagnostics().get(serverId);
        assertEquals(Optional.of("running"), d.state());
        assertTrue(d.driver().isPresent(), d.toString());
        assertFalse(d.cpuDetails().isEmpty(), d.toString());
        assertTrue(d.memoryDetails().flatMap(ServerDiagnostics.Memory::maximum).isPresent(), d.toString());
        assertTrue(d.legacyValues().isEmpty());
    }

    @Test
    void topology_noNumaTopology() {
        ServerTopology t = nova.servers().topology().get(serverId);
        assertEquals(List.of(), t.nodes());
        assertEquals(Optional.empty(), t.pagesizeKb());
    }

    @Test
    void securityGroupsAndMigrations_noneForAServerWithoutPorts() {
        assertEquals(List.of(), nova.servers().securityGroups().list(serverId));
        NotFoundException e = assertThrows(
                NotFoundException.class, () -> nova.servers().securityGroups().add(serverId, "novasdk-no-such-group"));
        assertTrue(e.serviceMessage().orElseThrow().startsWith("Security group novasdk-no-such-group is not found"));
        assertEquals(List.of(), nova.servers().migrations().list(serverId));
        ConflictException c = assertThrows(
                ConflictException.class, () -> nova.servers().migrations().abort(serverId, 1));
        assertEquals(
                Optional.of("Instance " + serverId + " is in an invalid state for 'abort live migration'"),
                c.serviceMessage());
    }
}
