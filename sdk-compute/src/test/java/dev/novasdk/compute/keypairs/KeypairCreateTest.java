package dev.novasdk.compute.keypairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ToBuilderChecks;
import dev.novasdk.compute.internal.VersionRequirements;
import dev.novasdk.core.http.Microversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link KeypairCreate}'s checks before sending and the microversions its fields need. */
class KeypairCreateTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMj0nimRSZ6DZzxO85H2oBFb5wNC3PKoRs97Hd6xw97F x";

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a/b", "key*", "naïve"})
    void build_badName_namesFieldAndRule(String name) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> KeypairCreate.builder().name(name).publicKey(KEY).build());
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
    }

    @Test
    void build_name256_refused() {
        assertThrows(IllegalArgumentException.class, () -> KeypairCreate.builder()
                .name("k".repeat(256))
                .publicKey(KEY)
                .build());
    }

    @Test
    void versions_generateAt292_refusedNamingVersion() {
        KeypairCreate generate = KeypairCreate.builder().name("gen").build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(generate.versionRequirements(), Microversion.of(2, 92)));
        assertTrue(e.getMessage().contains("public_key") && e.getMessage().contains("2.92"), e.getMessage());
        VersionRequirements.check(generate.versionRequirements(), Microversion.of(2, 91));
    }

    @Test
    void versions_dotInName_needs292_typeNeeds22_userNeeds210() {
        KeypairCreate k = KeypairCreate.builder()
                .name("me@host.example")
                .publicKey(KEY)
                .type(KeypairType.SSH)
                .userId("u1")
                .build();
        assertEquals(
                Microversion.of(2, 93),
                VersionRequirements.select(k.versionRequirements(), Microversion.of(2, 1), Microversion.of(2, 93)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(k.versionRequirements(), Microversion.of(2, 91)));
        assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains("2.92"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.check(
                        KeypairCreate.builder()
                                .name("k")
                                .publicKey(KEY)
                                .type(KeypairType.X509)
                                .build()
                                .versionRequirements(),
                        Microversion.of(2, 1)));
    }

    @Test
    void versions_generateWithDottedName_noVersionServesBoth() {
        KeypairCreate k = KeypairCreate.builder().name("a.b").build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> VersionRequirements.select(
                        k.versionRequirements(), Microversion.of(2, 1), Microversion.of(2, 93)));
        assertTrue(e.getMessage().contains("public_key") && e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void build_unknownTypeOrBlankKey_refused() {
        assertThrows(IllegalArgumentException.class, () -> KeypairCreate.builder()
                .name("k")
                .type(KeypairType.UNKNOWN)
                .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> KeypairCreate.builder().name("k").publicKey(" ").build());
    }

    @Test
    void toBuilder_copiesEveryField() {
        ToBuilderChecks.assertToBuilder(
                KeypairCreate.builder()
                        .name("k")
                        .publicKey(KEY)
                        .type(KeypairType.SSH)
                        .userId("u")
                        .build(),
                KeypairCreate::toBuilder,
                KeypairCreate.Builder::build,
                b -> b.name("other"));
    }
}
