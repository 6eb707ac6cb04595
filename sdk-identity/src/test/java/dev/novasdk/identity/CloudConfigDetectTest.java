package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.LAB_OPENRC;
import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.copySamples;
import static dev.novasdk.identity.TestClouds.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** detect() tells "nothing configured" (fall back to a default) from "configured, but wrong" (fail). */
class CloudConfigDetectTest {
    @TempDir
    Path dir;

    @Test
    void detect_nothingConfigured_empty() {
        assertEquals(
                Optional.empty(),
                builder(Map.of("HOME", "/nonexistent", "OS_REGION_NAME", "RegionOne"), dir)
                        .detect());
    }

    @Test
    void detect_cloudsYamlPresentButNoCloudSelected_empty() {
        copySamples(dir);

        assertEquals(Optional.empty(), builder(Map.of(), dir).detect());
    }

    @Test
    void detect_osAuthUrl_present() {
        Optional<CloudConfig> c = builder(LAB_OPENRC, dir).detect();

        assertEquals(Optional.of("admin"), c.orElseThrow().auth().username());
    }

    @Test
    void detect_osCloud_present() {
        copySamples(dir);

        Optional<CloudConfig> c = builder(env("OS_CLOUD", "oslab"), dir).detect();

        assertEquals(Optional.of("oslab"), c.orElseThrow().cloudName());
    }

    @Test
    void detect_configuredButIncomplete_fails() {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env("OS_AUTH_URL", "http://127.0.0.1:5000/v3"), dir)
                        .detect());

        assertTrue(e.getMessage().contains("OS_PASSWORD is not set"), e.getMessage());
    }

    @Test
    void detect_explicitAuthUrl_present() {
        Optional<CloudConfig> c = builder(Map.of(), dir)
                .authUrl("http://127.0.0.1:5000/v3")
                .userId("u")
                .password("p")
                .detect();

        assertEquals("builder settings", c.orElseThrow().source());
    }
}
