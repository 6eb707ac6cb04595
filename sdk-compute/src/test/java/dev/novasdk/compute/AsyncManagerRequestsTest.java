package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.glance;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.compute.aggregates.Aggregate;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.limits.Limits;
import dev.novasdk.compute.migrations.Migration;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.quotas.QuotaUpdate;
import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupListOptions;
import dev.novasdk.compute.servergroups.ServerGroupPolicy;
import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceStatus;
import dev.novasdk.compute.usage.TenantUsage;
import dev.novasdk.compute.usage.UsageListOptions;
import dev.novasdk.compute.zones.AvailabilityZone;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.core.waiter.WaitOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The async twins of the compute managers against a WireMock nova negotiating 2.93 (and Glance at
 * {@code /image}): one representative call per manager, showing each sends the blocking manager's request
 * (method, path, query, token, microversion, body) and completes its future with what the blocking method
 * returns; argument checks fail the future; a listing follows next links only on demand. Bodies are nova's
 * api-samples where one fits.
 */
class AsyncManagerRequestsTest {
    static final String V = "2.93";
    static final String FLAVORS = "/v2.1/flavors";
    static final String IMAGE_ID = "0e7761dd-ee98-41f0-ba35-05994e446431";
    static final String SERVICE_ID = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339";
    static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(4));

    // Generous: a future that never completes fails the test, a slow shared machine must not.
    static final long WAIT_SECONDS = 60;

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ExecutorService io;
    ApacheHttpTransport blocking;
    ComputeAsyncClient nova;
    final List<ComputeAsyncClient> others = new ArrayList<>();
    // Every request handed to the transport, recorded on the thread that sends it.
    final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, V);
        io = Executors.newFixedThreadPool(2);
        blocking = ApacheHttpTransport.create();
        nova = client(true, null);
    }

    @AfterEach
    void tearDown() {
        others.forEach(ComputeAsyncClient::close);
        nova.close();
        blocking.close();
        io.shutdownNow();
    }

    /**
     * A client on the blocking transport's async stand-in: compute at {@code /v2.1}, Glance at {@code /image}
     * when {@code glance}, pinned to {@code pinnedOrNull} or negotiating; closed after the test.
     */
    ComputeAsyncClient client(boolean glance, String pinnedOrNull) {
        URI compute = URI.create(wm.baseUrl() + ComputeStubs.COMPUTE_PATH);
        URI image = URI.create(wm.baseUrl() + "/image");
        ComputeAsyncClient c = ComputeAsyncClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpointResolver(q -> {
                    if (q.serviceType().equals("compute")) {
                        return compute;
                    }
                    if (glance) {
                        return image;
                    }
                    throw new EndpointNotFoundException("no image service", List.of("compute/public/RegionOne"));
                })
                .transport(request -> {
                    sent.add(request.uri().getRawPath() + "?" + request.uri().getRawQuery());
                    return async(blocking, io).executeAsync(request);
                })
                .asyncSleeper(AsyncSleeper.ofInstant(time.sleeper()))
                .nanoTime(time.nanoTime())
                .microversion(pinnedOrNull)
                .build();
        if (nova != null) {
            others.add(c);
        }
        return c;
    }

    /**
     * A stand-in async transport until a real one lands: the blocking transport on {@code executor}, failing
     * the future with the transport's {@link IOException} itself, as {@link AsyncHttpTransport} specifies.
     */
    static AsyncHttpTransport async(HttpTransport transport, Executor executor) {
        return request -> {
            CompletableFuture<HttpResponse> response = new CompletableFuture<>();
            executor.execute(() -> {
                try {
                    response.complete(transport.execute(request));
                } catch (IOException | RuntimeException e) {
                    response.completeExceptionally(e);
                }
            });
            return response;
        };
    }

    static String sample(String resource) {
        return new String(Samples.bytes("compute/" + resource), StandardCharsets.UTF_8);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The exception {@code future} failed with, unwrapped. */
    static Throwable failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return e.getCause();
    }

    static String flavor(String id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"ram\": 512, \"disk\": 1, \"vcpus\": 1, "
                + "\"links\": []}";
    }

    @Test
    void flavors_listFindExtraSpecs_sendTheBlockingRequests() {
        // Source: nova doc/api_samples/flavors/flavors-detail-resp.json (m1.tiny and m1.tiny.specs among others)
        wm.stubFor(get(urlEqualTo(FLAVORS + "/detail")).willReturn(okJson(sample("flavors/flavors-detail-resp.json"))));
        wm.stubFor(get(urlEqualTo(FLAVORS + "/m1.tiny"))
                .willReturn(itemNotFound("Flavor m1.tiny could not be found.", "req-8")));
        wm.stubFor(get(urlEqualTo(FLAVORS + "/detail?is_public=None"))
                .willReturn(okJson(sample("flavors/flavors-detail-resp.json"))));
        wm.stubFor(get(urlEqualTo(FLAVORS + "/7/os-extra_specs"))
                .willReturn(okJson("{\"extra_specs\": {\"hw:cpu_policy\": \"shared\", \"hw:numa_nodes\": 1}}")));

        List<Flavor> all = join(nova.flavors().list().toList());
        Optional<Flavor> tiny = join(nova.flavors().find("m1.tiny"));
        Map<String, String> specs = join(nova.flavors().extraSpecs("7"));

        assertEquals("1", all.get(0).id());
        assertTrue(all.size() > 2, all.toString());
        assertEquals("1", tiny.orElseThrow().id()); // the exact name, not m1.tiny.specs
        assertEquals(Map.of("hw:cpu_policy", "shared", "hw:numa_nodes", "1"), specs); // numbers read as strings
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/detail")), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/m1.tiny")), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/detail?is_public=None")), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(FLAVORS + "/7/os-extra_specs")), V));
    }

    @Test
    void flavors_badArguments_failTheFutureWithoutSending() {
        CompletableFuture<Map<String, String>> badKey = nova.flavors().setExtraSpecs("7", Map.of("bad/key", "x"));
        CompletableFuture<Optional<Flavor>> noName = nova.flavors().find(null);
        assertInstanceOf(IllegalArgumentException.class, failure(badKey));
        assertInstanceOf(RuntimeException.class, failure(noName));
        wm.verify(0, anyRequestedFor(urlEqualTo(FLAVORS + "/7/os-extra_specs")));
    }

    @Test
    void listing_twoPages_fetchesTheSecondOnlyOnDemand() throws Exception {
        String first = FLAVORS + "/detail?limit=2";
        String second = FLAVORS + "/detail?limit=2&marker=2";
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson("{\"flavors\": [" + flavor("1", "a") + ", " + flavor("2", "b") + "], "
                        + "\"flavors_links\": [{\"rel\": \"next\", \"href\": \"" + wm.baseUrl() + second + "\"}]}")));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"flavors\": [" + flavor("3", "c") + "]}")));
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
        nova.flavors().list(FlavorListOptions.builder().limit(2).build()).subscribe(new Flow.Subscriber<Flavor>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscribed.complete(s);
            }

            @Override
            public void onNext(Flavor item) {
                events.add(item.id());
            }

            @Override
            public void onError(Throwable failure) {
                events.add(failure);
            }

            @Override
            public void onComplete() {
                events.add("complete");
            }
        });
        Flow.Subscription s = subscribed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        wm.verify(0, getRequestedFor(urlEqualTo(first))); // nothing before demand

        s.request(1);
        assertEquals("1", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        s.request(1);
        // Item 2 is in hand, so request(1) delivers it on this thread and decides there whether to fetch:
        // a listing fetching ahead of demand would have handed page two to the transport by now.
        assertFalse(sent.contains(second), sent.toString());
        assertEquals("2", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        // Both items of page one delivered, no more asked for: page two must not have been fetched.
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), V));
        wm.verify(0, getRequestedFor(urlEqualTo(second)));
        assertTrue(events.isEmpty(), events.toString());

        s.request(1);
        assertEquals("3", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), V));
        s.request(1);
        assertEquals("complete", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    static String image(String status) {
        return "{\"id\": \"" + IMAGE_ID + "\", \"name\": \"snap\", \"status\": \"" + status + "\", \"visibility\": "
                + "\"private\", \"image_type\": \"snapshot\", \"tags\": []}";
    }

    void stubImageStatuses(String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            wm.stubFor(get(urlEqualTo("/image/v2/images/" + IMAGE_ID))
                    .inScenario("snapshot")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willReturn(okJson(image(statuses[i])))
                    .willSetStateTo("s" + (i + 1)));
        }
    }

    @Test
    void images_getAndWaitForStatus_pollGlanceUntilActive() {
        stubImageStatuses("queued", "queued", "saving", "active");
        Image first = join(nova.images().get(IMAGE_ID));
        Image active = join(nova.images().waitForStatus(IMAGE_ID, ImageStatus.ACTIVE, WAITS));
        assertEquals(ImageStatus.QUEUED, first.status());
        assertEquals(ImageStatus.ACTIVE, active.status());
        wm.verify(4, glance(getRequestedFor(urlEqualTo("/image/v2/images/" + IMAGE_ID))));
        assertEquals(2, time.sleeps().size()); // paused between polls on the (fake) async sleeper
    }

    @Test
    void images_waitForStatus_killed_failsWithResourceError() {
        stubImageStatuses("queued", "killed");
        Throwable e = failure(nova.images().waitForStatus(IMAGE_ID, ImageStatus.ACTIVE, WAITS));
        ResourceErrorException error = assertInstanceOf(ResourceErrorException.class, e);
        assertTrue(error.getMessage().contains("went killed"), error.getMessage());
        assertEquals(
                ImageStatus.KILLED, error.resource(Image.class).orElseThrow().status());
    }

    @Test
    void images_waitForStatus_nullStatus_failsTheFutureWithoutPolling() {
        assertInstanceOf(NullPointerException.class, failure(nova.images().waitForStatus(IMAGE_ID, null, WAITS)));
        wm.verify(0, getRequestedFor(urlEqualTo("/image/v2/images/" + IMAGE_ID)));
    }

    @Test
    void keypairs_importAndDelete() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDz1XwWN8Vc5sExampleKey test@example";
        // Source: nova doc/api_samples/os-keypairs/v2.92/keypairs-import-post-resp.json; 201 as the lab answers
        wm.stubFor(post(urlEqualTo("/v2.1/os-keypairs"))
                .willReturn(okJson(sample("os-keypairs/v2.92/keypairs-import-post-resp.json"))
                        .withStatus(201)));
        wm.stubFor(delete(urlEqualTo("/v2.1/os-keypairs/kp1"))
                .willReturn(aResponse().withStatus(202)));
        Keypair k = join(nova.keypairs().importPublicKey("kp1", key));
        assertNull(join(nova.keypairs().delete("kp1")));
        assertEquals(Optional.of("1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c"), k.fingerprint());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo("/v2.1/os-keypairs")), V)
                        .withRequestBody(
                                equalToJson("{\"keypair\": {\"name\": \"kp1\", \"public_key\": \"" + key + "\"}}")));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo("/v2.1/os-keypairs/kp1")), V));
    }

    @Test
    void quotas_showAndUpdate() {
        String sets = "/v2.1/os-quota-sets/p1";
        // Source: nova doc/api_samples/os-quota-sets/v2.57/quotas-show-get-resp.json, user-quotas-update-post-*
        wm.stubFor(get(urlEqualTo(sets)).willReturn(okJson(sample("os-quota-sets/v2.57/quotas-show-get-resp.json"))));
        wm.stubFor(put(urlEqualTo(sets + "?user_id=u1"))
                .willReturn(okJson(sample("os-quota-sets/v2.57/user-quotas-update-post-resp.json"))));
        QuotaSet shown = join(nova.quotas().get("p1"));
        QuotaSet updated = join(nova.quotas()
                .update("p1", "u1", QuotaUpdate.builder().instances(9).build()));
        assertEquals(Optional.of(10), shown.instances());
        assertEquals(Optional.of(9), updated.instances());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(sets)), V));
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(sets + "?user_id=u1")), V)
                        .withRequestBody(equalToJson(sample("os-quota-sets/v2.57/user-quotas-update-post-req.json"))));
    }

    @Test
    void quotas_classSetUpdateWithForce_failsTheFutureWithoutSending() {
        CompletableFuture<QuotaSet> f = nova.quotas()
                .updateClassSet("default", QuotaUpdate.builder().force(true).build());
        assertInstanceOf(IllegalArgumentException.class, failure(f));
        wm.verify(0, anyRequestedFor(urlEqualTo("/v2.1/os-quota-class-sets/default")));
    }

    @Test
    void hypervisors_list_readsDetail() {
        wm.stubFor(get(urlEqualTo("/v2.1/os-hypervisors/detail"))
                .willReturn(okJson("{\"hypervisors\": [{\"id\": \"fabe6941-74d7-49a2-be50-e968f173717a\", "
                        + "\"hypervisor_hostname\": \"oslab\", \"state\": \"up\", \"status\": \"enabled\"}]}")));
        List<Hypervisor> all = join(nova.hypervisors().list().toList());
        assertEquals(1, all.size());
        assertEquals("oslab", all.get(0).hypervisorHostname());
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/os-hypervisors/detail")), V));
    }

    @Test
    void services_disableWithReason_from253_putsById() {
        // Source: nova doc/api_samples/os-services/v2.53/service-disable-log-put-*.json
        wm.stubFor(put(urlEqualTo("/v2.1/os-services/" + SERVICE_ID))
                .willReturn(okJson(sample("os-services/v2.53/service-disable-log-put-resp.json"))));
        Service host1 = Service.builder()
                .id(SERVICE_ID)
                .binary("nova-compute")
                .host("host1")
                .statusRaw("enabled")
                .build();
        Service disabled = join(nova.services().disable(host1, "maintenance"));
        assertEquals(ServiceStatus.DISABLED, disabled.status());
        assertEquals(Optional.of("maintenance"), disabled.disabledReason());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo("/v2.1/os-services/" + SERVICE_ID)), V)
                        .withRequestBody(equalToJson(sample("os-services/v2.53/service-disable-log-put-req.json"))));
    }

    @Test
    void aggregates_create_postsNovasSample() {
        String v = "os-aggregates/v2.81/";
        // Source: nova doc/api_samples/os-aggregates/v2.81/aggregate-post-*.json
        wm.stubFor(post(urlEqualTo("/v2.1/os-aggregates")).willReturn(okJson(sample(v + "aggregate-post-resp.json"))));
        Aggregate a = join(nova.aggregates()
                .create(AggregateCreate.builder()
                        .name("name")
                        .availabilityZone("london")
                        .build()));
        assertEquals("1", a.id());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo("/v2.1/os-aggregates")), V)
                        .withRequestBody(equalToJson(sample(v + "aggregate-post-req.json"))));
    }

    @Test
    void serverGroups_create_at293_sendsThePolicyForm() {
        // Source: nova doc/api_samples/os-server-groups/v2.64/server-groups-post-*.json
        wm.stubFor(post(urlEqualTo("/v2.1/os-server-groups"))
                .willReturn(okJson(sample("os-server-groups/v2.64/server-groups-post-resp.json"))));
        ServerGroup g = join(nova.serverGroups()
                .create(ServerGroupCreate.builder()
                        .name("test")
                        .policy(ServerGroupPolicy.ANTI_AFFINITY)
                        .maxServerPerHost(3)
                        .build()));
        assertEquals("5bbcc3c4-1da2-4437-a48a-66f15b1b13f9", g.id());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo("/v2.1/os-server-groups")), V)
                        .withRequestBody(equalToJson(sample("os-server-groups/v2.64/server-groups-post-req.json"))));
    }

    @Test
    void images_withoutGlance_getThroughNovasProxyAt235() {
        // Source: nova doc/api_samples/images/image-get-resp.json
        String id = "70a599e0-31e7-49b7-b260-868f441e862b";
        wm.stubFor(get(urlEqualTo("/v2.1/images/" + id)).willReturn(okJson(sample("images/image-get-resp.json"))));
        Image image = join(client(false, null).images().get(id));
        assertEquals(Optional.of("fakeimage7"), image.name());
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/images/" + id)), "2.35"));
    }

    @Test
    void serverGroups_list_pagesByOffsetUntilShortPage() {
        String groups = "/v2.1/os-server-groups";
        wm.stubFor(get(urlEqualTo(groups + "?limit=2"))
                .willReturn(okJson("{\"server_groups\": [" + group("1") + ", " + group("2") + "]}")));
        wm.stubFor(get(urlEqualTo(groups + "?limit=2&offset=2"))
                .willReturn(okJson("{\"server_groups\": [" + group("3") + "]}")));
        List<ServerGroup> all = join(nova.serverGroups()
                .list(ServerGroupListOptions.builder().limit(2).build())
                .toList());
        assertEquals(List.of("1", "2", "3"), all.stream().map(ServerGroup::id).collect(Collectors.toList()));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(groups + "?limit=2&offset=2")), V));
    }

    static String group(String id) {
        return "{\"id\": \"" + id + "\", \"name\": \"g" + id + "\", \"policy\": \"affinity\", \"rules\": {}, "
                + "\"members\": [], \"project_id\": \"p\", \"user_id\": \"u\"}";
    }

    @Test
    void services_disableWithReason_before253_putsHostAndBinaryAndMergesTheAnswer() {
        // Source: nova doc/api_samples/os-services/v2.11/service-disable-log-put-*.json
        wm.stubFor(put(urlEqualTo("/v2.1/os-services/disable-log-reason"))
                .willReturn(okJson(sample("os-services/v2.11/service-disable-log-put-resp.json"))));
        Service host1 = Service.builder()
                .id("3")
                .binary("nova-compute")
                .host("host1")
                .statusRaw("enabled")
                .build();
        Service disabled = join(client(true, "2.11").services().disable(host1, "test2"));
        assertEquals(Optional.of("3"), disabled.id(), "the caller's service, with nova's answer applied");
        assertEquals(ServiceStatus.DISABLED, disabled.status());
        assertEquals(Optional.of("test2"), disabled.disabledReason());
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo("/v2.1/os-services/disable-log-reason")), "2.11")
                        .withRequestBody(equalToJson(sample("os-services/v2.11/service-disable-log-put-req.json"))));
    }

    @Test
    void hypervisors_searchAndFind_from253_useTheHostnamePattern() {
        String h = "/v2.1/os-hypervisors";
        wm.stubFor(get(urlEqualTo(h + "?hypervisor_hostname_pattern=osl"))
                .willReturn(okJson("{\"hypervisors\": [{\"id\": \"fabe6941-74d7-49a2-be50-e968f173717a\", "
                        + "\"hypervisor_hostname\": \"oslab\", \"state\": \"up\", \"status\": \"enabled\"}]}")));
        wm.stubFor(get(urlEqualTo(h + "/gone"))
                .willReturn(itemNotFound("Hypervisor with ID gone could not be found.", "r1")));
        wm.stubFor(get(urlEqualTo(h + "?hypervisor_hostname_pattern=gone"))
                .willReturn(itemNotFound("No hypervisor matching 'gone' could be found.", "r2")));
        List<Hypervisor> found = join(nova.hypervisors().search("osl"));
        Optional<Hypervisor> gone = join(nova.hypervisors().find("gone"));
        assertEquals("oslab", found.get(0).hypervisorHostname());
        assertEquals(Optional.empty(), gone, "no match is no hypervisor, as the blocking find says");
        wm.verify(1, compute(getRequestedFor(urlEqualTo(h + "?hypervisor_hostname_pattern=osl")), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(h + "?hypervisor_hostname_pattern=gone")), V));
    }

    @Test
    void zonesLimitsUsageMigrations_readTheirAnswers() {
        // Source: nova doc/api_samples/os-availability-zone/availability-zone-list-resp.json
        wm.stubFor(get(urlEqualTo("/v2.1/os-availability-zone"))
                .willReturn(okJson(sample("os-availability-zone/availability-zone-list-resp.json"))));
        wm.stubFor(get(urlEqualTo("/v2.1/limits?tenant_id=p2"))
                .willReturn(okJson(sample("limits/v2.57/limit-get-resp.json"))));
        String usage = "/v2.1/os-simple-tenant-usage/p2?start=2026-12-03T00%3A00%3A00.000000"
                + "&end=2026-12-04T00%3A00%3A00.000000";
        wm.stubFor(get(urlEqualTo(usage)).willReturn(okJson("{\"tenant_usage\": {}}")));
        wm.stubFor(get(urlEqualTo("/v2.1/os-migrations")).willReturn(okJson("{\"migrations\": []}")));

        Optional<AvailabilityZone> zone = join(nova.availabilityZones().find("nova"));
        Limits limits = join(nova.limits().get("p2"));
        TenantUsage report = join(nova.usage()
                .get(
                        "p2",
                        UsageListOptions.builder()
                                .start(Instant.parse("2026-12-03T00:00:00Z"))
                                .end(Instant.parse("2026-12-04T00:00:00Z"))
                                .build()));
        List<Migration> migrations = join(nova.migrations().list().toList());

        assertEquals("nova", zone.orElseThrow().zoneName());
        assertTrue(limits.absolute().maxTotalInstances().isPresent());
        assertEquals(Optional.empty(), report.tenantId(), "a project without use is an empty report");
        assertEquals(List.of(), migrations);
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/limits?tenant_id=p2")), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(usage)), V));
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/os-migrations")), V));
    }

    @Test
    void withTimeouts_view_hasEveryManager() {
        ComputeAsyncClient view = nova.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10));
        List<Object> managers = List.of(
                view.images(),
                view.flavors(),
                view.keypairs(),
                view.serverGroups(),
                view.limits(),
                view.quotas(),
                view.availabilityZones(),
                view.hypervisors(),
                view.services(),
                view.aggregates(),
                view.migrations(),
                view.usage());
        assertEquals(12, managers.size());
        assertFalse(managers.contains(nova.flavors()), "a view's managers send with the view's budgets");
    }
}
