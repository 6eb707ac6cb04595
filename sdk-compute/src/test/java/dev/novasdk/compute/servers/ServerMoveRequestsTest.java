package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.Samples;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.JsonCodec;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The request values of the move actions on their own: what building refuses (naming field and rule), the
 * microversions each field set needs, secrets kept out of {@code toString()}, copies, and the JSON written.
 */
class ServerMoveRequestsTest {
    private static final JsonCodec CODEC = JsonCodec.create();

    private static void assertRefused(String fieldAndRule, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().startsWith(fieldAndRule), e.getMessage());
    }

    private static List<String> requirements(List<VersionRequirement> r) {
        return r.stream().map(VersionRequirement::describe).collect(Collectors.toList());
    }

    @Test
    void rebuild_invalidFields_refusedNamingFieldAndRule() {
        assertRefused(
                "imageRef must not be empty",
                () -> ServerRebuild.builder().imageId("").build());
        assertRefused(
                "name must not start or end with whitespace",
                () -> ServerRebuild.builder().imageId("i").name(" x").build());
        assertRefused("metadata keys must be", () -> ServerRebuild.builder()
                .imageId("i")
                .metadata(Map.of("a/b", "c"))
                .build());
        assertRefused("description must be at most 255", () -> ServerRebuild.builder()
                .imageId("i")
                .description("d".repeat(256))
                .build());
        assertRefused("key_name cannot be both set and removed", () -> ServerRebuild.builder()
                .imageId("i")
                .keyName("k")
                .removeKeyName(true)
                .build());
        assertRefused("user_data must be base64", () -> ServerRebuild.builder()
                .imageId("i")
                .userDataBase64("not base64!")
                .build());
        assertRefused("trusted_image_certificates[1] repeats", () -> ServerRebuild.builder()
                .imageId("i")
                .addTrustedImageCertificates("a", "a")
                .build());
        assertRefused(
                "hostname must be",
                () -> ServerRebuild.builder().imageId("i").hostname("bad host").build());
        assertRefused(
                "accessIPv4 must be an IPv4 address",
                () -> ServerRebuild.builder().imageId("i").accessIpv4("::1").build());
        assertRefused("OS-DCF:diskConfig must be AUTO or MANUAL", () -> ServerRebuild.builder()
                .imageId("i")
                .diskConfig(DiskConfig.UNKNOWN)
                .build());
    }

    @Test
    void rebuild_versionRequirements_perFieldSet() {
        assertEquals(
                List.of(),
                ServerRebuild.builder().imageId("i").name("n").build().versionRequirements());
        ServerRebuild all = ServerRebuild.builder()
                .imageId("i")
                .description("d")
                .removeKeyName(true)
                .userData("x")
                .addTrustedImageCertificates("c")
                .hostname("host.example.com")
                .build();
        assertEquals(
                List.of(
                        "field 'description' requires compute microversion 2.19 or later",
                        "field 'key_name' requires compute microversion 2.54 or later",
                        "field 'user_data' requires compute microversion 2.57 or later",
                        "field 'trusted_image_certificates' requires compute microversion 2.63 or later",
                        "field 'hostname' (a fully qualified domain name) requires compute microversion 2.94 or later"),
                requirements(all.versionRequirements()));
        assertEquals(
                List.of("field 'personality' is not accepted after compute microversion 2.56"),
                requirements(ServerRebuild.builder()
                        .imageId("i")
                        .addPersonality("/p", "t")
                        .build()
                        .versionRequirements()));
    }

    @Test
    void rebuild_secretsStayOutOfToStringAndCopiesAreIndependent() {
        ServerRebuild r = ServerRebuild.builder()
                .imageId("i")
                .adminPassword("pw-Secret")
                .userData("token=abc")
                .build();
        assertFalse(r.toString().contains("pw-Secret"), r.toString());
        assertFalse(r.toString().contains(r.userDataBase64().orElseThrow()), r.toString());
        ServerRebuild.Builder b = r.toBuilder();
        ServerRebuild renamed = b.name("n").build();
        assertNotSame(r, renamed);
        assertEquals(java.util.Optional.empty(), r.name());
        assertEquals("dG9rZW49YWJj", r.userDataBase64().orElseThrow());
    }

    @Test
    void rebuild_writesOnlyTheFieldsSetInTheRebuildEnvelope() {
        assertEquals(
                Samples.json("{'rebuild': {'imageRef': 'i', 'metadata': {}, 'preserve_ephemeral': true}}"),
                Samples.tree(CODEC.write(ServerRebuild.builder()
                        .imageId("i")
                        .metadata(Map.of())
                        .preserveEphemeral(true)
                        .build())));
    }

    @Test
    void liveMigrate_versionRequirements_followTheSchemas() {
        assertEquals(
                List.of("field 'block_migration' ('auto') requires compute microversion 2.25 or later"),
                requirements(ServerLiveMigrate.builder().build().versionRequirements()));
        assertEquals(
                List.of("field 'disk_over_commit' is not accepted after compute microversion 2.24"),
                requirements(ServerLiveMigrate.builder()
                        .blockMigration(false)
                        .diskOverCommit(false)
                        .build()
                        .versionRequirements()));
        List<VersionRequirement> forced = ServerLiveMigrate.builder()
                .blockMigration(true)
                .force(true)
                .build()
                .versionRequirements();
        assertTrue(forced.stream().allMatch(r -> r.accepts(Microversion.of(2, 30))));
        assertFalse(forced.stream().allMatch(r -> r.accepts(Microversion.of(2, 68))));
        assertFalse(forced.stream().allMatch(r -> r.accepts(Microversion.of(2, 24))));
        assertRefused(
                "host must be", () -> ServerLiveMigrate.builder().host("a b").build());
    }

    @Test
    void evacuate_requirementsAndChecks() {
        assertEquals(
                List.of("field 'onSharedStorage' (left out, which Nova requires before 2.14) requires compute"
                        + " microversion 2.14 or later"),
                requirements(ServerEvacuate.builder().build().versionRequirements()));
        assertEquals(
                List.of("field 'onSharedStorage' is not accepted after compute microversion 2.13"),
                requirements(
                        ServerEvacuate.builder().onSharedStorage(false).build().versionRequirements()));
        assertRefused("adminPass cannot be set when onSharedStorage is true", () -> ServerEvacuate.builder()
                .onSharedStorage(true)
                .adminPassword("pw-Secret")
                .build());
        assertFalse(ServerEvacuate.builder()
                .adminPassword("pw-Secret")
                .build()
                .toString()
                .contains("pw-Secret"));
    }

    @Test
    void imageAndBackup_checksAndBodies() {
        assertRefused("name must not be empty", () -> ServerImageCreate.of(""));
        assertRefused("rotation must be 0 or more", () -> ServerBackupCreate.builder()
                .name("b")
                .backupType("daily")
                .rotation(-1)
                .build());
        assertRefused("backup_type must not be empty", () -> ServerBackupCreate.builder()
                .name("b")
                .backupType("")
                .rotation(1)
                .build());
        assertEquals(Samples.json("{'name': 'snap'}"), Samples.tree(CODEC.write(ServerImageCreate.of("snap"))));
    }

    @Test
    void consoleTypes_knowTheirProtocolsAndReadUnknownValues() {
        assertEquals(ConsoleProtocol.VNC, ConsoleType.NOVNC.protocol());
        assertEquals(ConsoleProtocol.MKS, ConsoleType.WEBMKS.protocol());
        assertEquals(ConsoleType.SPICE_HTML5, ConsoleType.fromValue("spice-html5"));
        assertEquals(ConsoleType.UNKNOWN, ConsoleType.fromValue("spice-direct"));
        RemoteConsole legacy = CODEC.readEnveloped(
                "{\"console\": {\"type\": \"serial\", \"url\": \"ws://h/?token=t\"}}".getBytes(),
                "console",
                RemoteConsole.class);
        assertEquals(ConsoleProtocol.SERIAL, legacy.protocol());
        assertFalse(legacy.toString().contains("token=t"), legacy.toString());
    }
}
