package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.attachments.FixedIp;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentListOptions;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.testkit.junit.FakeCloudExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Volume and interface attachments through the SDK on FakeCloud. They are not in the acceptance suites: the
 * lab has no Cinder and only a Neutron stub, and answers their attach calls with 500s, so they are proven on
 * WireMock (the SDK's manager tests) and here.
 */
@ExtendWith(FakeCloudExtension.class)
class ServerAttachmentsOnFakeCloudTest {
    private static String serverId(ComputeClient nova) {
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name("attach-" + UUID.randomUUID().toString().substring(0, 8))
                        .imageId(nova.images().find("cirros").orElseThrow().id())
                        .flavorId("1")
                        .networksNone()
                        .build());
        nova.servers()
                .waitForStatus(
                        created.id(),
                        ServerStatus.ACTIVE,
                        WaitOptions.of(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        return created.id();
    }

    @Test
    void volumeAttachments_attachPageUpdateDetach(ComputeClient nova) {
        String serverId = serverId(nova);
        var volumes = nova.servers().volumeAttachments();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        VolumeAttachment first = volumes.attach(
                serverId,
                VolumeAttachmentCreate.builder()
                        .volumeId(a)
                        .tag("data")
                        .deleteOnTermination(true)
                        .build());
        assertEquals(Optional.of("/dev/vdb"), first.device());
        volumes.attach(serverId, VolumeAttachmentCreate.builder().volumeId(b).build());
        List<String> listed = volumes
                .list(serverId, VolumeAttachmentListOptions.builder().limit(1).build())
                .stream()
                .map(VolumeAttachment::volumeId)
                .collect(Collectors.toList());
        assertEquals(List.of(a, b), listed);
        volumes.update(
                serverId,
                a,
                VolumeAttachmentUpdate.builder()
                        .volumeId(a)
                        .deleteOnTermination(false)
                        .build());
        assertEquals(Optional.of(false), volumes.get(serverId, a).deleteOnTermination());
        volumes.detach(serverId, a);
        volumes.detach(serverId, b);
        assertThrows(NotFoundException.class, () -> volumes.get(serverId, a));
    }

    @Test
    void interfaceAttachments_attachShowDetach(ComputeClient nova) {
        String serverId = serverId(nova);
        var interfaces = nova.servers().interfaceAttachments();
        String net = UUID.randomUUID().toString();
        InterfaceAttachment created = interfaces.attach(
                serverId,
                InterfaceAttachmentCreate.builder()
                        .netId(net)
                        .addFixedIps(FixedIp.of("192.168.1.3"))
                        .tag("public")
                        .build());
        assertEquals(Optional.of(net), created.netId());
        assertEquals(created, interfaces.get(serverId, created.portId()));
        assertEquals(List.of(created), interfaces.list(serverId));
        interfaces.detach(serverId, created.portId());
        assertEquals(List.of(), interfaces.list(serverId));
    }
}
