package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.novasdk.compute.servers.BlockDeviceMappingV2.DestinationType;
import dev.novasdk.compute.servers.BlockDeviceMappingV2.SourceType;
import dev.novasdk.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The named mappings write what novaclient writes for the same option, and every mapping rule is checked. */
class BlockDeviceMappingV2Test {
    private static final JsonCodec CODEC = JsonCodec.create();

    private static String json(Object value) {
        return new String(CODEC.write(value), StandardCharsets.UTF_8);
    }

    private static String failure(BlockDeviceMappingV2.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    private static BlockDeviceMappingV2.Builder volumeToVolume() {
        return BlockDeviceMappingV2.builder()
                .sourceType(SourceType.VOLUME)
                .destinationType(DestinationType.VOLUME)
                .uuid("vol-1");
    }

    @Test
    void swap_isNovaclientsSwapMapping() {
        assertEquals(
                "{\"source_type\":\"blank\",\"destination_type\":\"local\",\"boot_index\":-1,"
                        + "\"delete_on_termination\":true,\"guest_format\":\"swap\",\"volume_size\":100}",
                json(BlockDeviceMappingV2.swap(100)));
    }

    @Test
    void ephemeral_isNovaclientsEphemeralMapping() {
        assertEquals(
                "{\"source_type\":\"blank\",\"destination_type\":\"local\",\"boot_index\":-1,"
                        + "\"delete_on_termination\":true,\"volume_size\":5}",
                json(BlockDeviceMappingV2.ephemeral(5)));
        assertEquals(
                "ext4", BlockDeviceMappingV2.ephemeral(5, "ext4").guestFormat().orElseThrow());
    }

    @Test
    void bootFromVolume_isNovaclientsBootVolumeMapping() {
        assertEquals(
                "{\"source_type\":\"volume\",\"destination_type\":\"volume\",\"uuid\":\"vol-1\",\"boot_index\":0,"
                        + "\"delete_on_termination\":false}",
                json(BlockDeviceMappingV2.bootFromVolume("vol-1")));
    }

    @Test
    void bootFromSnapshot_isNovaclientsSnapshotMapping() {
        assertEquals(
                "{\"source_type\":\"snapshot\",\"destination_type\":\"volume\",\"uuid\":\"snap-1\",\"boot_index\":0,"
                        + "\"delete_on_termination\":false}",
                json(BlockDeviceMappingV2.bootFromSnapshot("snap-1")));
    }

    @Test
    void bootFromImageToNewVolume_sizesTheVolume() {
        assertEquals(
                "{\"source_type\":\"image\",\"destination_type\":\"volume\",\"uuid\":\"img\",\"boot_index\":0,"
                        + "\"delete_on_termination\":true,\"volume_size\":20}",
                json(BlockDeviceMappingV2.bootFromImageToNewVolume("img", 20, true)));
    }

    @Test
    void attachVolume_isNotBootable() {
        assertEquals(
                "{\"source_type\":\"volume\",\"destination_type\":\"volume\",\"uuid\":\"vol-1\","
                        + "\"delete_on_termination\":false}",
                json(BlockDeviceMappingV2.attachVolume("vol-1")));
    }

    @Test
    void blankVolume_isANewEmptyVolume() {
        assertEquals(
                "{\"source_type\":\"blank\",\"destination_type\":\"volume\",\"delete_on_termination\":true,"
                        + "\"volume_size\":10}",
                json(BlockDeviceMappingV2.blankVolume(10, true)));
    }

    @Test
    void write_everyField_usesNovaNames() {
        BlockDeviceMappingV2 m = BlockDeviceMappingV2.builder()
                .sourceType(SourceType.SNAPSHOT)
                .destinationType(DestinationType.VOLUME)
                .uuid("snap-1")
                .bootIndex(1)
                .deleteOnTermination(true)
                .guestFormat("ext4")
                .volumeSize(3)
                .deviceName("/dev/vdb")
                .diskBus("scsi")
                .deviceType("disk")
                .volumeType("ssd")
                .tag("data")
                .build();
        assertEquals(
                "{\"source_type\":\"snapshot\",\"destination_type\":\"volume\",\"uuid\":\"snap-1\",\"boot_index\":1,"
                        + "\"delete_on_termination\":true,\"guest_format\":\"ext4\",\"volume_size\":3,\"device_name\":\"/dev/vdb\","
                        + "\"disk_bus\":\"scsi\",\"device_type\":\"disk\",\"volume_type\":\"ssd\",\"tag\":\"data\"}",
                json(m));
    }

    @Test
    void write_mapperThatIncludesAbsentValues_stillLeavesThemOut() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new Jdk8Module());
        assertEquals(
                "{\"source_type\":\"volume\",\"destination_type\":\"volume\",\"uuid\":\"vol-1\","
                        + "\"delete_on_termination\":false}",
                plain.writeValueAsString(BlockDeviceMappingV2.attachVolume("vol-1")));
    }

    @Test
    void write_noDevice_needsNoSourceOrDestination() {
        assertEquals(
                "{\"device_name\":\"vdb\",\"no_device\":true}",
                json(BlockDeviceMappingV2.builder()
                        .deviceName("vdb")
                        .noDevice(true)
                        .build()));
    }

    @Test
    void build_withoutSource_fails() {
        assertEquals(
                "block_device_mapping_v2[].source_type is required unless no_device is true",
                failure(BlockDeviceMappingV2.builder()
                        .destinationType(DestinationType.VOLUME)
                        .uuid("v")));
    }

    @Test
    void build_withoutDestination_failsInsteadOfDefaulting() {
        assertEquals(
                "block_device_mapping_v2[].destination_type is required (local or volume); the SDK does not guess one",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.VOLUME)
                        .uuid("v")));
    }

    @Test
    void build_sourceNeedingUuidWithoutOne_fails() {
        assertEquals(
                "block_device_mapping_v2[].uuid is required when source_type is volume",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.VOLUME)
                        .destinationType(DestinationType.VOLUME)));
        assertEquals(
                "block_device_mapping_v2[].uuid is required when source_type is snapshot",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.SNAPSHOT)
                        .destinationType(DestinationType.VOLUME)));
        assertEquals(
                "block_device_mapping_v2[].uuid is required when source_type is image",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.IMAGE)
                        .destinationType(DestinationType.VOLUME)
                        .volumeSize(1)));
    }

    @Test
    void build_blankWithUuid_fails() {
        assertEquals(
                "block_device_mapping_v2[].uuid must not be set when source_type is blank",
                failure(BlockDeviceMappingV2.builder()
                        .from(BlockDeviceMappingV2.ephemeral(1))
                        .uuid("x")));
    }

    @Test
    void build_volumeOrSnapshotToLocal_fails() {
        assertEquals(
                "block_device_mapping_v2[].destination_type must be volume when source_type is volume",
                failure(volumeToVolume().destinationType(DestinationType.LOCAL)));
        assertEquals(
                "block_device_mapping_v2[].destination_type must be volume when source_type is snapshot",
                failure(volumeToVolume().sourceType(SourceType.SNAPSHOT).destinationType(DestinationType.LOCAL)));
    }

    @Test
    void build_volumeSizeBelowOne_fails() {
        assertEquals(
                "block_device_mapping_v2[].volume_size must be at least 1, got 0",
                failure(BlockDeviceMappingV2.builder()
                        .from(BlockDeviceMappingV2.swap(1))
                        .volumeSize(0)));
        assertThrows(IllegalArgumentException.class, () -> BlockDeviceMappingV2.ephemeral(-1));
    }

    @Test
    void build_newVolumeWithoutSize_fails() {
        assertEquals(
                "block_device_mapping_v2[].volume_size is required for a new volume from source_type image",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.IMAGE)
                        .destinationType(DestinationType.VOLUME)
                        .uuid("img")
                        .bootIndex(0)));
        assertEquals(
                "block_device_mapping_v2[].volume_size is required for a new volume from source_type blank",
                failure(BlockDeviceMappingV2.builder()
                        .sourceType(SourceType.BLANK)
                        .destinationType(DestinationType.VOLUME)));
    }

    @Test
    void build_swapThatIsNotALocalBlankDisk_fails() {
        assertEquals(
                "block_device_mapping_v2[].guest_format swap needs source_type blank and destination_type local",
                failure(BlockDeviceMappingV2.builder()
                        .from(BlockDeviceMappingV2.blankVolume(1, true))
                        .guestFormat("swap")));
    }

    @Test
    void build_volumeTypeOnExistingVolumeOrLocalDisk_fails() {
        String rule = "block_device_mapping_v2[].volume_type applies only to a new volume (destination_type volume, "
                + "source_type image, snapshot or blank)";
        assertEquals(rule, failure(volumeToVolume().volumeType("ssd")));
        assertEquals(
                rule,
                failure(BlockDeviceMappingV2.builder()
                        .from(BlockDeviceMappingV2.ephemeral(1))
                        .volumeType("ssd")));
        BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.blankVolume(1, true))
                .volumeType("ssd")
                .build();
    }

    @Test
    void build_badTag_fails() {
        assertEquals(
                "block_device_mapping_v2[].tag must not contain '/' or ',', got 'a/b'",
                failure(volumeToVolume().tag("a/b")));
    }

    @Test
    void build_schemaPatterns_areChecked() {
        assertEquals(
                "block_device_mapping_v2[].uuid must be 1 to 255 characters from [a-zA-Z0-9._-], got 'a b'",
                failure(volumeToVolume().uuid("a b")));
        assertEquals(
                "block_device_mapping_v2[].device_name must be 1 to 255 characters from [a-zA-Z0-9._/-], got 'vd b'",
                failure(volumeToVolume().deviceName("vd b")));
        assertEquals(
                "block_device_mapping_v2[].disk_bus must be at most 255 characters, got 256",
                failure(volumeToVolume().diskBus("x".repeat(256))));
    }

    @Test
    void builder_fromFactory_doesNotChangeTheFactoryValue() {
        BlockDeviceMappingV2 swap = BlockDeviceMappingV2.swap(64);
        BlockDeviceMappingV2 tagged =
                BlockDeviceMappingV2.builder().from(swap).tag("swap0").build();
        assertEquals("swap0", tagged.tag().orElseThrow());
        assertEquals(java.util.Optional.empty(), swap.tag());
    }
}
