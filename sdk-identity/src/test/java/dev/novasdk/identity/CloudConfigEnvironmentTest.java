package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.LAB_OPENRC;
import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.endpoint.EndpointInterface;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from OS_* variables alone, as after sourcing an openrc file. */
class CloudConfigEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void build_labOpenrc_v3PasswordScopedToProjectInDomain() {
        CloudConfig c = builder(LAB_OPENRC, dir).build();

        assertEquals(URI.create("http://127.0.0.1:5000/v3"), c.authUrl());
        KeystoneAuth auth = c.auth();
        assertEquals(KeystoneAuth.Method.PASSWORD, auth.method());
        assertEquals(Optional.of("admin"), auth.username());
        assertEquals(Optional.of(DomainRef.name("Default")), auth.userDomain());
        assertEquals("lab-admin-pw", auth.secret());
        assertEquals(Scope.projectName("admin", DomainRef.name("Default")), auth.scope());
        assertEquals(Optional.of("RegionOne"), c.region());
        assertEquals(EndpointInterface.PUBLIC, c.endpointInterface());
        assertEquals(Optional.empty(), c.cloudName());
        assertEquals("environment", c.source());
        assertFalse(c.insecure());
        assertTrue(c.endpointOverrides().isEmpty());
    }

    @Test
    void build_v2TenantName_projectScopeWithoutDomain() {
        // The seed-000 style openrc of a Keystone v2.0 cloud.
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v2.0",
                                "OS_USERNAME",
                                "demo",
                                "OS_PASSWORD",
                                "pw",
                                "OS_TENANT_NAME",
                                "demo",
                                "OS_REGION_NAME",
                                "RegionOne"),
                        dir)
                .build();

        assertEquals(Scope.projectName("demo"), c.auth().scope());
        assertEquals(Optional.empty(), c.auth().userDomain());
    }

    @Test
    void build_tenantIdAlias_projectIdScope() {
        CloudConfig c = builder(env(LAB_OPENRC, "OS_PROJECT_NAME", "", "OS_TENANT_ID", "0123abc"), dir)
                .build();

        assertEquals(Scope.projectId("0123abc"), c.auth().scope());
    }

    @Test
    void build_projectAndTenantNameDiffer_failsNamingBoth() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_TENANT_NAME", "demo"), dir)
                        .build());

        assertTrue(e.getMessage().contains("OS_PROJECT_NAME and OS_TENANT_NAME"), e.getMessage());
    }

    @Test
    void build_applicationCredentialWithType_applicationCredentialAuth() {
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_TYPE",
                                "v3applicationcredential",
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_APPLICATION_CREDENTIAL_ID",
                                "ac-1",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                "ac-secret",
                                "OS_REGION_NAME",
                                "RegionOne",
                                "OS_INTERFACE",
                                "public",
                                "OS_IDENTITY_API_VERSION",
                                "3"),
                        dir)
                .build();

        assertEquals(KeystoneAuth.Method.APPLICATION_CREDENTIAL, c.auth().method());
        assertEquals(Optional.of("ac-1"), c.auth().applicationCredentialId());
        assertEquals("ac-secret", c.auth().secret());
        assertEquals(Scope.userDefault(), c.auth().scope());
    }

    @Test
    void build_applicationCredentialWithoutType_preferredOverLeftoverPassword() {
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_PASSWORD",
                                "old",
                                "OS_APPLICATION_CREDENTIAL_NAME",
                                "ci",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                "s",
                                "OS_USERNAME",
                                "alice",
                                "OS_DEFAULT_DOMAIN",
                                "default"),
                        dir)
                .build();

        assertEquals(KeystoneAuth.Method.APPLICATION_CREDENTIAL, c.auth().method());
        assertEquals(Optional.of("ci"), c.auth().applicationCredentialName());
        assertEquals(Optional.of(DomainRef.id("default")), c.auth().userDomain());
    }

    @Test
    void build_applicationCredentialWithProjectScope_failsNamingTheScopeVariable() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_APPLICATION_CREDENTIAL_ID",
                                "ac-1",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                "s",
                                "OS_PROJECT_NAME",
                                "admin"),
                        dir)
                .build());

        assertTrue(e.getMessage().contains("OS_PROJECT_NAME"), e.getMessage());
    }

    @Test
    void build_token_tokenAuthWithProjectScope() {
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_TOKEN",
                                "gAAAA-token",
                                "OS_PROJECT_ID",
                                "p-1"),
                        dir)
                .build();

        assertEquals(KeystoneAuth.Method.TOKEN, c.auth().method());
        assertEquals("gAAAA-token", c.auth().secret());
        assertEquals(Scope.projectId("p-1"), c.auth().scope());
    }

    @Test
    void build_tokenAuthTypeWithoutToken_failsNamingOsToken() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_AUTH_TYPE", "v3token"), dir)
                        .build());

        assertEquals("OS_TOKEN is not set", e.getMessage());
    }

    @Test
    void build_systemScopeAll_systemScopeAndLeftoverProjectDomainIgnored() {
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_USERNAME",
                                "admin",
                                "OS_PASSWORD",
                                "pw",
                                "OS_USER_DOMAIN_ID",
                                "default",
                                "OS_PROJECT_DOMAIN_ID",
                                "default",
                                "OS_SYSTEM_SCOPE",
                                "all"),
                        dir)
                .build();

        assertEquals(Scope.system(), c.auth().scope());
    }

    @Test
    void build_systemScopeOtherThanAll_fails() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(LAB_OPENRC, "OS_PROJECT_NAME", "", "OS_SYSTEM_SCOPE", "region"), dir)
                .build());

        assertTrue(
                e.getMessage().startsWith("OS_SYSTEM_SCOPE: system scope 'region' is not supported"), e.getMessage());
    }

    @Test
    void build_domainName_domainScope() {
        CloudConfig c = builder(env(LAB_OPENRC, "OS_PROJECT_NAME", "", "OS_DOMAIN_NAME", "Default"), dir)
                .build();

        assertEquals(Scope.domainName("Default"), c.auth().scope());
    }

    @Test
    void build_projectIdAndDomainScope_failsNamingBothVariables() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(LAB_OPENRC, "OS_PROJECT_NAME", "", "OS_PROJECT_ID", "p-1", "OS_DOMAIN_ID", "default"), dir)
                .build());

        assertTrue(e.getMessage().contains("both a project id and a domain scope given"), e.getMessage());
        assertTrue(e.getMessage().contains("OS_PROJECT_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("OS_DOMAIN_ID"), e.getMessage());
    }

    @Test
    void build_defaultDomain_fillsUserAndProjectDomainIds() {
        CloudConfig c = builder(
                        env(
                                "OS_AUTH_URL",
                                "http://127.0.0.1:5000/v3",
                                "OS_USERNAME",
                                "admin",
                                "OS_PASSWORD",
                                "pw",
                                "OS_PROJECT_NAME",
                                "admin",
                                "OS_DEFAULT_DOMAIN",
                                "default"),
                        dir)
                .build();

        assertEquals(Optional.of(DomainRef.id("default")), c.auth().userDomain());
        assertEquals(
                Scope.projectName("admin", DomainRef.id("default")), c.auth().scope());
    }

    @Test
    void build_defaultDomainWithExplicitUserDomain_keepsTheUserDomain() {
        CloudConfig c =
                builder(env(LAB_OPENRC, "OS_DEFAULT_DOMAIN", "other"), dir).build();

        assertEquals(Optional.of(DomainRef.name("Default")), c.auth().userDomain());
        assertEquals(
                Scope.projectName("admin", DomainRef.name("Default")), c.auth().scope());
    }

    @Test
    void build_v3UserNameWithoutDomain_failsNamingTheVariables() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_USER_DOMAIN_NAME", ""), dir)
                        .build());

        assertTrue(e.getMessage().contains("OS_USER_DOMAIN_ID / OS_USER_DOMAIN_NAME"), e.getMessage());
    }

    @Test
    void build_blankVariables_treatedAsUnset() {
        CloudConfig c = builder(env(LAB_OPENRC, "OS_REGION_NAME", "  ", "OS_PROJECT_ID", ""), dir)
                .build();

        assertEquals(Optional.empty(), c.region());
        assertEquals(
                Scope.projectName("admin", DomainRef.name("Default")), c.auth().scope());
    }

    @Test
    void build_endpointOverrideVariable_byServiceType() {
        CloudConfig c = builder(
                        env(
                                LAB_OPENRC,
                                "OS_COMPUTE_ENDPOINT_OVERRIDE",
                                "http://127.0.0.1:8774/v2.1",
                                "OS_BLOCK_STORAGE_ENDPOINT_OVERRIDE",
                                "http://127.0.0.1:8776/v3"),
                        dir)
                .build();

        assertEquals(
                Map.of(
                        "compute",
                        URI.create("http://127.0.0.1:8774/v2.1"),
                        "block-storage",
                        URI.create("http://127.0.0.1:8776/v3")),
                c.endpointOverrides());
    }

    @Test
    void build_endpointOverrideNotAUrl_failsNamingTheVariable() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(LAB_OPENRC, "OS_COMPUTE_ENDPOINT_OVERRIDE", "nova:8774"), dir)
                .build());

        assertTrue(e.getMessage().startsWith("OS_COMPUTE_ENDPOINT_OVERRIDE: 'nova:8774'"), e.getMessage());
    }
}
