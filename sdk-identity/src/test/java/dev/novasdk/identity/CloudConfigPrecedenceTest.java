package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.LAB_OPENRC;
import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.copySamples;
import static dev.novasdk.identity.TestClouds.env;
import static dev.novasdk.identity.TestClouds.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.endpoint.EndpointInterface;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builder settings beat the environment, which beats clouds.yaml; alternatives count as one setting. */
class CloudConfigPrecedenceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        copySamples(dir);
    }

    @Test
    void region_fileOnly_fromFile() {
        assertEquals(
                Optional.of("RegionOne"),
                builder(Map.of(), dir).cloud("oslab").build().region());
    }

    @Test
    void region_environmentAndFile_environmentWins() {
        CloudConfig c = builder(env("OS_CLOUD", "oslab", "OS_REGION_NAME", "RegionTwo"), dir)
                .build();

        assertEquals(Optional.of("RegionTwo"), c.region());
        assertEquals(
                "cloud 'oslab' in " + dir.resolve("clouds.yaml") + " and " + dir.resolve("secure.yaml")
                        + ", with OS_REGION_NAME from the environment",
                c.source());
    }

    @Test
    void region_builderEnvironmentAndFile_builderWins() {
        CloudConfig c = builder(env("OS_CLOUD", "oslab", "OS_REGION_NAME", "RegionTwo"), dir)
                .region("RegionThree")
                .build();

        assertEquals(Optional.of("RegionThree"), c.region());
        assertTrue(c.source().endsWith(", with builder settings"), c.source());
    }

    @Test
    void password_environmentOverSecureYaml() {
        CloudConfig c = builder(env("OS_CLOUD", "oslab", "OS_PASSWORD", "from-env"), dir)
                .build();

        assertEquals("from-env", c.auth().secret());
    }

    @Test
    void password_builderOverEnvironment() {
        CloudConfig c = builder(LAB_OPENRC, dir).password("from-builder").build();

        assertEquals("from-builder", c.auth().secret());
    }

    @Test
    void scope_projectIdInEnvironment_replacesProjectNameOfFile() {
        CloudConfig c =
                builder(env("OS_CLOUD", "oslab", "OS_PROJECT_ID", "p-1"), dir).build();

        assertEquals(Scope.projectId("p-1"), c.auth().scope());
    }

    @Test
    void scope_builderSystemScope_replacesProjectOfEnvironmentAndFile() {
        CloudConfig c = builder(env("OS_CLOUD", "oslab", "OS_PROJECT_NAME", "demo"), dir)
                .systemScope()
                .build();

        assertEquals(Scope.system(), c.auth().scope());
    }

    @Test
    void user_userIdInEnvironment_replacesUsernameOfFile() {
        CloudConfig c =
                builder(env("OS_CLOUD", "oslab", "OS_USER_ID", "u-1"), dir).build();

        assertEquals(Optional.of("u-1"), c.auth().userId());
        assertEquals(Optional.empty(), c.auth().username());
    }

    @Test
    void interface_environmentOverFile_andEndpointTypeFormAccepted() {
        CloudConfig c = builder(env("OS_CLOUD", "oslab", "OS_ENDPOINT_TYPE", "internalURL"), dir)
                .build();

        assertEquals(EndpointInterface.INTERNAL, c.endpointInterface());
    }

    @Test
    void authUrl_builderOverEnvironment() {
        CloudConfig c = builder(LAB_OPENRC, dir)
                .authUrl("https://keystone.example.com/v3")
                .build();

        assertEquals(URI.create("https://keystone.example.com/v3"), c.authUrl());
        assertEquals("environment and builder settings", c.source());
    }

    @Test
    void endpointOverride_builderOverEnvironmentOverFile() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: u, password: p}",
                "    compute_endpoint_override: http://file:8774/v2.1",
                "    image_endpoint_override: http://file:9292");
        Map<String, String> env = env(
                "OS_CLOUD",
                "lab",
                "OS_COMPUTE_ENDPOINT_OVERRIDE",
                "http://env:8774/v2.1",
                "OS_NETWORK_ENDPOINT_OVERRIDE",
                "http://env:9696");

        CloudConfig c = builder(env, dir)
                .endpointOverride("network", URI.create("http://builder:9696"))
                .build();

        assertEquals(
                Map.of(
                        "compute",
                        URI.create("http://env:8774/v2.1"),
                        "image",
                        URI.create("http://file:9292"),
                        "network",
                        URI.create("http://builder:9696")),
                c.endpointOverrides());
    }
}
