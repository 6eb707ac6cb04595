package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.copySamples;
import static dev.novasdk.identity.TestClouds.env;
import static dev.novasdk.identity.TestClouds.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.endpoint.EndpointInterface;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from a cloud in clouds.yaml, with secure.yaml merged over it. */
class CloudConfigCloudsYamlTest {
    @TempDir
    Path dir;

    @Test
    void build_cloudByName_settingsFromCloudsYamlAndPasswordFromSecureYaml() {
        copySamples(dir);

        CloudConfig c = builder(Map.of(), dir).cloud("oslab-demo").build();

        assertEquals(Optional.of("oslab-demo"), c.cloudName());
        assertEquals(URI.create("http://127.0.0.1:5000/v3"), c.authUrl());
        assertEquals(Optional.of("demo"), c.auth().username());
        assertEquals(Optional.of(DomainRef.name("Default")), c.auth().userDomain());
        assertEquals("demo-lab-secret", c.auth().secret());
        assertEquals(
                Scope.projectName("demo", DomainRef.name("Default")), c.auth().scope());
        assertEquals(Optional.of("RegionOne"), c.region());
        assertEquals(EndpointInterface.PUBLIC, c.endpointInterface());
        assertEquals(
                "cloud 'oslab-demo' in " + dir.resolve("clouds.yaml") + " and " + dir.resolve("secure.yaml"),
                c.source());
    }

    @Test
    void build_cloudFromOsCloud_selectsThatCloud() {
        copySamples(dir);

        CloudConfig c = builder(env("OS_CLOUD", "oslab"), dir).build();

        assertEquals(Optional.of("oslab"), c.cloudName());
        assertEquals(Optional.of("admin"), c.auth().username());
        assertEquals("admin-lab-secret", c.auth().secret());
    }

    @Test
    void build_builderCloud_winsOverOsCloud() {
        copySamples(dir);

        CloudConfig c =
                builder(env("OS_CLOUD", "oslab"), dir).cloud("oslab-demo").build();

        assertEquals(Optional.of("oslab-demo"), c.cloudName());
    }

