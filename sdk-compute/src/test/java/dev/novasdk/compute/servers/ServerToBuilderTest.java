package dev.novasdk.compute.servers;

import static dev.novasdk.compute.ToBuilderChecks.assertToBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.Samples;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.core.json.JsonCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every request, model and option of the servers package copies itself with {@code toBuilder()}. */
class ServerToBuilderTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final JsonCodec CODEC = JsonCodec.create();

    private static Server sample(String resource) {
        return CODEC.readEnveloped(Samples.bytes(resource), "server", Server.class);
    }

    @Test
    void server_fullDocument_copiesAndStaysIndependent() {
        Server full = sample("compute/servers/v2.96/server-get-resp.json");
        assertFalse(full.addresses().isEmpty());
        assertToBuilder(full, Server::toBuilder, Server.Builder::build, b -> b.name("renamed"));
        assertToBuilder(
                full, Server::toBuilder, Server.Builder::build, b -> b.putAddresses("extra", java.util.List.of()));
        // The derived enum accessors follow the raw values the builder sets.
        Server stopped = full.toBuilder().vmState(VmState.STOPPED).build();
        assertEquals(java.util.Optional.of("stopped"), stopped.vmStateRaw());
        assertEquals(java.util.Optional.of(VmState.ACTIVE), full.vmState());
    }

    @Test
    void serverParts_copyAndStayIndependent() {
        Server full = sample("compute/servers/v2.96/server-get-resp.json");
        ServerAddress address = full.addresses().values().iterator().next().get(0);
        assertToBuilder(
                address, ServerAddress::toBuilder, ServerAddress.Builder::build, b -> b.type(AddressType.FLOATING));
        ServerFlavor flavor = full.flavor().orElseThrow();
        assertToBuilder(flavor, ServerFlavor::toBuilder, ServerFlavor.Builder::build, b -> b.ram(1));
        ServerImage image = full.image().orElseThrow();
        assertToBuilder(image, ServerImage::toBuilder, ServerImage.Builder::build, b -> b.id("other"));
        AttachedVolume volume =
                AttachedVolume.builder().id("v1").deleteOnTermination(true).build();
        assertToBuilder(volume, AttachedVolume::toBuilder, AttachedVolume.Builder::build, b -> b.id("v2"));
        ServerFault fault = ServerFault.builder()
                .code(500)
                .created(Instant.parse("2024-01-01T00:00:00Z"))
                .message("No valid host was found.")
                .details("traceback")
                .build();
        assertToBuilder(fault, ServerFault::toBuilder, ServerFault.Builder::build, b -> b.code(404));
        ServerSecurityGroup group = ServerSecurityGroup.of("default");
        assertToBuilder(group, ServerSecurityGroup::toBuilder, ServerSecurityGroup.Builder::build, b -> b.name("web"));
    }

    @Test
    void serverCreate_everyKindOfField_copiesAndStaysIndependent() {
        ServerCreate create = ServerCreate.builder()
                .name("web-1")
                .imageId(IMAGE)
                .flavorId("1")
                .putMetadata("role", "web")
                .userData("#cloud-config\n")
                .keyName("key")
                .addSchedulerHint("group", "g1")
                .configDrive(true)
                .adminPassword("secret")
                .availabilityZone("nova")
                .addSecurityGroups("default", "web")
                .addBlockDeviceMappings(BlockDeviceMappingV2.swap(512))
                .addNetworks(ServerNetwork.ofNetwork("3cb9bc59-5699-4588-a4b1-b87f96708bc6"))
                .diskConfig(DiskConfig.AUTO)
                .accessIpv4("1.2.3.4")
                .description("front end")
                .addTags("a")
                .hostname("web-1")
                .build();
        assertToBuilder(create, ServerCreate::toBuilder, ServerCreate.Builder::build, b -> b.name("web-2"));
        assertToBuilder(create, ServerCreate::toBuilder, ServerCreate.Builder::build, b -> b.addTags("b"));
        assertEquals(create.versionRequirements(), create.toBuilder().build().versionRequirements());
    }

    @Test
    void requestParts_copyAndStayIndependent() {
        BlockDeviceMappingV2 bdm = BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.bootFromImageToNewVolume(IMAGE, 20, true))
                .deviceName("vda")
                .diskBus("virtio")
                .deviceType("disk")
                .volumeType("ssd")
                .tag("root")
                .build();
        assertToBuilder(
                bdm, BlockDeviceMappingV2::toBuilder, BlockDeviceMappingV2.Builder::build, b -> b.volumeSize(30));
        LegacyBlockDeviceMapping legacy = LegacyBlockDeviceMapping.builder()
                .deviceName("vdb")
                .volumeId("vol-1")
                .volumeSize(10)
                .deleteOnTermination(true)
                .build();
        assertToBuilder(
                legacy,
                LegacyBlockDeviceMapping::toBuilder,
                LegacyBlockDeviceMapping.Builder::build,
                b -> b.deviceName("vdc"));
        ServerNetwork nic = ServerNetwork.builder()
                .networkId("3cb9bc59-5699-4588-a4b1-b87f96708bc6")
                .fixedIp("10.0.0.5")
                .tag("nic1")
                .build();
        assertToBuilder(nic, ServerNetwork::toBuilder, ServerNetwork.Builder::build, b -> b.fixedIp("10.0.0.6"));
        SchedulerHint hint = SchedulerHint.of("group", "g1");
        assertToBuilder(hint, SchedulerHint::toBuilder, SchedulerHint.Builder::build, b -> b.value("g2"));
        Personality file = Personality.ofText("/etc/motd", "hello");
        assertToBuilder(file, Personality::toBuilder, Personality.Builder::build, b -> b.path("/etc/issue"));
    }

    @Test
    void serverUpdate_copiesAndStaysIndependent() {
        ServerUpdate update = ServerUpdate.builder()
                .name("n")
                .diskConfig(DiskConfig.MANUAL)
                .accessIpv4("1.2.3.4")
                .accessIpv6("80fe::")
                .description("d")
                .hostname("h1")
                .build();
        assertToBuilder(update, ServerUpdate::toBuilder, ServerUpdate.Builder::build, b -> b.name("m"));
    }

    @Test
    void serverListOptions_copyAndStayIndependent() {
        ServerListOptions options = ServerListOptions.builder()
                .detail(false)
                .name("^web")
                .status(ServerStatus.ACTIVE)
                .image(IMAGE)
                .flavor("1")
                .host("compute-1")
                .changesSince(Instant.parse("2024-01-01T00:00:00Z"))
                .addTags("a")
                .addTagsAny("b")
                .allTenants(true)
                .projectId("p1")
                .ip("10.0.0.")
                .reservationId("r-1")
                .addSort("created_at", SortDirection.DESC)
                .limit(10)
                .marker("m")
                .build();
        assertToBuilder(options, ServerListOptions::toBuilder, ServerListOptions.Builder::build, b -> b.limit(20));
        assertEquals(options.query(), options.toBuilder().build().query());
    }
}
