package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.internal.VersionRequirements;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server create reports the microversions its fields need, per Nova's create schemas. */
class ServerCreateVersionsTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";

    private static Microversion v(String text) {
        return Microversion.parse(text);
    }

    private static ServerCreate.Builder withNetworks() {
        return ServerCreate.builder().name("s").imageId(IMAGE).flavorId("1").addNetworks(ServerNetwork.ofNetwork(NET));
    }

    @Test
    void versionRequirements_plainRequestWithNetworks_isEmpty() {
        assertEquals(List.of(), withNetworks().build().versionRequirements());
    }

    @Test
    void versionRequirements_noNetworks_limitsTo236() {
        ServerCreate create =
                ServerCreate.builder().name("s").imageId(IMAGE).flavorId("1").build();
        assertEquals(List.of(VersionRequirement.requiredSince("networks", v("2.37"))), create.versionRequirements());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(create.versionRequirements(), v("2.90")));
        assertEquals(
                "field 'networks' is required from compute microversion 2.37 on; the client uses 2.90", e.getMessage());
    }

    @Test
    void versionRequirements_eachVersionedField_isListed() {
        ServerCreate create = ServerCreate.builder()
                .name("s")
                .imageId(IMAGE)
                .flavorId("1")
                .networksNone()
                .description("d")
                .addTags("t")
                .addTrustedImageCertificates("c")
                .host("h")
                .hypervisorHostname("hv")
                .hostname("web")
                .build();
        assertEquals(
                List.of(
                        VersionRequirement.since("description", v("2.19")),
                        VersionRequirement.since("networks", v("2.37")).withCondition("'none'"),
                        VersionRequirement.since("tags", v("2.52")),
                        VersionRequirement.since("trusted_image_certificates", v("2.63")),
                        VersionRequirement.since("host", v("2.74")),
                        VersionRequirement.since("hypervisor_hostname", v("2.74")),
                        VersionRequirement.since("hostname", v("2.90"))),
                create.versionRequirements());
        assertEquals(v("2.100"), VersionRequirements.select(create.versionRequirements(), v("2.1"), v("2.100")));
    }

    @Test
    void versionRequirements_fqdnHostname_needs294() {
        ServerCreate create = withNetworks().hostname("web.example.com").build();
        assertEquals(
                List.of(VersionRequirement.since("hostname", v("2.94")).withCondition("a fully qualified domain name")),
                create.versionRequirements());
    }

    @Test
    void versionRequirements_networkTag_isAcceptedIn232To236AndFrom242() {
        ServerCreate create = ServerCreate.builder()
                .name("s")
                .imageId(IMAGE)
                .flavorId("1")
                .addNetworks(
                        ServerNetwork.ofNetwork(NET),
                        ServerNetwork.builder().networkId(NET).tag("nic1").build())
                .build();
        assertEquals(
                List.of(VersionRequirement.anyOf(
                        "networks[1].tag",
                        MicroversionRange.between(v("2.32"), v("2.36")),
                        MicroversionRange.atLeast(v("2.42")))),
                create.versionRequirements());
        assertEquals(v("2.36"), VersionRequirements.select(create.versionRequirements(), v("2.1"), v("2.41")));
    }

    @Test
    void versionRequirements_mappingTagAndVolumeType_areListedByIndex() {
        ServerCreate create = withNetworks()
                .addBlockDeviceMappings(
                        BlockDeviceMappingV2.swap(1),
                        BlockDeviceMappingV2.builder()
                                .from(BlockDeviceMappingV2.blankVolume(1, true))
                                .tag("data")
                                .volumeType("ssd")
                                .build())
                .build();
        assertEquals(
                List.of(
                        VersionRequirement.anyOf(
                                "block_device_mapping_v2[1].tag",
                                MicroversionRange.between(v("2.32"), v("2.32")),
                                MicroversionRange.atLeast(v("2.42"))),
                        VersionRequirement.since("block_device_mapping_v2[1].volume_type", v("2.67"))),
                create.versionRequirements());
    }

    @Test
    void versionRequirements_networkIdNotUuid_endsAt236() {
        ServerCreate create = ServerCreate.builder()
                .name("s")
                .imageId(IMAGE)
                .flavorId("1")
                .addNetworks(ServerNetwork.ofNetwork("private"))
                .build();
        assertEquals(
                List.of(VersionRequirement.until("networks[0].uuid", v("2.36")).withCondition("not a UUID")),
                create.versionRequirements());
        // oslo's is_uuid_like also takes hex without hyphens, in any case, and braces.
        assertEquals(
                List.of(),
                withNetworks()
                        .networks(List.of(
                                ServerNetwork.ofNetwork("3CB9BC5956994588A4B1B87F96708BC6"),
                                ServerNetwork.ofNetwork("{3cb9bc59-5699-4588-a4b1-b87f96708bc6}")))
                        .build()
                        .versionRequirements());
    }

    @Test
    void versionRequirements_personality_endsAt256() {
        ServerCreate create = withNetworks().addPersonality("/etc/motd", "hi").build();
        assertEquals(List.of(VersionRequirement.until("personality", v("2.56"))), create.versionRequirements());
        assertEquals(v("2.56"), VersionRequirements.select(create.versionRequirements(), v("2.1"), v("2.93")));
    }

    @Test
    void versionRequirements_tagsWithoutNetworks_conflictNamingBoth() {
        ServerCreate create = ServerCreate.builder()
                .name("s")
                .imageId(IMAGE)
                .flavorId("1")
                .addTags("t")
                .build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(create.versionRequirements(), v("2.1"), v("2.93")));
        assertTrue(
                e.getMessage()
                        .startsWith("no compute microversion accepts every field set: field 'networks' is "
                                + "required from compute microversion 2.37 on, but field 'tags' requires compute microversion 2.52 or "
                                + "later"),
                e.getMessage());
    }

    @Test
    void versionRequirements_areComputedOncePerValue() {
        ServerCreate create = withNetworks().addTags("t").build();
        assertSame(create.versionRequirements(), create.versionRequirements());
    }
}
