package dev.novasdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Authentication settings fail at build time naming the setting, and never show their secrets. */
class KeystoneAuthTest {
    private static String failure(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void build_missingOrContradictorySettings_namesTheSetting() {
        assertEquals(
                "password is not set",
                failure(() -> KeystoneAuth.password().username("u").build()));
        assertEquals(
                "neither userId nor username is set",
                failure(() -> KeystoneAuth.password().password("p").build()));
        assertEquals("both userId and username given; use one", failure(() -> KeystoneAuth.password()
                .userId("i")
                .username("u")
                .password("p")
                .build()));
        assertEquals(
                "both a project id and a domain scope given; a token has one scope",
                failure(() -> KeystoneAuth.password()
                        .userId("i")
                        .password("p")
                        .projectId("x")
                        .domainName("d")
                        .build()));
        assertEquals(
                "both a project name and system scope given; a token has one scope",
                failure(() -> KeystoneAuth.password()
                        .userId("i")
                        .password("p")
                        .projectName("x")
                        .systemScope()
                        .build()));
        assertEquals(
                "tokenId is not set",
                failure(() -> KeystoneAuth.token().projectId("x").build()));
        assertEquals(
                "applicationCredentialSecret is not set",
                failure(() -> KeystoneAuth.applicationCredential().id("a").build()));
        assertTrue(failure(() -> KeystoneAuth.applicationCredential()
                        .name("n")
                        .secret("s")
                        .build())
                .startsWith("applicationCredentialName needs the owning user"));
        assertTrue(failure(() -> KeystoneAuth.password()
                        .username("u")
                        .password("p")
                        .build()
                        .checkForV3())
                .startsWith("user domain is not set"));
        assertTrue(failure(() -> KeystoneAuth.password()
                        .userId("u")
                        .password("p")
                        .projectName("x")
                        .build()
                        .checkForV3())
                .startsWith("project domain is not set"));
        assertTrue(failure(() -> KeystoneAuth.password()
                        .username("u")
                        .password("p")
                        .domainName("d")
                        .build()
                        .checkForV2())
                .startsWith("domain scope needs Keystone v3"));
        assertEquals("projectId must not be blank", failure(() -> KeystoneAuth.password()
                .projectId(" ")));
    }

    @Test
    void toString_anyMethod_hidesTheSecret() {
        String secret = "s3cr3t-value";
        for (KeystoneAuth auth : new KeystoneAuth[] {
            KeystoneAuth.password()
                    .username("u")
                    .userDomainName("Default")
                    .password(secret)
                    .build(),
            KeystoneAuth.token().tokenId(secret).build(),
            KeystoneAuth.applicationCredential().id("a").secret(secret).build()
        }) {
            assertFalse(auth.toString().contains(secret), auth.toString());
            assertTrue(auth.toString().contains("****"));
        }
    }

    @Test
    void withScope_applicationCredential_refusesAScope() {
        KeystoneAuth ac =
                KeystoneAuth.applicationCredential().id("a").secret("s").build();
        assertEquals(
                "an application credential is bound to its project; it takes no scope",
                failure(() -> ac.withScope(Scope.projectId("p"))));
    }
}
