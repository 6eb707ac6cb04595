package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.versionDocument;
import static dev.novasdk.compute.ComputeStubs.versionDocumentRead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One {@link ComputeClient} shared by many threads, as its documentation invites: every call succeeds with
 * its own answer, and the version document is read once for all of them.
 */
class ComputeClientThreadSafetyTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 5;

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    @Test
    void sharedClient_16ThreadsGettingAndListing_allSucceedAndNegotiateOnce() throws Exception {
        // The delay holds the first negotiation open while every thread makes its first call.
        wm.stubFor(get(urlEqualTo("/v2.1"))
                .willReturn(okJson(versionDocument("2.1", "2.93")).withFixedDelay(100)));
        for (int t = 0; t < THREADS; t++) {
            wm.stubFor(get(urlEqualTo("/v2.1/servers/server-" + t))
                    .willReturn(okJson("{\"server\": {\"id\": \"server-" + t + "\", \"name\": \"vm-" + t
                            + "\", \"status\": \"ACTIVE\"}}")));
        }
        wm.stubFor(get(urlEqualTo("/v2.1/flavors/detail?limit=2"))
                .willReturn(okJson(
                        "{\"flavors\": [{\"id\": \"1\", \"name\": \"m1.tiny\"}, {\"id\": \"2\", \"name\": \"m1.small\"}], "
                                + "\"flavors_links\": [{\"rel\": \"next\", \"href\": \"" + wm.baseUrl()
                                + "/v2.1/flavors/detail?limit=2&marker=2\"}]}")));
        wm.stubFor(get(urlEqualTo("/v2.1/flavors/detail?limit=2&marker=2"))
                .willReturn(okJson("{\"flavors\": [{\"id\": \"3\", \"name\": \"m1.medium\"}]}")));

        ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String id = "server-" + t;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<String> seen = new ArrayList<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        Server s = client.servers().get(id);
                        seen.add(s.id() + "/" + s.name().orElseThrow());
                        seen.add(client
                                .flavors()
                                .list(FlavorListOptions.builder().limit(2).build())
                                .stream()
                                .map(Flavor::name)
                                .collect(Collectors.joining(",")));
                    }
                    return seen;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                List<String> seen = results.get(t).get(60, TimeUnit.SECONDS);
                assertEquals(2 * ROUNDS, seen.size());
                for (int r = 0; r < ROUNDS; r++) {
                    assertEquals("server-" + t + "/vm-" + t, seen.get(2 * r));
                    assertEquals("m1.tiny,m1.small,m1.medium", seen.get(2 * r + 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, versionDocumentRead());
        for (int t = 0; t < THREADS; t++) {
            wm.verify(ROUNDS, compute(getRequestedFor(urlEqualTo("/v2.1/servers/server-" + t)), "2.93"));
        }
        wm.verify(THREADS * ROUNDS, compute(getRequestedFor(urlEqualTo("/v2.1/flavors/detail?limit=2")), "2.93"));
        wm.verify(
                THREADS * ROUNDS,
                compute(getRequestedFor(urlEqualTo("/v2.1/flavors/detail?limit=2&marker=2")), "2.93"));
        // Nothing else: no second negotiation, no retries.
        wm.verify(1 + THREADS * ROUNDS * 3, anyRequestedFor(anyUrl()));
    }
}
