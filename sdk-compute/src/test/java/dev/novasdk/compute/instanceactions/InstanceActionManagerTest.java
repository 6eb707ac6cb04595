package dev.novasdk.compute.instanceactions;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link InstanceActionManager} against a WireMock nova negotiating 2.93: paths, queries, paging, refusals. */
class InstanceActionManagerTest {
    static final String ID = "ca3d3be5-1a40-427f-9515-f5e181f479d0";
    static final String ACTIONS = "/v2.1/servers/" + ID + "/os-instance-actions";
    static final String DIR = "compute/doc/api_samples/os-instance-actions/";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String sample(String name) {
        return new String(Samples.bytes(DIR + name), StandardCharsets.UTF_8);
    }

    @Test
    void list_followsTheLinksNextHrefAcrossPages() {
        String page2 = sample("v2.84/instance-actions-list-with-marker-resp.json");
        String page1 = sample("v2.84/instance-actions-list-with-limit-resp.json")
                .replace("http://openstack.example.com/v2.1/6f70656e737461636b20342065766572", wm.baseUrl() + "/v2.1");
        wm.stubFor(get(urlEqualTo(ACTIONS + "?limit=1")).willReturn(okJson(page1)));
        wm.stubFor(get(urlEqualTo(ACTIONS + "?limit=1&marker=req-4dbefbb7-d743-4d42-b0a1-a79cbe256138"))
                .willReturn(okJson(page2)));
        List<String> actions =
                client
                        .servers()
                        .instanceActions()
                        .list(ID, InstanceActionListOptions.builder().limit(1).build())
                        .stream()
                        .map(InstanceAction::action)
                        .collect(Collectors.toList());
        assertEquals(List.of("stop", "create"), actions);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(ACTIONS + "?limit=1")), "2.93"));
    }

    @Test
    void list_timeFilters_becomeTheQuery() {
        wm.stubFor(get(anyUrl()).atPriority(10).willReturn(okJson("{\"instanceActions\": []}")));
        client
                .servers()
                .instanceActions()
                .list(
                        ID,
                        InstanceActionListOptions.builder()
                                .changesSince(Instant.parse("2018-04-25T01:26:29Z"))
                                .changesBefore(Instant.parse("2018-04-25T01:26:31Z"))
                                .build())
                .stream()
                .count();
        wm.verify(
                1,
                getRequestedFor(urlEqualTo(
                        ACTIONS + "?changes-since=2018-04-25T01%3A26%3A29Z&changes-before=2018-04-25T01%3A26%3A31Z")));
    }

    @Test
    void list_limitPinned257_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.57").build()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> pinned
                                    .servers()
                                    .instanceActions()
                                    .list(
                                            ID,
                                            InstanceActionListOptions.builder()
                                                    .limit(5)
                                                    .build())
                                    .stream()
                                    .count());
            assertTrue(e.getMessage().contains("limit") && e.getMessage().contains("2.58"), e.getMessage());
        }
        wm.verify(0, getRequestedFor(urlEqualTo(ACTIONS + "?limit=5")));
    }

    @Test
    void list_changesBeforePinned265_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.65").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned
                    .servers()
                    .instanceActions()
                    .list(
                            ID,
                            InstanceActionListOptions.builder()
                                    .changesBefore(Instant.EPOCH)
                                    .build())
                    .stream()
                    .count());
            assertTrue(
                    e.getMessage().contains("changes-before") && e.getMessage().contains("2.66"), e.getMessage());
        }
    }

    @Test
    void list_beforeIteration_sendsNothing() {
        client.servers().instanceActions().list(ID);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void options_windowInverted_refused() {
        assertThrows(IllegalArgumentException.class, () -> InstanceActionListOptions.builder()
                .changesSince(Instant.parse("2020-01-01T00:00:00Z"))
                .changesBefore(Instant.parse("2000-01-01T00:00:00Z"))
                .build());
    }

    @Test
    void get_parsesTheV284SampleWithEvents() {
        wm.stubFor(get(urlEqualTo(ACTIONS + "/req-0d819d5c-1527-4669-bdf0-ffad31b5105b"))
                .willReturn(okJson(sample("v2.84/instance-action-get-resp.json"))));
        InstanceAction a = client.servers().instanceActions().get(ID, "req-0d819d5c-1527-4669-bdf0-ffad31b5105b");
        assertEquals("stop", a.action());
        assertEquals("compute_stop_instance", a.events().get(0).event());
        wm.verify(
                1, compute(getRequestedFor(urlEqualTo(ACTIONS + "/req-0d819d5c-1527-4669-bdf0-ffad31b5105b")), "2.93"));
    }

    @Test
    void get_missing_throwsNotFoundWithNovasMessage() {
        wm.stubFor(get(urlEqualTo(ACTIONS + "/req-nope")).willReturn(itemNotFound("Action req-nope not found", "r")));
        NotFoundException e = assertThrows(
                NotFoundException.class,
                () -> client.servers().instanceActions().get(ID, "req-nope"));
        assertEquals(java.util.Optional.of("Action req-nope not found"), e.serviceMessage());
    }
}
