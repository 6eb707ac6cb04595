package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.servers.BlockDeviceMappingV2;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUpdate;
import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.endpoint.EndpointQuery;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.KeystoneAuth;
import dev.novasdk.identity.NamedRef;
import dev.novasdk.identity.Scope;
import dev.novasdk.identity.Session;
import dev.novasdk.identity.Token;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios, run against a real cloud ({@link RealCloudAcceptanceIT}) and against
 * {@code FakeCloud} ({@link FakeCloudAcceptanceIT}) so that both are held to the same behaviour. Every
 * server a test boots is deleted afterwards, even when the test fails.
 */
abstract class AcceptanceSuite extends CloudSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CountingTransport transport;
    private CloudConfig config;

    @Override
    Session.Builder newSession(CloudConfig cloudConfig) {
        config = cloudConfig;
        transport = new CountingTransport();
        return sessionBuilder(cloudConfig).transport(transport);
    }

    @Override
    void disconnecting() {
        transport.close();
    }

    private ComputeClient client(Session s) {
        return computeBuilder(s).build();
    }

    private static String name(String what) {
        return "novasdk-it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Server boot(ComputeClient client, ServerCreate.Builder create) {
        Server s = client.servers().create(create.build());
        track(s.id());
        return s;
    }

    private ServerCreate.Builder tinyCirros(String name) {
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        return ServerCreate.builder().name(name).image(cirros).flavor(tiny).networksNone();
    }

    private URI identity(String path) {
        String base = session.endpoint("identity").toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    private JsonNode identityCall(HttpMethod method, URI uri, String body, String subjectToken) throws IOException {
        try (HttpPipeline admin = HttpPipeline.builder()
                .transport(transport)
                .tokenProvider(session)
                .build()) {
            HttpRequest.Builder b = HttpRequest.builder(method, uri);
            if (body != null) {
                b.body(RequestBody.json(body));
            }
            if (subjectToken != null) {
                b.header("X-Subject-Token", subjectToken);
            }
            HttpResponse r = admin.send(b.build());
            return r.bodyLength() == 0 ? JSON.nullNode() : JSON.readTree(r.body());
        }
    }

    // ------------------------------------------------------------------------------------------ identity

    @Test
    void identity_passwordWithProjectScope_tokenCarriesProjectAndCatalog() {
        Token t = session.token();

        assertTrue(t.project().flatMap(NamedRef::id).isPresent());
        assertTrue(t.expiresAt().isPresent());
        assertTrue(
                t.catalog().serviceTypes().containsAll(List.of("compute", "image", "identity")),
                t.catalog().toString());
        assertFalse(t.toString().contains(t.id()));
    }

    @Test
    void identity_domainScope_afterARoleOnTheDomain() throws IOException {
        Token t = session.token();
        String userId = t.user().flatMap(NamedRef::id).orElseThrow();
        String domainId =
                t.project().flatMap(NamedRef::domain).flatMap(NamedRef::id).orElseThrow();
        String roleId = t.roles().get(0).id().orElseThrow();
        identityCall(
                HttpMethod.PUT, identity("domains/" + domainId + "/users/" + userId + "/roles/" + roleId), null, null);

        try (Session domainScoped = config.toSessionBuilder()
                .auth(config.auth().withScope(Scope.domainId(domainId)))
                .build()) {
            assertEquals(Optional.of(domainId), domainScoped.token().domain().flatMap(NamedRef::id));
            assertTrue(domainScoped.token().project().isEmpty());
        }
    }

    @Test
    void identity_tokenRescoping_sameProjectThroughTheTokenMethod() {
        Token original = session.token();
        String projectId = original.project().flatMap(NamedRef::id).orElseThrow();
        try (Session rescoped = config.toSessionBuilder()
                .auth(KeystoneAuth.token()
                        .tokenId(original.id())
                        .projectId(projectId)
                        .build())
                .build()) {
            Token t = rescoped.token();

            assertTrue(t.methods().contains("token"), t.methods().toString());
            assertEquals(Optional.of(projectId), t.project().flatMap(NamedRef::id));
            assertNotEquals(original.id(), t.id());
        }
    }

    @Test
    void identity_applicationCredential_createdUsedForComputeAndDeleted() throws IOException {
        String userId = session.token().user().flatMap(NamedRef::id).orElseThrow();
        JsonNode created = identityCall(
                        HttpMethod.POST,
                        identity("users/" + userId + "/application_credentials"),
                        "{\"application_credential\": {\"name\": \"" + name("ac") + "\"}}",
                        null)
                .get("application_credential");
        String id = created.get("id").asText();
        try (Session ac = config.toSessionBuilder()
                        .auth(KeystoneAuth.applicationCredential()
                                .id(id)
                                .secret(created.get("secret").asText())
                                .build())
                        .build();
                ComputeClient acNova = client(ac)) {
            assertEquals(List.of("application_credential"), ac.token().methods());
            assertEquals(
                    session.token().project().flatMap(NamedRef::id),
                    ac.token().project().flatMap(NamedRef::id));
            assertTrue(acNova.flavors().find("m1.tiny").isPresent());
        } finally {
            identityCall(HttpMethod.DELETE, identity("users/" + userId + "/application_credentials/" + id), null, null);
        }
    }

    @Test
    void identity_revokedToken_nextComputeCallReauthenticatesExactlyOnce() throws IOException {
        CountingTransport counting = new CountingTransport();
        try (Session own = config.toSessionBuilder()
                        .transport(counting)
                        .sleeper(cloud.sleeper())
                        .clock(cloud.clock())
                        .build();
                ComputeClient ownNova = client(own)) {
            String tinyId = ownNova.flavors().find("m1.tiny").orElseThrow().id();
            Token stale = own.token();
            assertEquals(1, counting.authentications());

            identityCall(HttpMethod.DELETE, identity("auth/tokens"), null, stale.id());
            Flavor again = ownNova.flavors().get(tinyId);

            assertEquals(tinyId, again.id());
            assertEquals(2, counting.authentications());
            assertNotEquals(stale.id(), own.token().id());
        } finally {
            counting.close();
        }
    }

    @Test
    void identity_computeAndImageEndpoints_resolveOnEveryInterface() {
        for (EndpointInterface iface : EndpointInterface.values()) {
            URI compute = session.resolve(
                    EndpointQuery.builder("compute").endpointInterface(iface).build());
            URI image = session.resolve(
                    EndpointQuery.builder("image").endpointInterface(iface).build());
            assertTrue(compute.isAbsolute() && image.isAbsolute(), iface + ": " + compute + " " + image);
        }
    }

    // ------------------------------------------------------------------------------------------- compute

    @Test
    void compute_negotiation_reportsTheCloudsMaximumUpToTheSdks() {
        Assumptions.assumeTrue(config.computeApiVersion().isEmpty(), "a microversion is pinned");
        Microversion cloudMax = nova.cloudMaxMicroversion();
        Microversion expected = cloudMax.compareTo(ComputeClient.SDK_MAX_MICROVERSION) < 0
                ? cloudMax
                : ComputeClient.SDK_MAX_MICROVERSION;

        assertEquals(expected, nova.microversion());
    }

    @Test
    void compute_flavorsAndImages_listedAndFoundByName() {
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        assertEquals(Optional.of(0), tiny.swapMb());
        assertTrue(nova.flavors().list().stream().anyMatch(f -> f.id().equals(tiny.id())));
        Image cirros = nova.images().find("cirros").orElseThrow();
        assertEquals(cirros.id(), nova.images().get(cirros.id()).id());
        assertTrue(nova.images().list().stream().anyMatch(i -> i.id().equals(cirros.id())));
    }

    @Test
    void compute_seed000SwapLargerThanTheFlavor_novasBadRequestWithRequestId() {
        int before = transport.creates();
        BadRequestException e = assertThrows(
                BadRequestException.class,
                () -> boot(nova, tinyCirros(name("swap")).addBlockDeviceMappings(BlockDeviceMappingV2.swap(100))));

        assertEquals(Optional.of("Swap drive requested is larger than instance type allows."), e.serviceMessage());
        assertTrue(e.requestId().orElse("").startsWith("req-"), e.getMessage());
        assertEquals(before + 1, transport.creates());
    }

    @Test
    void compute_bootWaitGetFindUpdateDelete_fullLifecycle() {
        String name = name("life");
        Server created = boot(nova, tinyCirros(name));
        assertTrue(created.adminPass().isPresent());
        List<String> progress = new ArrayList<>();

        Server active = nova.servers()
                .waitForStatus(
                        created.id(),
                        ServerStatus.ACTIVE,
                        cloud.waits(),
                        s -> progress.add(s.status() + "/" + s.taskStateRaw().orElse("-")));

        assertEquals(ServerStatus.ACTIVE, active.status());
        assertFalse(progress.isEmpty());
        assertEquals(Optional.of(name), nova.servers().get(created.id()).name());
        assertEquals(created.id(), nova.servers().find(name).orElseThrow().id());
        String renamed = name + "-renamed";
        assertEquals(
                Optional.of(renamed),
                nova.servers()
                        .update(
                                created.id(),
                                ServerUpdate.builder().name(renamed).build())
                        .name());
        assertEquals(created.id(), nova.servers().find(renamed).orElseThrow().id());

        nova.servers().delete(created.id());
        nova.servers().waitForDelete(created.id(), cloud.waits());
        // Gone: not merely DELETED, which Nova shows for seconds before the 404.
        NotFoundException gone =
                assertThrows(NotFoundException.class, () -> nova.servers().get(created.id()));
        assertTrue(gone.requestId().isPresent());
    }

    @Test
    void compute_multiCreateListedOnePerPageAtOnce_everyServerExactlyOnce_fiveTimes() {
        // Right after a multi-create Nova still lists the servers as build requests, and paging one per page
        // repeats them (all three twice) or repeats a next link; the listing must still yield each once.
        for (int round = 1; round <= 5; round++) {
            String reservation = nova.servers()
                    .createReservation(tinyCirros(name("multi" + round))
                            .minCount(3)
                            .maxCount(3)
                            .build());
            List<List<String>> pages = new ArrayList<>();
            nova.servers()
                    .list(ServerListOptions.builder()
                            .reservationId(reservation)
                            .limit(1)
                            .build())
                    .byPage()
                    .forEach(p -> pages.add(p.items().stream().map(Server::id).collect(Collectors.toList())));
            List<String> ids = pages.stream().flatMap(List::stream).collect(Collectors.toList());
            ids.forEach(this::track);
            System.out.println(getClass().getSimpleName() + " multi-create round " + round + ": " + ids.size()
                    + " servers in " + pages.size() + " pages " + pages);

            assertEquals(3, ids.size(), pages.toString());
            assertEquals(3, ids.stream().distinct().count(), pages.toString());
            // The same three, once built, listed in one go.
            List<String> settled = new ArrayList<>();
            for (String id : ids) {
                nova.servers().waitForStatus(id, ServerStatus.ACTIVE, cloud.waits());
            }
            nova.servers()
                    .list(ServerListOptions.builder().reservationId(reservation).build())
                    .forEach(s -> settled.add(s.id()));
            assertEquals(
                    ids.stream().sorted().collect(Collectors.toList()),
                    settled.stream().sorted().collect(Collectors.toList()));
            // Free the quota before the next round.
            deleteWhatWasBooted();
        }
    }

    @Test
    void compute_fieldTheCloudsVersionDoesNotAccept_failsBeforeSending() {
        Microversion used = nova.microversion();
        Assumptions.assumeTrue(used.compareTo(Microversion.of(2, 94)) < 0, "the cloud accepts FQDN hostnames");
        int before = transport.creates();

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> boot(nova, tinyCirros(name("fqdn")).hostname("vm1.example.com")));

        assertTrue(e.getMessage().contains("hostname"), e.getMessage());
        assertEquals(before, transport.creates());
    }

    @Test
    void compute_keypairUsedAtBoot() {
        Optional<String> first =
                nova.keypairs().list().stream().map(Keypair::name).findFirst();
        Assumptions.assumeTrue(first.isPresent(), "the user has no keypair");
        String keyName = first.get();
        Server created = boot(nova, tinyCirros(name("key")).keyName(keyName));

        Server active = nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, cloud.waits());

        assertEquals(Optional.of(keyName), active.keyName());
    }

    @Test
    void concurrency_eightThreadsBootAndDeleteTwiceWithOneClientUnderAQuotaOfTen_oneAuthentication() throws Exception {
        // Real Nova counts a server against the quota until it 404s, for seconds after it reads DELETED: with
        // 8 threads booting their second server as soon as the first reads DELETED, a quota of 10 overflows
        // (403 Quota exceeded for instances). waitForDelete waits for the 404, so at most 8 servers exist.
        JsonNode absolute = computeGet("/limits").get("limits").get("absolute");
        assertEquals(10, absolute.get("maxTotalInstances").asInt(), "the project's instance quota: " + absolute);
        assertEquals(0, absolute.get("totalInstancesUsed").asInt(), "servers left in the project: " + absolute);
        CountingTransport counting = new CountingTransport();
        try (Session shared = config.toSessionBuilder()
                        .transport(counting)
                        .sleeper(cloud.sleeper())
                        .clock(cloud.clock())
                        .build();
                ComputeClient sharedNova = client(shared)) {
            Image cirros = sharedNova.images().find("cirros").orElseThrow();
            Flavor tiny = sharedNova.flavors().find("m1.tiny").orElseThrow();
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String n = name("par" + i);
                    results.add(pool.submit((Callable<List<String>>) () -> {
                        start.await();
                        List<String> ids = new ArrayList<>();
                        for (int round = 1; round <= 2; round++) {
                            Server s = boot(
                                    sharedNova,
                                    ServerCreate.builder()
                                            .name(n + "-" + round)
                                            .image(cirros)
                                            .flavor(tiny)
                                            .networksNone());
                            sharedNova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
                            sharedNova.servers().delete(s.id());
                            sharedNova.servers().waitForDelete(s.id(), cloud.waits());
                            untrack(s.id());
                            assertThrows(
                                    NotFoundException.class,
                                    () -> sharedNova.servers().get(s.id()));
                            ids.add(s.id());
                        }
                        return ids;
                    }));
                }
                for (Future<List<String>> f : results) {
                    assertEquals(2, f.get().size());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, counting.authentications());
        } catch (ExecutionException e) {
            throw new AssertionError("a parallel boot failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            counting.close();
        }
    }

    private JsonNode computeGet(String path) throws IOException {
        try (HttpPipeline raw = HttpPipeline.builder()
                .transport(transport)
                .tokenProvider(session)
                .build()) {
            return JSON.readTree(raw.send(HttpRequest.get(URI.create(nova.endpoint() + path)))
                    .body());
        }
    }
}
