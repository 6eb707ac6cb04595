package dev.novasdk.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.error.TransportException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions against a stubbed Keystone: every method, scope, version, discovery form and catalog choice. */
class SessionTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    // The api-ref samples expire at 2015-11-07T02:58:43Z; the clock stands an hour before.
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.parse("2015-11-07T01:58:00Z"));

    private static final String PASSWORD = "devstacker-pw";

    private KeystoneAuth adminPassword() {
        return KeystoneAuth.password()
                .username("admin")
                .userDomainName("Default")
                .password(PASSWORD)
                .projectName("admin")
                .projectDomainName("Default")
                .build();
    }

    private Session.Builder session(String authPath, KeystoneAuth auth) {
        return Session.builder()
                .authUrl(wm.baseUrl() + authPath)
                .auth(auth)
                .clock(clock)
                .sleeper(d -> {});
    }

    private static void stubV3(String fixture, String token) {
        wm.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Subject-Token", token)
                        .withHeader("x-openstack-request-id", "req-auth")
                        .withBody(Fixtures.read("v3/responses/" + fixture))));
    }

    private static String keystoneRoot(String... versions) {
        StringBuilder sb = new StringBuilder("{\"versions\": {\"values\": [");
        for (int i = 0; i < versions.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\": \"")
                    .append(versions[i])
                    .append("\", \"status\": \"stable\", ")
                    .append("\"links\": [{\"rel\": \"self\", \"href\": \"")
                    .append(wm.baseUrl())
                    .append('/')
                    .append(versions[i].startsWith("v3") ? "v3" : "v2.0")
                    .append("/\"}]}");
        }
        return sb.append("]}}").toString();
    }

    @Test
    void token_v3PasswordProjectScope_sendsSampleShapedBodyAndReadsToken() {
        stubV3("project-scoped-password.json", "tok-1");
        try (Session s = session("/v3", adminPassword()).build()) {
            Token t = s.token();

            assertEquals("tok-1", t.id());
            assertEquals(Optional.of(Instant.parse("2015-11-07T02:58:43.578887Z")), t.expiresAt());
            assertEquals(Optional.of("admin"), t.project().flatMap(NamedRef::name));
            assertEquals(
                    Optional.of("Default"), t.user().flatMap(NamedRef::domain).flatMap(NamedRef::name));
            assertEquals(List.of("password"), t.methods());
            assertEquals("admin", t.roles().get(0).name().orElseThrow());
            assertEquals("v3", t.identityVersion());
            assertFalse(t.toString().contains("tok-1"), t.toString());
        }
        wm.verify(
                1,
                postRequestedFor(urlEqualTo("/v3/auth/tokens"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\", "
                                                + "\"domain\": {\"name\": \"Default\"}, \"password\": \"" + PASSWORD
                                                + "\"}}}, "
                                                + "\"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}}}}}")));
    }

    @Test
    void token_v3OtherScopesAndMethods_parseTheirSamples() {
        stubV3("domain-scoped-password.json", "d");
        try (Session s = session(
                        "/v3",
                        KeystoneAuth.password()
                                .userId("u")
                                .password(PASSWORD)
                                .domainId("default")
                                .build())
                .build()) {
            assertEquals(Optional.of("default"), s.token().domain().flatMap(NamedRef::id));
        }
        stubV3("system-scoped-password.json", "s");
        try (Session s = session(
                        "/v3",
                        KeystoneAuth.password()
                                .userId("u")
                                .password(PASSWORD)
                                .systemScope()
                                .build())
                .build()) {
            assertTrue(s.token().systemScoped());
        }
        stubV3("unscoped-password.json", "u");
        try (Session s = session(
                        "/v3",
                        KeystoneAuth.password()
                                .userId("u")
                                .password(PASSWORD)
                                .scope(Scope.unscoped())
                                .build())
                .build()) {
            assertTrue(s.token().project().isEmpty());
            assertTrue(s.token().catalog().services().isEmpty());
        }
        stubV3("project-scoped-token.json", "rescoped");
        try (Session s = session(
                        "/v3",
                        KeystoneAuth.token()
                                .tokenId("old-token")
                                .projectId("a6944d763bf64ee6a275f1263fae0352")
                                .build())
                .build()) {
            assertTrue(
                    s.token().methods().contains("token"), s.token().methods().toString());
        }
        clock.set(Instant.parse("2018-01-15T21:00:00Z"));
        stubV3("auth-application-credential-response.json", "ac");
        try (Session s = session(
                        "/v3",
                        KeystoneAuth.applicationCredential()
                                .id("423f19a4ac1e4f48bbb4180756e6eb6c")
                                .secret("rEaqvJka48mpv")
                                .build())
                .build()) {
            assertEquals(List.of("application_credential"), s.token().methods());
        }
    }

    @Test
    void token_v20PasswordWithTenant_usesV2AndCatalogUrlsAsGiven() {
        clock.set(Instant.parse("2014-01-31T10:00:00Z"));
        wm.stubFor(post(urlEqualTo("/v2.0/tokens"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("v2/authenticate-response.json"))));
        try (Session s = session(
                        "/v2.0",
                        KeystoneAuth.password()
                                .username("admin")
                                .password(PASSWORD)
                                .projectName("admin")
                                .build())
                .build()) {
            Token t = s.token();

            assertEquals("admin_id", t.id());
            assertEquals("v2.0", t.identityVersion());
            assertEquals(
                    Optional.of("73f0aa26640f4971864919d0eb0f0880"), t.project().flatMap(NamedRef::id));
            assertEquals(
                    URI.create("http://23.253.72.207:8774/v2/73f0aa26640f4971864919d0eb0f0880"), s.endpoint("compute"));
            assertEquals(
                    URI.create("http://23.253.72.207:8776/v2/73f0aa26640f4971864919d0eb0f0880"),
                    s.endpoint("block-storage"));
        }
        wm.verify(postRequestedFor(urlEqualTo("/v2.0/tokens"))
                .withRequestBody(equalToJson(
                        "{\"auth\": {\"tenantName\": \"admin\", \"passwordCredentials\": {\"username\": \"admin\", \"password\": \""
                                + PASSWORD + "\"}}}")));
    }

    @Test
    void token_eachAuthUrlForm_discoversTheVersion() {
        stubV3("lab-like-two-regions.json", "tok");
        wm.stubFor(get(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(300)
                        .withHeader("Content-Type", "application/json")
                        .withBody(keystoneRoot("v3.14"))));
        for (String form : List.of("", "/", "/v3", "/v3/")) {
            try (Session s = session(form, adminPassword()).build()) {
                assertEquals("v3", s.identityVersion(), form);
            }
        }
        wm.verify(2, getRequestedFor(urlEqualTo("/")));
        wm.verify(4, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
    }

    @Test
    void token_rootOffersOnlyV20_usesV20() {
        clock.set(Instant.parse("2014-01-31T10:00:00Z"));
        wm.stubFor(get(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(300)
                        .withHeader("Content-Type", "application/json")
                        .withBody(keystoneRoot("v2.0"))));
        wm.stubFor(post(urlEqualTo("/v2.0/tokens"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("v2/authenticate-response.json"))));
        try (Session s = session(
                        "",
                        KeystoneAuth.password()
                                .username("admin")
                                .password(PASSWORD)
                                .projectName("admin")
                                .build())
                .build()) {
            assertEquals("v2.0", s.identityVersion());
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/v2.0/tokens")));
    }

    @Test
    void resolve_catalogChoices_interfaceRegionAliasAndOverride() {
        clock.set(Instant.parse("2030-01-01T11:30:00Z"));
        stubV3("lab-like-two-regions.json", "tok");
        try (Session s = session("/v3", adminPassword()).region("RegionOne").build()) {
            assertEquals(URI.create("http://nova-one.example:8774/v2.1"), s.endpoint("compute"));
            assertEquals(
                    URI.create("http://nova-one.internal:8774/v2.1"),
                    s.resolve(EndpointQuery.builder("compute")
                            .endpointInterface(EndpointInterface.INTERNAL)
                            .build()));
            assertEquals(
                    URI.create("http://nova-one.admin:8774/v2.1"),
                    s.resolve(EndpointQuery.builder("compute")
                            .endpointInterface(EndpointInterface.ADMIN)
                            .build()));
            assertEquals(
                    URI.create("http://nova-two.example:8774/v2.1"),
                    s.resolve(
                            EndpointQuery.builder("compute").region("RegionTwo").build()));
            assertEquals(URI.create("http://glance.example:9292"), s.endpoint("image"));
            assertEquals(URI.create("http://cinder.example:8776/v3/p1"), s.endpoint("block-storage"));
            assertEquals(URI.create("http://cinder.example:8776/v3/p1"), s.endpoint("volumev3"));
            assertEquals(
                    URI.create("http://nova-one.example:8774/v2.1"),
                    s.resolve(
                            EndpointQuery.builder("compute").serviceName("nova").build()));
        }
        try (Session s = session("/v3", adminPassword())
                .endpointInterface(EndpointInterface.INTERNAL)
                .region("RegionOne")
                .endpointOverride("image", URI.create("http://override:9292"))
                .build()) {
            assertEquals(URI.create("http://nova-one.internal:8774/v2.1"), s.endpoint("compute"));
            assertEquals(URI.create("http://override:9292"), s.endpoint("image"));
        }
    }

    @Test
    void resolve_twoRegionsAndNoneChosen_ambiguityListsCandidates() {
        clock.set(Instant.parse("2030-01-01T11:30:00Z"));
        stubV3("lab-like-two-regions.json", "tok");
        try (Session s = session("/v3", adminPassword()).build()) {
            EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class, () -> s.endpoint("compute"));

            assertTrue(e.getMessage().contains("more than one compute/public endpoint"), e.getMessage());
            assertTrue(e.getMessage().contains("[RegionOne, RegionTwo]"), e.getMessage());
            assertEquals(2, e.candidates().size());
            assertEquals(URI.create("http://glance.example:9292"), s.endpoint("image"));
        }
    }

    @Test
    void resolve_noComputeInCatalog_listsTheTypesThatExist() {
        clock.set(Instant.parse("2030-01-01T11:30:00Z"));
        stubV3("no-compute.json", "tok");
        try (Session s = session("/v3", adminPassword()).build()) {
            EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class, () -> s.endpoint("compute"));

            assertEquals(
                    "no service of type compute in the service catalog; the types it has are [identity, image]",
                    e.getMessage());
            assertEquals(List.of("identity", "image"), e.candidates());
        }
    }

    @Test
    void token_closeToExpiry_refreshedBeforeUse() {
        clock.set(Instant.parse("2030-01-01T11:00:00Z"));
        stubV3("lab-like-two-regions.json", "tok");
        try (Session s = session("/v3", adminPassword()).build()) {
            Token first = s.token();
            assertSame(first, s.token());
            wm.verify(1, postRequestedFor(urlEqualTo("/v3/auth/tokens")));

            clock.set(Instant.parse("2030-01-01T11:58:30Z")); // 90 s before expiry, inside the 120 s skew
            s.token();

            wm.verify(2, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
        }
    }

    @Test
    void refresh_32ThreadsWithTheSameStaleToken_oneReauthentication() throws Exception {
        clock.set(Instant.parse("2030-01-01T11:00:00Z"));
        // Keystone issues a new id each time; a refresh that got the stale id back would rightly try again.
        for (String[] step : new String[][] {{Scenario.STARTED, "tok-1", "second"}, {"second", "tok-2", "third"}}) {
            wm.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                    .inScenario("ids")
                    .whenScenarioStateIs(step[0])
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("X-Subject-Token", step[1])
                            .withBody(Fixtures.read("v3/responses/lab-like-two-regions.json")))
                    .willSetStateTo(step[2]));
        }
        try (Session s = session("/v3", adminPassword()).build()) {
            Token stale = s.token();
            int threads = 32;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Token>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return s.refresh(stale);
                    }));
                }
                Token fresh = results.get(0).get();
                for (Future<Token> f : results) {
                    assertSame(fresh, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            wm.verify(2, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
            assertEquals("tok-2", s.token().id());
        }
    }

    @Test
    void token_wrongPassword_oneRequestThenAuthenticationExceptionWithKeystoneMessage() {
        wm.stubFor(post(urlEqualTo("/v3/auth/tokens"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("WWW-Authenticate", "Keystone uri=\"" + wm.baseUrl() + "\"")
                        .withHeader("x-openstack-request-id", "req-7f3a")
                        .withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
                                + "\"message\": \"The request you have made requires authentication.\"}}")));
        try (Session s = session("/v3", adminPassword()).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, s::token);

            assertEquals(Optional.of("req-7f3a"), e.requestId());
            assertEquals(Optional.of("The request you have made requires authentication."), e.serviceMessage());
            assertFalse(e.getMessage().contains(PASSWORD));
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
    }

    @Test
    void token_keystoneDown_transportExceptionNamingTheAuthUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Session s = Session.builder()
                .authUrl("http://127.0.0.1:" + port + "/v3")
                .auth(adminPassword())
                .sleeper(d -> {})
                .build()) {
            TransportException e = assertThrows(TransportException.class, s::token);

            assertEquals(TransportException.Kind.CONNECT_FAILED, e.kind());
            assertTrue(e.getMessage().contains("http://127.0.0.1:" + port + "/v3/auth/tokens"), e.getMessage());
        }
    }

    @Test
    void authUrl_portOutOfRange_failsNamingTheSettingAndTheRule() {
        // Accepted before, and then the first call failed inside the transport with a raw
        // IllegalArgumentException ("port out of range").
        for (String bad : new String[] {"http://127.0.0.1:99999/v3", "http://127.0.0.1:0/v3", "https://h:65536"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> Session.builder().authUrl(bad), bad);

            assertTrue(
                    e.getMessage()
                            .startsWith("authUrl must be an absolute http(s) URL with a host, and a port between 1"
                                    + " and 65535 if one is given"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("is out of range"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Session.builder().authUrl(URI.create(bad)), bad);
        }
        IllegalArgumentException override = assertThrows(IllegalArgumentException.class, () -> Session.builder()
                .endpointOverride("compute", URI.create("http://nova:123456/v2.1")));
        assertTrue(override.getMessage().startsWith("endpoint override for compute must be"), override.getMessage());
        assertEquals(
                5000,
                Session.builder()
                        .authUrl("http://h:5000/v3")
                        .auth(adminPassword())
                        .build()
                        .authUrl()
                        .getPort());
    }

    @Test
    void authUrl_userInfoInUrl_keptOutOfTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Session.builder()
                .authUrl("http://admin:" + PASSWORD + "@h:99999/v3"));

        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void build_missingSettings_failBeforeAnyRequest() {
        assertEquals(
                "authUrl is not set (OS_AUTH_URL)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Session.builder().auth(adminPassword()).build())
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Session.builder()
                        .authUrl("http://h/v3")
                        .auth(KeystoneAuth.password()
                                .username("u")
                                .password("p")
                                .build())
                        .build())
                .getMessage()
                .startsWith("user domain is not set"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> Session.builder().authUrl("keystone:5000"))
                .getMessage()
                .startsWith("authUrl must be an absolute http(s) URL"));
        assertFalse(Session.builder()
                .authUrl("http://h/v3")
                .auth(adminPassword())
                .build()
                .toString()
                .contains(PASSWORD));
        assertTrue(wm.getAllServeEvents().isEmpty());
    }
}
