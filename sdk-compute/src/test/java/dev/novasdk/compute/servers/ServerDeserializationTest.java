package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link Server} reads nova's irregular fields: open enums, the booted-from-volume image, both flavor shapes. */
class ServerDeserializationTest {
    private final ObjectMapper mapper = JsonCodec.defaultMapper();
    private final JsonCodec codec = JsonCodec.of(mapper);

    private Server read(String json) {
        return codec.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Server.class);
    }

    private Server sample(String resource) {
        return codec.readEnveloped(Samples.bytes(resource), "server", Server.class);
    }

    @Test
    void status_unknownValue_readsUnknownAndKeepsRaw() {
        Server server = read("{'id': 's1', 'status': 'FROBNICATING'}");

        assertEquals(ServerStatus.UNKNOWN, server.status());
        assertEquals(Optional.of("FROBNICATING"), server.statusRaw());
    }

    @Test
    void status_knownValue_readsMember() {
        assertEquals(
                ServerStatus.VERIFY_RESIZE,
                read("{'id': 's1', 'status': 'VERIFY_RESIZE'}").status());
        assertEquals(
                ServerStatus.SHELVED_OFFLOADED,
                read("{'id': 's1', 'status': 'SHELVED_OFFLOADED'}").status());
    }

    @Test
    void status_createResponseWithoutStatus_readsUnknownWithNoRaw() {
        Server created = sample("compute/servers/server-create-resp.json");

        assertEquals(ServerStatus.UNKNOWN, created.status());
        assertEquals(Optional.empty(), created.statusRaw());
        assertEquals(Optional.empty(), created.name());
        assertEquals(Optional.of(DiskConfig.AUTO), created.diskConfig());
    }

    @Test
    void status_serverInUnreachableCell_readsNovasUnknownWithPartialDocument() {
        Server server = sample("compute/servers/v2.71/server-get-down-cell-resp.json");

        assertEquals(ServerStatus.UNKNOWN, server.status());
        assertEquals(Optional.of("UNKNOWN"), server.statusRaw());
        assertEquals(Optional.empty(), server.name());
        assertEquals(Optional.of(PowerState.NOSTATE), server.powerState());
        assertEquals(List.of("f3d86fe6-4246-4be8-b87c-eb894626c741"), server.serverGroups());
    }

    @Test
    void powerState_four_readsShutdownAndKeepsCode() {
        Server server = read("{'id': 's1', 'OS-EXT-STS:power_state': 4}");

        assertEquals(Optional.of(PowerState.SHUTDOWN), server.powerState());
        assertEquals(Optional.of(4), server.powerStateCode());
    }

    @Test
    void powerState_unknownCode_readsUnknownAndKeepsCode() {
        Server server = read("{'id': 's1', 'OS-EXT-STS:power_state': 42}");

        assertEquals(Optional.of(PowerState.UNKNOWN), server.powerState());
        assertEquals(Optional.of(42), server.powerStateCode());
    }

    @Test
    void powerState_absent_isEmpty() {
        assertEquals(Optional.empty(), read("{'id': 's1'}").powerState());
    }

    @Test
    void image_emptyStringOfBootFromVolume_isEmpty() {
        Server server = sample("compute/seeds/kilo-nova-show-boot-from-volume.json");

        assertEquals(Optional.empty(), server.image());
        assertEquals("13023a25-e59f-41a0-9a61-5cf59f59ac46", server.id());
        assertEquals(
                List.of(AttachedVolume.builder()
                        .id("d96e1ca9-e0d6-4f1e-8b7f-a5b96463b459")
                        .build()),
                server.volumesAttached());
        assertEquals(
                Optional.of("c4ec371c-32f7-418c-a1e5-bdfcb07430a7"),
                server.flavor().flatMap(ServerFlavor::id));
        assertEquals(Optional.of(Instant.parse("2016-01-06T05:06:12Z")), server.launchedAt());
        assertEquals(Optional.of(""), server.configDrive());
        assertFalse(server.configDriveEnabled());
        assertEquals(Optional.of("agg1"), server.availabilityZone());
    }

    @Test
    void image_object_readsIdLinksAndProperties() {
        Server server = sample("compute/servers/v2.98/server-get-resp.json");

        ServerImage image = server.image().orElseThrow();
        assertEquals("70a599e0-31e7-49b7-b260-868f441e862b", image.id());
        assertEquals(
                Optional.of("bookmark"), image.links().stream().map(Link::rel).findFirst());
        assertEquals("x86_64", image.properties().get("architecture"));
    }

    @Test
    void image_nullOrAbsent_isEmpty() {
        assertEquals(Optional.empty(), read("{'id': 's1', 'image': null}").image());
        assertEquals(Optional.empty(), read("{'id': 's1'}").image());
    }

    @Test
    void flavor_below247_isReference() {
        ServerFlavor flavor =
                sample("compute/servers/v2.3/server-get-resp.json").flavor().orElseThrow();

        assertFalse(flavor.embedded());
        assertEquals(Optional.of("1"), flavor.id());
        assertEquals(1, flavor.links().size());
        assertEquals(Optional.empty(), flavor.ram());
        assertEquals(Optional.empty(), flavor.originalName());
    }

    @Test
    void flavor_from247_isEmbeddedWithoutId() {
        ServerFlavor flavor =
                sample("compute/servers/v2.47/server-get-resp.json").flavor().orElseThrow();

        assertTrue(flavor.embedded());
        assertEquals(Optional.empty(), flavor.id());
        assertEquals(Optional.of("m1.tiny.specs"), flavor.originalName());
        assertEquals(Optional.of(512), flavor.ram());
        assertEquals(Optional.of(1), flavor.vcpus());
        assertEquals(Optional.of(1), flavor.disk());
        assertEquals(Optional.of(0), flavor.ephemeralGb());
        assertEquals(Optional.of(0), flavor.swapMb());
        assertEquals(Map.of("hw:numa_nodes", "1"), flavor.extraSpecs());
    }

    @Test
    void toString_withAdminPassAndUserData_showsNeither() {
        Server created = sample("compute/servers/server-create-resp.json");
        Server rebuilt = sample("compute/servers/v2.57/server-action-rebuild-resp.json");

        assertEquals(Optional.of("6NpUwoz2QDRN"), created.adminPass());
        assertFalse(created.toString().contains("6NpUwoz2QDRN"), created.toString());
        assertEquals(Optional.of("seekr3t"), rebuilt.adminPass());
        assertEquals(Optional.of("ZWNobyAiaGVsbG8gd29ybGQi"), rebuilt.userData());
        assertFalse(rebuilt.toString().contains("seekr3t"), rebuilt.toString());
        assertFalse(rebuilt.toString().contains("ZWNobyAiaGVsbG8gd29ybGQi"), rebuilt.toString());
    }

    @Test
    void extendedAttributes_v23Sample_readIntoTheirAccessors() {
        Server server = sample("compute/servers/v2.3/server-get-resp.json");

        assertEquals(Optional.of("b8b357f7100d4391828f2177c922ef93"), server.host());
        assertEquals(Optional.of("fake-mini"), server.hypervisorHostname());
        assertEquals(Optional.of("instance-00000001"), server.instanceName());
        assertEquals(Optional.of("r-00000001"), server.reservationId());
        assertEquals(Optional.of(0), server.launchIndex());
        assertEquals(Optional.of(""), server.kernelId());
        assertEquals(Optional.of("fake-hostname"), server.hostname());
        assertEquals(Optional.of("/dev/sda"), server.rootDeviceName());
        assertEquals(Optional.of(VmState.ACTIVE), server.vmState());
        assertEquals(Optional.of("active"), server.vmStateRaw());
        assertEquals(Optional.empty(), server.taskState());
        assertEquals(Optional.empty(), server.taskStateRaw());
        assertEquals(Optional.of(PowerState.RUNNING), server.powerState());
        assertEquals(Optional.of(Instant.parse("2013-09-23T13:37:00.880302Z")), server.launchedAt());
        assertEquals(Optional.empty(), server.terminatedAt());
        assertEquals(
                List.of(Optional.of(false), Optional.of(false)),
                server.volumesAttached().stream()
                        .map(AttachedVolume::deleteOnTermination)
                        .toList());
        ServerAddress address = server.addresses().get("private").get(0);
        assertEquals("192.168.1.30", address.addr());
        assertEquals(4, address.version());
        assertEquals(Optional.of(AddressType.FIXED), address.type());
        assertEquals(Optional.of("fixed"), address.typeRaw());
        assertEquals(Optional.of("00:0c:29:0d:11:74"), address.macAddr());
        assertEquals(List.of(ServerSecurityGroup.of("default")), server.securityGroups());
    }

    @Test
    void laterMicroversionFields_v2100Sample_readIntoTheirAccessors() {
        Server server = sample("compute/servers/v2.100/server-get-resp.json");

        assertEquals(Optional.of(false), server.locked());
        assertEquals(Optional.empty(), server.lockedReason());
        assertEquals(Optional.empty(), server.description());
        assertEquals(List.of(), server.tags());
        assertEquals(List.of(), server.trustedImageCertificates());
        assertEquals(Optional.of("us-west"), server.pinnedAvailabilityZone());
        assertEquals(Map.of("same_host", List.of("48e6a9f6-30af-47e0-bc04-acaed113bb4e")), server.schedulerHints());
    }

    @Test
    void hostStatusAndLockedReason_laterSamples_read() {
        Server v216 = sample("compute/servers/v2.16/server-get-resp.json");
        assertEquals(Optional.of(HostStatus.UP), v216.hostStatus());
        assertEquals(Optional.of("UP"), v216.hostStatusRaw());
        assertEquals(
                Optional.of("I don't want to work"),
                sample("compute/servers/v2.73/server-get-resp.json").lockedReason());
        assertEquals(
                List.of("tag1", "tag2"),
                sample("compute/os-server-tags/v2.26/server-tags-show-details-resp.json")
                        .tags());
    }

    @Test
    void schedulerHints_singleString_readsAsOneElementList() {
        Server server = read("{'id': 's1', 'scheduler_hints': {'group': 'g1', 'same_host': ['a', 'b']}}");

        assertEquals(Map.of("group", List.of("g1"), "same_host", List.of("a", "b")), server.schedulerHints());
    }

    @Test
    void fault_errorServer_readsAllFields() {
        Server server = read("{'id': 's1', 'status': 'ERROR', 'fault': {'code': 500, 'created': '2014-10-02T13:10:10Z',"
                + " 'message': 'No valid host was found. ', 'details': 'Traceback'}}");

        ServerFault fault = server.fault().orElseThrow();
        assertEquals(ServerStatus.ERROR, server.status());
        assertEquals(Optional.of(500), fault.code());
        assertEquals(Optional.of(Instant.parse("2014-10-02T13:10:10Z")), fault.created());
        assertEquals(Optional.of("No valid host was found. "), fault.message());
        assertEquals(Optional.of("Traceback"), fault.details());
    }

    @Test
    void configDrive_true_isEnabled() {
        assertTrue(read("{'id': 's1', 'config_drive': 'True'}").configDriveEnabled());
        assertFalse(read("{'id': 's1'}").configDriveEnabled());
    }

    @Test
    void diskConfig_unknownValue_readsUnknown() {
        assertEquals(
                Optional.of(DiskConfig.UNKNOWN),
                read("{'id': 's1', 'OS-DCF:diskConfig': 'FANCY'}").diskConfig());
    }

    @Test
    void addresses_readFromJson_areDeeplyUnmodifiable() {
        Server server = sample("compute/servers/v2.3/server-get-resp.json");

        List<ServerAddress> privateNet = server.addresses().get("private");
        assertThrows(UnsupportedOperationException.class, () -> privateNet.add(privateNet.get(0)));
        assertThrows(
                UnsupportedOperationException.class, () -> server.addresses().remove("private"));
    }

    @Test
    void builder_mutableListAfterBuild_doesNotChangeServer() {
        List<ServerAddress> addresses = new java.util.ArrayList<>();
        addresses.add(ServerAddress.builder().addr("10.0.0.5").version(4).build());
        Server server = Server.builder().id("s1").putAddresses("net", addresses).build();

        addresses.clear();

        assertEquals(1, server.addresses().get("net").size());
    }

    @Test
    void builder_statusEnum_writesWireValue() {
        Server server = Server.builder().id("s1").status(ServerStatus.SHUTOFF).build();

        JsonNode json = mapper.valueToTree(server);
        assertEquals("SHUTOFF", json.get("status").asText());
        assertEquals(ServerStatus.SHUTOFF, server.status());
        assertFalse(json.has("statusRaw"));
    }

    @Test
    void fromValue_anyCaseOrNull_readsMemberOrUnknown() {
        assertEquals(ServerStatus.ACTIVE, ServerStatus.fromValue("active"));
        assertEquals(ServerStatus.UNKNOWN, ServerStatus.fromValue(null));
        assertEquals(PowerState.UNKNOWN, PowerState.fromCode(-1));
        assertEquals(PowerState.SUSPENDED, PowerState.fromCode(7));
    }
}
