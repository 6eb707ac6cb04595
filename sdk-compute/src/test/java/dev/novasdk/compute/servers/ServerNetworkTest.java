package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** NIC and legacy mapping entries: novaclient's and Nova's per-entry rules, and their JSON. */
class ServerNetworkTest {
    private static String failure(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void build_neitherNetworkNorPort_fails() {
        assertEquals(
                "networks[] entry must have exactly one of uuid (network) or port, got neither",
                failure(() -> ServerNetwork.builder().fixedIp("10.0.0.1").build()));
    }

    @Test
    void build_networkAndPort_fails() {
        assertEquals(
                "networks[] entry must have exactly one of uuid (network) or port, got both",
                failure(() -> ServerNetwork.builder().networkId("n").portId("p").build()));
    }

    @Test
    void build_fixedIpWithPort_fails() {
        assertEquals(
                "networks[].fixed_ip cannot be combined with port; the port has its own addresses",
                failure(() ->
                        ServerNetwork.builder().portId("p").fixedIp("10.0.0.1").build()));
    }

    @Test
    void build_fixedIpNotAnAddress_fails() {
        assertEquals(
                "networks[].fixed_ip must be an IPv4 or IPv6 address, got 'host.example'",
                failure(() -> ServerNetwork.builder()
                        .networkId("n")
                        .fixedIp("host.example")
                        .build()));
        ServerNetwork.builder().networkId("n").fixedIp("2001:db8::5").build();
    }

    @Test
    void build_badTag_fails() {
        assertEquals("networks[].tag must be at most 60 characters, got 61", failure(() -> ServerNetwork.builder()
                .networkId("n")
                .tag("t".repeat(61))
                .build()));
    }

    @Test
    void build_emptyIds_fail() {
        assertEquals("networks[].uuid must not be empty", failure(() -> ServerNetwork.ofNetwork("")));
        assertEquals("networks[].port must not be empty", failure(() -> ServerNetwork.ofPort("")));
    }

    @Test
    void write_usesNovaNames() {
        ServerNetwork nic = ServerNetwork.builder()
                .networkId("n")
                .fixedIp("10.0.0.1")
                .tag("nic1")
                .build();
        assertEquals(
                "{\"uuid\":\"n\",\"fixed_ip\":\"10.0.0.1\",\"tag\":\"nic1\"}",
                new String(JsonCodec.create().write(nic), StandardCharsets.UTF_8));
    }

    @Test
    void legacyMapping_needsExactlyOneSource() {
        assertEquals(
                "block_device_mapping[] entry must have exactly one of volume_id or snapshot_id, got neither",
                failure(() ->
                        LegacyBlockDeviceMapping.builder().deviceName("vda").build()));
        assertEquals(
                "block_device_mapping[] entry must have exactly one of volume_id or snapshot_id, got both",
                failure(() -> LegacyBlockDeviceMapping.builder()
                        .deviceName("vda")
                        .volumeId("v")
                        .snapshotId("s")
                        .build()));
        assertEquals(
                "block_device_mapping[] entry with no_device must not name a volume_id or snapshot_id",
                failure(() -> LegacyBlockDeviceMapping.builder()
                        .deviceName("vda")
                        .volumeId("v")
                        .noDevice(true)
                        .build()));
        LegacyBlockDeviceMapping.builder().deviceName("vdb").noDevice(true).build();
    }

    @Test
    void legacyMapping_checksDeviceNameAndSize() {
        assertEquals(
                "block_device_mapping[].device_name must be 1 to 255 characters from [a-zA-Z0-9._/-], got ''",
                failure(() -> LegacyBlockDeviceMapping.ofVolume("", "v")));
        assertEquals(
                "block_device_mapping[].volume_size must be at least 1 (GiB), got 0",
                failure(() -> LegacyBlockDeviceMapping.builder()
                        .deviceName("vda")
                        .snapshotId("s")
                        .volumeSize(0)
                        .build()));
    }

    @Test
    void legacyMapping_writesNovaNames() {
        assertEquals(
                "{\"device_name\":\"vda\",\"snapshot_id\":\"s\"}",
                new String(
                        JsonCodec.create().write(LegacyBlockDeviceMapping.ofSnapshot("vda", "s")),
                        StandardCharsets.UTF_8));
    }
}
