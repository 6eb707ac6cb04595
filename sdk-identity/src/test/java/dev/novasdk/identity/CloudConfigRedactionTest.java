package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.LAB_OPENRC;
import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.env;
import static dev.novasdk.identity.TestClouds.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords, tokens and application credential secrets never show in toString() or exception messages. */
class CloudConfigRedactionTest {
    private static final String SECRET = "Sup3r-Secret-Value!";

    @TempDir
    Path dir;

    @Test
    void toString_password_redacted() {
        CloudConfig c = builder(env(LAB_OPENRC, "OS_PASSWORD", SECRET), dir).build();

        assertTrue(c.toString().contains("username=admin"), c.toString());
        assertFalse(c.toString().contains(SECRET), c.toString());
    }

    @Test
    void toString_tokenAndApplicationCredentialSecret_redacted() {
        CloudConfig token = builder(env("OS_AUTH_URL", "http://h:5000/v3", "OS_TOKEN", SECRET), dir)
                .build();
        CloudConfig appCred = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://h:5000/v3",
                                "OS_APPLICATION_CREDENTIAL_ID",
                                "a",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                SECRET),
                        dir)
                .build();

        assertFalse(token.toString().contains(SECRET), token.toString());
        assertFalse(appCred.toString().contains(SECRET), appCred.toString());
    }

    @Test
    void messages_contradictionsAndMissingSettings_neverContainTheSecret() {
        assertNotInMessage(() -> builder(env(LAB_OPENRC, "OS_PASSWORD", SECRET, "OS_DOMAIN_ID", "d"), dir)
                .build());
        assertNotInMessage(() -> builder(env(LAB_OPENRC, "OS_PASSWORD", SECRET, "OS_AUTH_URL", ""), dir)
                .build());
        assertNotInMessage(() -> builder(env(LAB_OPENRC, "OS_PASSWORD", SECRET, "OS_USER_DOMAIN_NAME", ""), dir)
                .build());
        assertNotInMessage(() -> builder(
                        env(
                                LAB_OPENRC,
                                "OS_PASSWORD",
                                SECRET,
                                "OS_AUTH_TYPE",
                                "v2password",
                                "OS_IDENTITY_API_VERSION",
                                ""),
                        dir)
                .build());
        assertNotInMessage(() -> builder(
                        env(
                                "OS_AUTH_URL",
                                "http://h:5000/v2.0",
                                "OS_APPLICATION_CREDENTIAL_ID",
                                "a",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                SECRET),
                        dir)
                .build());
        assertNotInMessage(() -> builder(
                        env(
                                "OS_AUTH_URL",
                                "http://h:5000/v3",
                                "OS_TOKEN",
                                SECRET,
                                "OS_PROJECT_ID",
                                "p",
                                "OS_SYSTEM_SCOPE",
                                "all"),
                        dir)
                .build());
    }

    @Test
    void messages_secureYamlContradictingCloudsYaml_neverContainTheSecret() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds: {lab: {auth: {auth_url: 'http://h:5000/v3', user_id: u, " + "password: " + SECRET
                        + ", project_id: p, domain_id: d}}}");

        assertNotInMessage(() -> builder(Map.of(), dir).cloud("lab").build());
    }

    @Test
    void messages_malformedLineHoldingThePassword_notQuoted() {
        write(dir.resolve("clouds.yaml"), "clouds:", "  lab:", "    auth:", "      password: " + SECRET + ": oops");

        assertNotInMessage(() -> builder(Map.of(), dir).cloud("lab").build());
    }

    private static void assertNotInMessage(Supplier<CloudConfig> build) {
        CloudConfigException e = assertThrows(CloudConfigException.class, build::get);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
            assertFalse(t.toString().contains(SECRET), t.toString());
        }
    }
}
