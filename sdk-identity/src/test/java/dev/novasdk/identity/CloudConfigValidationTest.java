package dev.novasdk.identity;

import static dev.novasdk.identity.TestClouds.LAB_OPENRC;
import static dev.novasdk.identity.TestClouds.builder;
import static dev.novasdk.identity.TestClouds.copySamples;
import static dev.novasdk.identity.TestClouds.env;
import static dev.novasdk.identity.TestClouds.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.endpoint.EndpointInterface;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings are checked when the configuration is built, with messages naming what is wrong. */
class CloudConfigValidationTest {
    @TempDir
    Path dir;

    @Test
    void build_nothingSet_namesEveryMissingVariable() {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(Map.of(), dir).build());

        assertTrue(
                e.getMessage()
                        .startsWith("OS_AUTH_URL is not set; OS_USERNAME (or OS_USER_ID) is not set; "
                                + "OS_PASSWORD is not set; set the OS_* variables"),
                e.getMessage());
    }

    @Test
    void build_noAuthUrl_failsWithOsAuthUrlIsNotSet() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_AUTH_URL", ""), dir)
                        .build());

        assertTrue(e.getMessage().startsWith("OS_AUTH_URL is not set"), e.getMessage());
    }

    @Test
    void build_noAuthUrlButCloudsYamlPresent_hintsAtOsCloud() {
        copySamples(dir);

        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(Map.of(), dir).build());

        assertTrue(
                e.getMessage()
                        .endsWith("no cloud is selected: set OS_CLOUD (or cloud(..)) to one of the clouds in "
                                + dir.resolve("clouds.yaml")),
                e.getMessage());
    }

    @Test
    void build_noPassword_failsWithOsPasswordIsNotSet() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_PASSWORD", ""), dir)
                        .build());

        assertEquals("OS_PASSWORD is not set", e.getMessage());
    }

    @Test
    void build_authUrlNotHttp_failsNamingTheVariable() {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_AUTH_URL", "127.0.0.1:5000/v3"), dir)
                        .build());

        assertTrue(e.getMessage().startsWith("OS_AUTH_URL: '127.0.0.1:5000/v3'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:99999/v3", "http://127.0.0.1:0/v3", "http://127.0.0.1:5000x/v3"})
    void build_authUrlWithInvalidPort_failsNamingTheVariableBeforeAnyRequest(String url) {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_AUTH_URL", url), dir)
                        .build());

        assertTrue(
                e.getMessage()
                        .startsWith("OS_AUTH_URL: '" + url + "' is not an absolute http(s) URL with a host and a"
                                + " valid port: "),
                e.getMessage());
    }

    @Test
    void build_unknownAuthType_failsNamingIt() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_AUTH_TYPE", "v3totp"), dir)
                        .build());

        assertTrue(e.getMessage().startsWith("OS_AUTH_TYPE: auth type 'v3totp' is not supported"), e.getMessage());
    }

    @Test
    void build_v2AuthTypeWithV3Url_fails() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(LAB_OPENRC, "OS_AUTH_TYPE", "v2password", "OS_IDENTITY_API_VERSION", ""), dir)
                .build());

        assertEquals(
                "auth type 'v2password' (OS_AUTH_TYPE) needs Keystone v2.0 but the auth URL (OS_AUTH_URL) is v3",
                e.getMessage());
    }

    @Test
    void build_identityApiVersionContradictsUrl_fails() {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_IDENTITY_API_VERSION", "2"), dir)
                        .build());

        assertTrue(
                e.getMessage()
                        .startsWith("identity API version '2' (OS_IDENTITY_API_VERSION) contradicts the auth " + "URL"),
                e.getMessage());
    }

    @Test
    void build_applicationCredentialOnV2Url_fails() {
        CloudConfigException e = assertThrows(CloudConfigException.class, () -> builder(
                        env(
                                "OS_AUTH_URL",
                                "http://h:5000/v2.0",
                                "OS_APPLICATION_CREDENTIAL_ID",
                                "a",
                                "OS_APPLICATION_CREDENTIAL_SECRET",
                                "s"),
                        dir)
                .build());

        assertTrue(e.getMessage().startsWith("application credentials need Keystone v3"), e.getMessage());
        assertTrue(e.getMessage().contains("OS_AUTH_URL"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "public,PUBLIC",
        "publicURL,PUBLIC",
        "internal,INTERNAL",
        "internalURL,INTERNAL",
        "admin,ADMIN",
        "adminURL,ADMIN"
    })
    void endpointInterface_osInterfaceForms_parsed(String value, EndpointInterface expected) {
        assertEquals(
                expected,
                builder(env(LAB_OPENRC, "OS_INTERFACE", value), dir).build().endpointInterface());
    }

    @Test
    void endpointInterface_interfaceAndEndpointTypeAgree_accepted() {
        CloudConfig c = builder(env(LAB_OPENRC, "OS_INTERFACE", "internal", "OS_ENDPOINT_TYPE", "internalURL"), dir)
                .build();

        assertEquals(EndpointInterface.INTERNAL, c.endpointInterface());
    }

    @Test
    void endpointInterface_interfaceAndEndpointTypeDiffer_fails() {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_ENDPOINT_TYPE", "adminURL"), dir)
                        .build());

        assertEquals(
                "OS_INTERFACE and OS_ENDPOINT_TYPE are both set and differ ('public' and 'adminURL'); set only one",
                e.getMessage());
    }

    @Test
    void endpointInterface_unknown_failsNamingTheVariable() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_INTERFACE", "private"), dir)
                        .build());

        assertTrue(
                e.getMessage().startsWith("OS_INTERFACE: interface must be public, internal or admin"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "yes", "TRUE"})
    void insecure_osInsecureTrueForms_true(String value) {
        assertTrue(builder(env(LAB_OPENRC, "OS_INSECURE", value), dir).build().insecure());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "no"})
    void insecure_osInsecureFalseForms_false(String value) {
        assertFalse(builder(env(LAB_OPENRC, "OS_INSECURE", value), dir).build().insecure());
    }

    @Test
    void insecure_notABoolean_failsNamingTheVariable() {
        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_INSECURE", "maybe"), dir)
                        .build());

        assertEquals("OS_INSECURE: 'maybe' is not a boolean; use true or false", e.getMessage());
    }

    @Test
    void insecure_verifyFalseInCloudsYaml_true() {
        write(dir.resolve("clouds.yaml"), "clouds: {lab: {verify: false, auth: {auth_url: 'https://h/v3', token: t}}}");

        assertTrue(builder(Map.of(), dir).cloud("lab").build().insecure());
    }

    @Test
    void insecure_environmentFalseOverridesVerifyFalse() {
        write(dir.resolve("clouds.yaml"), "clouds: {lab: {verify: no, auth: {auth_url: 'https://h/v3', token: t}}}");

        assertFalse(
                builder(env("OS_INSECURE", "false"), dir).cloud("lab").build().insecure());
    }

    @Test
    void tls_certificateFiles_exposedAsPaths() {
        Path ca = write(dir.resolve("ca.pem"), "ca");
        Path cert = write(dir.resolve("client.pem"), "cert");
        Path key = write(dir.resolve("client.key"), "key");

        CloudConfig c = builder(
                        env(
                                LAB_OPENRC,
                                "OS_CACERT",
                                ca.toString(),
                                "OS_CERT",
                                cert.toString(),
                                "OS_KEY",
                                key.toString()),
                        dir)
                .build();

        assertEquals(Optional.of(ca), c.caCert());
        assertEquals(Optional.of(cert), c.clientCert());
        assertEquals(Optional.of(key), c.clientKey());
    }

    @Test
    void tls_cacertFromCloudsYaml_exposed() {
        Path ca = write(dir.resolve("ca.pem"), "ca");
        write(
                dir.resolve("clouds.yaml"),
                "clouds: {lab: {cacert: '" + ca + "', auth: {auth_url: 'https://h/v3', " + "token: t}}}");

        assertEquals(
                Optional.of(ca), builder(Map.of(), dir).cloud("lab").build().caCert());
    }

    @Test
    void tls_cacertMissing_failsNamingTheVariable() {
        Path missing = dir.resolve("no-such-ca.pem");

        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_CACERT", missing.toString()), dir)
                        .build());

        assertEquals("OS_CACERT names " + missing + ", which is not a readable file", e.getMessage());
    }

    @Test
    void tls_keyWithoutCertificate_fails() {
        Path key = write(dir.resolve("client.key"), "key");

        CloudConfigException e =
                assertThrows(CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_KEY", key.toString()), dir)
                        .build());

        assertTrue(e.getMessage().startsWith("OS_KEY is set but there is no client certificate"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2.79,2.79", "2.1,2.1", "2,2", "latest,latest", "LATEST,latest"})
    void computeApiVersion_validForms_accepted(String value, String expected) {
        assertEquals(
                Optional.of(expected),
                builder(env(LAB_OPENRC, "OS_COMPUTE_API_VERSION", value), dir)
                        .build()
                        .computeApiVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.x", "v2.1", "2.01", "two"})
    void computeApiVersion_invalidForms_failNamingTheVariable(String value) {
        CloudConfigException e = assertThrows(
                CloudConfigException.class, () -> builder(env(LAB_OPENRC, "OS_COMPUTE_API_VERSION", value), dir)
                        .build());

        assertTrue(
                e.getMessage().startsWith("OS_COMPUTE_API_VERSION: '" + value + "' is not a compute API version"),
                e.getMessage());
    }

    @Test
    void computeApiVersion_unset_empty() {
        assertEquals(Optional.empty(), builder(LAB_OPENRC, dir).build().computeApiVersion());
    }

    @Test
    void builder_blankExplicitSetting_rejectedNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CloudConfig.builder().region(" "));

        assertEquals("region must not be blank", e.getMessage());
    }

    @Test
    void build_immutable_laterBuilderChangesDoNotAffectBuiltConfig() {
        CloudConfig.Builder b = builder(LAB_OPENRC, dir);
        CloudConfig first = b.build();

        b.region("RegionTwo");

        assertEquals(Optional.of("RegionOne"), first.region());
        assertEquals(Optional.of("RegionTwo"), b.build().region());
    }
}