    @Test
    void build_osClientConfigFile_readsThatFileAndItsSecureYaml() {
        Path elsewhere = dir.resolve("elsewhere");
        Path searched = dir.resolve("searched");
        write(searched.resolve("clouds.yaml"), "clouds: {}");
        write(
                elsewhere.resolve("my-clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://10.0.0.5:5000/v3', user_id: u-1}");
        write(elsewhere.resolve("secure.yaml"), "clouds: {lab: {auth: {password: pw}}}");

        CloudConfig c = builder(
                        env(
                                "OS_CLOUD",
                                "lab",
                                "OS_CLIENT_CONFIG_FILE",
                                elsewhere.resolve("my-clouds.yaml").toString()),
                        searched)
                .build();

        assertEquals(URI.create("http://10.0.0.5:5000/v3"), c.authUrl());
        assertEquals(Optional.of("u-1"), c.auth().userId());
        assertEquals("pw", c.auth().secret());
    }

    @Test
    void build_osClientConfigFileMissing_failsNamingIt() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(
                                "OS_CLOUD",
                                "lab",
                                "OS_CLIENT_CONFIG_FILE",
                                dir.resolve("nope.yaml").toString()),
                        dir)
                .build());

        assertTrue(
                e.getMessage().startsWith("OS_CLIENT_CONFIG_FILE names " + dir.resolve("nope.yaml")), e.getMessage());
    }

    @Test
    void build_searchPaths_firstDirectoryWithACloudsYamlWins() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        write(
                first.resolve("clouds.yml"),
                "clouds: {lab: {auth: {auth_url: 'http://first:5000/v3', user_id: u, " + "password: p}}}");
        write(
                second.resolve("clouds.yaml"),
                "clouds: {lab: {auth: {auth_url: 'http://second:5000/v3', user_id: u, " + "password: p}}}");

        CloudConfig c = CloudConfig.builder()
                .environment(Map.of())
                .searchPaths(List.of(dir.resolve("none"), first, second))
                .cloud("lab")
                .build();

        assertEquals("first", c.authUrl().getHost());
    }

    @Test
    void build_explicitConfigFile_usedInsteadOfSearch() {
        copySamples(dir);
        Path other = write(
                dir.resolve("sub/other.yaml"),
                "clouds: {x: {auth: {auth_url: 'http://other:5000/v3', " + "token: t}}}");

        CloudConfig c = builder(Map.of(), dir).configFile(other).cloud("x").build();

        assertEquals("other", c.authUrl().getHost());
        assertEquals(KeystoneAuth.Method.TOKEN, c.auth().method());
    }

    @Test
    void build_cloudNotDefined_listsDefinedCloudsAndFiles() {
        copySamples(dir);

        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env("OS_CLOUD", "oslab-admin"), dir)
                        .build());

        assertEquals(
                "cloud 'oslab-admin' (OS_CLOUD) is not defined in " + dir.resolve("clouds.yaml") + " and "
                        + dir.resolve("secure.yaml") + "; defined clouds: oslab, oslab-demo",
                e.getMessage());
    }

    @Test
    void build_cloudSelectedButNoCloudsYaml_failsNamingTheSearchedDirectories() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(env("OS_CLOUD", "oslab"), dir)
                .build());

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "cloud 'oslab' is selected (OS_CLOUD) but no clouds.yaml was found in [" + dir + "]"),
                e.getMessage());
    }

    @Test
    void build_malformedYaml_failsNamingFileAndLineWithoutQuotingIt() {
        Path file = write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  oslab:",
                "    auth:",
                "      password: \"unterminated-secret-value",
                "      username: admin");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("oslab").build());

        assertTrue(e.getMessage().startsWith("malformed YAML in " + file + " at line "), e.getMessage());
        assertEquals(Optional.of(file), e.file());
        assertTrue(e.line().isPresent());
        assertFalse(e.getMessage().contains("unterminated-secret-value"), e.getMessage());
        assertEquals(null, e.getCause());
    }

    @Test
    void build_badIndentation_reportsOneBasedLine() {
        Path file = write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  oslab:",
                "    region_name: RegionOne",
                "   interface: public");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("oslab").build());

        assertEquals(OptionalInt.of(4), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(file + " at line 4, column 4"), e.getMessage());
    }

    @Test
    void build_cloudsIsAList_failsNamingFileAndKey() {
        Path file = write(dir.resolve("clouds.yaml"), "# comment", "clouds: [1, 2]");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("oslab").build());

        assertEquals(
                "clouds in " + file + " line 2 must be a mapping of cloud names to their settings, got a list",
                e.getMessage());
    }

    @Test
    void build_authIsNotAMapping_failsNamingFileAndKey() {
        Path file = write(dir.resolve("clouds.yaml"), "clouds:", "  oslab:", "    auth: http://127.0.0.1:5000/v3");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("oslab").build());

        assertEquals("clouds.oslab.auth in " + file + " line 3 must be a mapping, got a single value", e.getMessage());
    }

    @Test
    void build_duplicateKey_failsNamingTheLine() {
        Path file =
                write(dir.resolve("clouds.yaml"), "clouds:", "  oslab:", "    region_name: A", "    region_name: B");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("oslab").build());

        assertEquals(file + " line 4: duplicate key 'region_name'", e.getMessage());
    }

    @Test
    void build_anchorsAndMergeKeys_sharedSettingsAppliedAndOverridable() {
        write(
                dir.resolve("clouds.yaml"),
                "base: &base",
                "  region_name: RegionOne",
                "  interface: internal",
                "clouds:",
                "  lab:",
                "    <<: *base",
                "    interface: admin",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: u, password: p}");

        CloudConfig c = builder(Map.of(), dir).cloud("lab").build();

        assertEquals(Optional.of("RegionOne"), c.region());
        assertEquals(EndpointInterface.ADMIN, c.endpointInterface());
    }

    @Test
    void build_scalarsKeepTheirText_computeVersionAndLeadingZeros() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: 0123, password: 12345, project_id: 007}",
                "    compute_api_version: 2.10");

        CloudConfig c = builder(Map.of(), dir).cloud("lab").build();

        assertEquals(Optional.of("2.10"), c.computeApiVersion());
        assertEquals(Optional.of("0123"), c.auth().userId());
        assertEquals("12345", c.auth().secret());
        assertEquals(Scope.projectId("007"), c.auth().scope());
    }

    @Test
    void build_singleRegionListed_usedAsRegion() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: u, password: p}",
                "    regions:",
                "      - name: RegionOne",
                "        values: {}");

        assertEquals(
                Optional.of("RegionOne"),
                builder(Map.of(), dir).cloud("lab").build().region());
    }

    @Test
    void build_regionNotAmongListedRegions_failsListingThem() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: u, password: p}",
                "    regions: [RegionOne, RegionTwo]");

        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env("OS_REGION_NAME", "RegionThree"), dir)
                        .cloud("lab")
                        .build());

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "OS_REGION_NAME: region 'RegionThree' is not one of the regions of cloud " + "'lab'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": RegionOne, RegionTwo"), e.getMessage());
    }

    @Test
    void build_endpointOverrideKeys_byServiceType() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds:",
                "  lab:",
                "    auth: {auth_url: 'http://127.0.0.1:5000/v3', user_id: u, password: p}",
                "    compute_endpoint_override: http://127.0.0.1:8774/v2.1",
                "    block_storage_endpoint_override: http://127.0.0.1:8776/v3");

        CloudConfig c = builder(Map.of(), dir).cloud("lab").build();

        assertEquals(
                Map.of(
                        "compute",
                        URI.create("http://127.0.0.1:8774/v2.1"),
                        "block-storage",
                        URI.create("http://127.0.0.1:8776/v3")),
                c.endpointOverrides());
    }

    @Test
    void build_missingAuthUrlInCloud_failsNamingKeyCloudAndFile() {
        Path file = write(dir.resolve("clouds.yaml"), "clouds: {lab: {auth: {user_id: u, password: p}}}");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("lab").build());

        assertEquals("auth.auth_url is not set for cloud 'lab' in " + file + " (nor is OS_AUTH_URL)", e.getMessage());
    }

    @Test
    void build_missingPasswordInCloud_failsNamingTheKey() {
        Path file = write(
                dir.resolve("clouds.yaml"), "clouds: {lab: {auth: {auth_url: 'http://h:5000/v3', " + "user_id: u}}}");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("lab").build());

        assertEquals("auth.password is not set for cloud 'lab' in " + file + " (nor is OS_PASSWORD)", e.getMessage());
    }

    @Test
    void build_tenantNameAndDashedKeys_accepted() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds: {lab: {auth: {auth-url: 'http://h:5000/v2.0', username: u, "
                        + "password: p, tenant_name: demo}}}");

        CloudConfig c = builder(Map.of(), dir).cloud("lab").build();

        assertEquals(Scope.projectName("demo"), c.auth().scope());
        assertEquals("h", c.authUrl().getHost());
    }

    @Test
    void build_unknownAuthType_failsNamingIt() {
        write(
                dir.resolve("clouds.yaml"),
                "clouds: {lab: {auth_type: v3oidcpassword, auth: {auth_url: 'http://h/v3'}}}");

        CloudConfigException e = assertThrows(
                CloudConfigException.class,
                () -> builder(Map.of(), dir).cloud("lab").build());

        assertTrue(e.getMessage().contains("auth type 'v3oidcpassword' is not supported"), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("clouds.lab.auth_type in " + dir.resolve("clouds.yaml") + " line 1"),
                e.getMessage());
    }

    @Test
    void build_cloudOnlyInSecureYaml_found() {
        write(dir.resolve("secure.yaml"), "clouds: {lab: {auth: {auth_url: 'http://h:5000/v3', token: t}}}");

        CloudConfig c = builder(Map.of(), dir).cloud("lab").build();

        assertEquals(KeystoneAuth.Method.TOKEN, c.auth().method());
    }
}
