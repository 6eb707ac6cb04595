package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every client-side rule of a server create fails the build, naming the field and the rule. */
class ServerCreateValidationTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    private static ServerCreate.Builder valid() {
        return ServerCreate.builder().name("web-1").imageId(IMAGE).flavorId("1");
    }

    private static String failure(ServerCreate.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    private static String failure(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void build_missingNameAndFlavor_namesThem() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> ServerCreate.builder().build());
        assertTrue(e.getMessage().contains("name") && e.getMessage().contains("flavorId"), e.getMessage());
    }

    @Test
    void build_emptyName_fails() {
        assertEquals("name must not be empty", failure(valid().name("")));
    }

    @Test
    void build_nameWithLeadingOrTrailingSpace_fails() {
        assertEquals("name must not start or end with whitespace", failure(valid().name(" web")));
        assertEquals("name must not start or end with whitespace", failure(valid().name("web\u00a0")));
    }

    @Test
    void build_nameWithControlCharacter_fails() {
        assertEquals("name must hold printable characters only, got U+000A", failure(valid().name("web\n1")));
    }

    @Test
    void build_nameTooLong_fails() {
        assertEquals("name must be at most 255 characters, got 256", failure(valid().name("n".repeat(256))));
        valid().name("ü".repeat(255)).build();
    }

    @Test
    void build_emptyFlavorOrImage_fails() {
        assertEquals("flavorRef must not be empty", failure(valid().flavorId("")));
        assertEquals(
                "imageRef must not be empty; leave the image out to boot from a volume", failure(valid().imageId("")));
    }

    @Test
    void build_minCountBelowOne_fails() {
        assertEquals("min_count must be at least 1, got 0", failure(valid().minCount(0)));
    }

    @Test
    void build_maxCountBelowOne_fails() {
        assertEquals("max_count must be at least 1, got 0", failure(valid().maxCount(0)));
    }

    @Test
    void build_minAboveMax_fails() {
        assertEquals(
                "min_count (3) must not exceed max_count (2)",
                failure(valid().minCount(3).maxCount(2)));
        valid().minCount(2).maxCount(2).build();
        valid().minCount(3).build();
        valid().maxCount(3).build();
    }

    @Test
    void build_noBootSource_fails() {
        assertEquals(
                "imageRef is required unless a block device mapping is the boot source: set an image, or add a "
                        + "block_device_mapping_v2 entry with boot_index 0 (such as BlockDeviceMappingV2.bootFromVolume)",
                failure(ServerCreate.builder().name("s").flavorId("1")));
    }

    @Test
    void build_mappingsWithoutBootIndexZeroAndNoImage_fails() {
        String message = failure(ServerCreate.builder()
                .name("s")
                .flavorId("1")
                .addBlockDeviceMappings(BlockDeviceMappingV2.attachVolume("vol-1")));
        assertTrue(message.startsWith("imageRef is required unless"), message);
    }

    @Test
    void build_imageAndBootMapping_fails() {
        assertEquals(
                "imageRef and block_device_mapping_v2[1] (boot_index 0) are two boot sources; exactly one is "
                        + "allowed: leave out the image or the boot index",
                failure(valid().addBlockDeviceMappings(
                                BlockDeviceMappingV2.swap(1), BlockDeviceMappingV2.bootFromVolume("vol-1"))));
    }

    @Test
    void build_legacyMappingWithoutImage_isABootSource() {
        ServerCreate.Builder noBootSource = ServerCreate.builder().name("s").flavorId("1");
        assertTrue(failure(noBootSource).startsWith("imageRef is required unless"));

        ServerCreate create = noBootSource
                .addLegacyBlockDeviceMappings(LegacyBlockDeviceMapping.ofVolume("vda", "vol-1"))
                .build();
        JsonNode server = CreateSamples.written(create).get("server");
        assertFalse(server.has("imageRef"), server.toString());
        assertFalse(server.has("block_device_mapping_v2"), server.toString());
        assertEquals("vda", server.at("/block_device_mapping/0/device_name").asText());
        assertEquals("vol-1", server.at("/block_device_mapping/0/volume_id").asText());
    }

    @Test
    void build_legacyAndV2Mixed_fails() {
        assertEquals(
                "block_device_mapping (legacy) and block_device_mapping_v2 cannot be mixed in one request",
                failure(valid().addLegacyBlockDeviceMappings(LegacyBlockDeviceMapping.ofVolume("vdb", "vol-1"))
                        .addBlockDeviceMappings(BlockDeviceMappingV2.swap(1))));
    }

    @Test
    void build_userMappingImageToLocal_fails() {
        BlockDeviceMappingV2 imageLocal = BlockDeviceMappingV2.builder()
                .sourceType(BlockDeviceMappingV2.SourceType.IMAGE)
                .destinationType(BlockDeviceMappingV2.DestinationType.LOCAL)
                .uuid(IMAGE)
                .bootIndex(1)
                .build();
        assertEquals(
                "block_device_mapping_v2[0] maps an image to a local disk, which only the image boot disk does; "
                        + "set the server's image instead (it becomes that mapping)",
                failure(valid().addBlockDeviceMappings(imageLocal)));
    }

    @Test
    void build_bootIndexGap_fails() {
        BlockDeviceMappingV2 second = BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.attachVolume("vol-2"))
                .bootIndex(2)
                .build();
        assertEquals(
                "block_device_mapping_v2 boot_index values must count up from 0 without repeats or gaps "
                        + "(the image mapping takes 0), got [0, 2]",
                failure(valid().addBlockDeviceMappings(second)));
    }

    @Test
    void build_bootIndexRepeated_fails() {
        BlockDeviceMappingV2 first = BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.attachVolume("vol-2"))
                .bootIndex(1)
                .build();
        BlockDeviceMappingV2 again = BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.attachVolume("vol-3"))
                .bootIndex(1)
                .build();
        assertEquals(
                "block_device_mapping_v2 boot_index values must count up from 0 without repeats or gaps "
                        + "(the image mapping takes 0), got [0, 1, 1]",
                failure(valid().addBlockDeviceMappings(first, again)));
    }

    @Test
    void build_bootFromVolumeWithSecondBootableDisk_countsFromZero() {
        BlockDeviceMappingV2 second = BlockDeviceMappingV2.builder()
                .from(BlockDeviceMappingV2.attachVolume("vol-2"))
                .bootIndex(1)
                .build();
        ServerCreate create = ServerCreate.builder()
                .name("s")
                .flavorId("1")
                .addBlockDeviceMappings(BlockDeviceMappingV2.bootFromVolume("vol-1"), second)
                .build();
        // Without an image nothing is put in front: the mappings are sent as given, boot indexes 0 and 1.
        JsonNode mappings = CreateSamples.written(create).at("/server/block_device_mapping_v2");
        assertEquals(2, mappings.size(), mappings.toString());
        assertEquals(
                List.of(0, 1),
                List.of(
                        mappings.get(0).get("boot_index").asInt(),
                        mappings.get(1).get("boot_index").asInt()));
        assertEquals(
                List.of("vol-1", "vol-2"),
                List.of(
                        mappings.get(0).get("uuid").asText(),
                        mappings.get(1).get("uuid").asText()));
        // With an image, which takes boot index 0, the same mappings are a second boot source.
        assertEquals(
                "imageRef and block_device_mapping_v2[0] (boot_index 0) are two boot sources; exactly one is "
                        + "allowed: leave out the image or the boot index",
                failure(valid().addBlockDeviceMappings(BlockDeviceMappingV2.bootFromVolume("vol-1"), second)));
    }

    @Test
    void build_twoSwapDisks_fails() {
        assertEquals(
                "block_device_mapping_v2 may hold one swap disk (guest_format swap), got 2",
                failure(valid().addBlockDeviceMappings(BlockDeviceMappingV2.swap(1), BlockDeviceMappingV2.swap(2))));
    }

    @Test
    void build_autoNetworksWithList_fails() {
        assertEquals(
                "networks 'auto' cannot be combined with a list of networks",
                failure(valid().networksAuto().addNetworks(ServerNetwork.ofNetwork("net"))));
    }

    @Test
    void build_samePortTwice_fails() {
        assertEquals(
                "networks[2].port repeats networks[0].port; a port can be attached once",
                failure(valid().addNetworks(
                                ServerNetwork.ofPort("p1"), ServerNetwork.ofPort("p2"), ServerNetwork.ofPort("p1"))));
    }

    @Test
    void build_severalServersWithPort_fails() {
        assertEquals(
                "networks[0].port cannot be used when max_count is above 1 (2): a port can belong to one server only",
                failure(valid().maxCount(2).addNetworks(ServerNetwork.ofPort("p1"))));
    }

    @Test
    void build_severalServersWithFixedIp_fails() {
        assertEquals(
                "networks[0].fixed_ip cannot be used when max_count is above 1 (3): an address can belong to one "
                        + "server only",
                failure(valid().minCount(3)
                        .addNetworks(ServerNetwork.builder()
                                .networkId("net")
                                .fixedIp("10.0.0.5")
                                .build())));
    }

    @Test
    void build_severalServersWithHostname_fails() {
        assertEquals(
                "hostname cannot be used when max_count is above 1 (2): it would be ambiguous",
                failure(valid().maxCount(2).hostname("web")));
    }

    @Test
    void build_metadataKeyEmptyOrTooLongOrOddCharacters_fails() {
        String rule = "metadata keys must be 1 to 255 characters from [a-zA-Z0-9-_:. ], got '";
        assertEquals(rule + "'", failure(valid().putMetadata("", "v")));
        assertEquals(rule + "k".repeat(256) + "'", failure(valid().putMetadata("k".repeat(256), "v")));
        assertEquals(rule + "a/b'", failure(valid().putMetadata("a/b", "v")));
        valid().putMetadata("k".repeat(255), "v".repeat(255)).build();
    }

    @Test
    void build_metadataValueTooLong_fails() {
        assertEquals(
                "metadata['k'] must be at most 255 characters, got 256",
                failure(valid().putMetadata("k", "v".repeat(256))));
    }

    @Test
    void build_userDataOverLimit_failsNamingTheLimit() {
        // 49152 bytes encode to exactly 65536 base64 characters, one over Nova's limit; 49149 to 65532.
        assertEquals(
                "user_data must be at most 65535 characters once base64-encoded, got 65536",
                failure(valid().userData(new byte[49152])));
        valid().userData(new byte[49149]).build();
    }

    @Test
    void build_userDataNotBase64_fails() {
        assertEquals(
                "user_data must be base64 text (RFC 4648 alphabet with padding)",
                failure(valid().userDataBase64("not base64!")));
    }

    @Test
    void build_badKeyNameSecurityGroupOrZone_fails() {
        assertEquals("key_name must not be empty", failure(valid().keyName("")));
        assertEquals(
                "security_groups[].name must not start or end with whitespace",
                failure(valid().addSecurityGroups("web ")));
        assertEquals("availability_zone must not be empty", failure(valid().availabilityZone("")));
    }

    @Test
    void build_availabilityZoneForms_acceptsNovasAndRejectsMore() {
        for (String az : List.of("zone", "zone:host", "zone:host:node", "zone::node")) {
            valid().availabilityZone(az).build();
        }
        assertEquals(
                "availability_zone must be zone, zone:host, zone:host:node or zone::node, got 3 ':' separators",
                failure(valid().availabilityZone("a:b:c:d")));
    }

    @Test
    void build_unknownDiskConfig_fails() {
        assertEquals("OS-DCF:diskConfig must be AUTO or MANUAL", failure(valid().diskConfig(DiskConfig.UNKNOWN)));
    }

    @Test
    void build_accessIpsMustBeLiteralsOfTheirFamily() {
        assertEquals(
                "accessIPv4 must be an IPv4 address, got 'example.com'", failure(valid().accessIpv4("example.com")));
        assertEquals("accessIPv4 must be an IPv4 address, got '::1'", failure(valid().accessIpv4("::1")));
        assertEquals("accessIPv4 must be an IPv4 address, got '1.2.3.256'", failure(valid().accessIpv4("1.2.3.256")));
        assertEquals("accessIPv6 must be an IPv6 address, got '1.2.3.4'", failure(valid().accessIpv6("1.2.3.4")));
        assertEquals("accessIPv6 must be an IPv6 address, got 'localhost'", failure(valid().accessIpv6("localhost")));
        valid().accessIpv4("10.0.0.1").accessIpv6("::ffff:10.0.0.1").build();
    }

    @Test
    void build_descriptionTooLongOrWithControl_fails() {
        assertEquals(
                "description must be at most 255 characters, got 256", failure(valid().description("d".repeat(256))));
        assertEquals(
                "description must hold printable characters only, got U+0009", failure(valid().description("a\tb")));
        valid().description("").build();
    }

    @Test
    void build_tagRules_fail() {
        assertEquals("tags[1] must not contain '/' or ',', got 'a/b'", failure(valid().addTags("ok", "a/b")));
        assertEquals("tags[0] must not contain '/' or ',', got 'a,b'", failure(valid().addTags("a,b")));
        assertEquals("tags[0] must not be empty", failure(valid().addTags("")));
        assertEquals("tags[0] must be at most 60 characters, got 61", failure(valid().addTags("t".repeat(61))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("t" + i);
        }
        assertEquals("tags must hold at most 50 tags, got 51", failure(valid().tags(many)));
        valid().tags(many.subList(0, 50)).build();
    }

    @Test
    void build_hostnameNeitherLabelNorDomain_fails() {
        String message = failure(valid().hostname("bad host"));
        assertTrue(message.startsWith("hostname must be a hostname of 2 to 63 characters"), message);
        valid().hostname("web-1").build();
        valid().hostname("web-1.example.com").build();
    }

    @Test
    void build_trustedCertificatesRules_fail() {
        assertEquals(
                "trusted_image_certificates[1] repeats an earlier id; ids must be unique",
                failure(valid().addTrustedImageCertificates("c1", "c1")));
        assertEquals(
                "trusted_image_certificates[0] must not be empty", failure(valid().addTrustedImageCertificates("")));
        assertEquals(
                "trusted_image_certificates must hold at most 50 ids, got 51",
                failure(valid().trustedImageCertificates(Collections.nCopies(51, "c"))));
        assertEquals(
                "trusted_image_certificates need the server to boot from an image (imageRef); Nova does not "
                        + "validate certificates when booting from a volume",
                failure(ServerCreate.builder()
                        .name("s")
                        .flavorId("1")
                        .addBlockDeviceMappings(BlockDeviceMappingV2.bootFromVolume("vol-1"))
                        .addTrustedImageCertificates("c1")));
    }

    @Test
    void build_hostAndHypervisorHostname_mustBeDomainNames() {
        assertEquals("host must be 1 to 255 characters from [a-zA-Z0-9-._], got 'a b'", failure(valid().host("a b")));
        assertEquals(
                "hypervisor_hostname must be 1 to 255 characters from [a-zA-Z0-9-._], got ''",
                failure(valid().hypervisorHostname("")));
    }

    @Test
    void build_schedulerHintWithoutKey_fails() {
        assertEquals("os:scheduler_hints keys must not be empty", failure(() -> valid().addSchedulerHint("", "v")));
    }

    @Test
    void build_personalityPathTooLong_fails() {
        assertEquals("personality[].path must be at most 255 bytes, got 256", failure(() -> valid().addPersonality(
                        "/" + "é".repeat(127) + "x", "text")));
        assertEquals("personality[].path must not be empty", failure(() -> Personality.ofText("", "text")));
        assertEquals(
                "personality[].contents must be base64 text (RFC 4648 alphabet with padding)",
                failure(() -> Personality.ofBase64("/p", "%%%")));
    }

    @Test
    void build_calledTwice_returnsNewEqualObjects() {
        ServerCreate.Builder builder = valid().addTags("a");
        ServerCreate first = builder.build();
        ServerCreate second = builder.build();
        assertNotSame(first, second);
        assertEquals(first, second);
    }

    @Test
    void build_builderChangedAfterwards_leavesBuiltObjectAlone() {
        ServerCreate.Builder builder =
                valid().addTags("a").putMetadata("k", "v").addSchedulerHint("group", "g");
        ServerCreate built = builder.build();
        builder.addTags("b")
                .putMetadata("k2", "v2")
                .addSchedulerHint("group", "h")
                .name("other");
        assertEquals(List.of("a"), built.tags());
        assertEquals(1, built.metadata().size());
        assertEquals(1, built.schedulerHints().size());
        assertEquals("web-1", built.name());
        assertThrows(UnsupportedOperationException.class, () -> built.tags().add("c"));
    }

    @Test
    void toString_hidesAdminPasswordAndUserData() {
        ServerCreate create = valid().adminPassword("s3cr3t-pass")
                .userData("password: hunter2")
                .addPersonality("/etc/secret", "token=abc")
                .build();
        String text = create.toString();
        assertFalse(text.contains("s3cr3t-pass"), text);
        assertFalse(text.contains(create.userDataBase64().orElseThrow()), text);
        assertFalse(text.contains(create.personality().get(0).contentsBase64()), text);
        assertTrue(text.contains("web-1"), text);
    }
}
