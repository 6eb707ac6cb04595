package dev.novasdk.testkit;

import static dev.novasdk.testkit.Telemetry.attribute;
import static dev.novasdk.testkit.Telemetry.high;
import static dev.novasdk.testkit.Telemetry.longAttribute;
import static dev.novasdk.testkit.Telemetry.low;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import io.micrometer.observation.Observation;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Micrometer and OpenTelemetry listeners record for a create, a GET retried after one 503, a GET
 * replayed after a 401 and a paged listing, on FakeCloud: names, key values, attributes and counts, and
 * Nova's request ids as the cloud sent them.
 */
class ObservabilityTest {
    private FakeCloud cloud;
    private Telemetry telemetry;
    private Session session;
    private ComputeClient nova;

    @BeforeEach
    void start() {
        FakeClock clock = FakeClock.manual();
        cloud = FakeCloud.builder().clock(clock).instantBoot(true).start();
        telemetry = new Telemetry();
        session = CloudConfig.builder()
                .environment(cloud.osEnvironment())
                .searchPaths(List.of())
                .build()
                .toSessionBuilder()
                .sleeper(clock::advance)
                .clock(clock)
                .addListener(telemetry.micrometer())
                .build();
        nova = ComputeClient.builder()
                .session(session)
                .sleeper(clock::advance)
                .clock(clock)
                .addListener(telemetry.micrometer())
                .addListener(telemetry.openTelemetry())
                .build();
    }

    @AfterEach
    void stop() {
        nova.close();
        session.close();
        telemetry.close();
        cloud.close();
    }

    private Server boot(String name) {
        return nova.servers()
                .create(ServerCreate.builder()
                        .name(name)
                        .image(nova.images().find("cirros").orElseThrow())
                        .flavor(nova.flavors().find("m1.tiny").orElseThrow())
                        .networksNone()
                        .build());
    }

    private String requestIdOf(String method, String path) {
        List<RecordedRequest> matching = cloud.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(path))
                .collect(Collectors.toList());
        return matching.get(matching.size() - 1).requestId().orElseThrow();
    }

    @Test
    void create_isOneObservationAndOneSpanWithNovasRequestId() {
        boot("obs-create");

        List<Observation.Context> creates = telemetry.observations("servers.create");
        assertEquals(1, creates.size());
        Observation.Context create = creates.get(0);
        assertEquals("novasdk.call", create.getName());
        assertEquals("servers.create", create.getContextualName());
        assertEquals("compute", low(create, "service"));
        assertEquals("POST", low(create, "method"));
        assertEquals("/servers", low(create, "url.template"));
        assertEquals("202", low(create, "status"));
        assertEquals("SUCCESS", low(create, "outcome"));
        assertEquals("none", low(create, "error.type"));
        String novaId = requestIdOf("POST", "/servers");
        assertEquals(novaId, high(create, "request.id"));
        assertEquals(1, telemetry.timerCount("servers.create"));

        SpanData span = telemetry.callSpans("servers.create").get(0);
        assertEquals(novaId, attribute(span, "openstack.request_id"));
        List<SpanData> attempts = telemetry.children(span);
        assertEquals(1, attempts.size());
        assertEquals("POST /servers", attempts.get(0).getName());
        assertEquals(SpanKind.CLIENT, attempts.get(0).getKind());
        assertEquals(202L, longAttribute(attempts.get(0), "http.response.status_code"));
        assertEquals(novaId, attribute(attempts.get(0), "openstack.request_id"));
        // Trace context went to the cloud with the attempt, as the OpenTelemetry listener propagates it.
        RecordedRequest sent = cloud.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/servers"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "00-" + attempts.get(0).getTraceId() + "-" + attempts.get(0).getSpanId(),
                sent.header("traceparent").orElseThrow().substring(0, 52));
    }

    @Test
    void getRetriedAfterOne503_countsOneRetryAndRecordsBothAttempts() {
        Server s = boot("obs-retry");
        cloud.failNext(1, 503, null);

        nova.servers().get(s.id());

        List<Observation.Context> gets = telemetry.observations("servers.get");
        assertEquals(1, gets.size());
        assertEquals("200", low(gets.get(0), "status"));
        assertEquals("/servers/{id}", low(gets.get(0), "url.template"));
        assertEquals("2", high(gets.get(0), "attempts"));
        assertEquals(requestIdOf("GET", "/servers/" + s.id()), high(gets.get(0), "request.id"));
        assertEquals(1.0, telemetry.eventCount("retry", "servers.get"));
        assertEquals(0.0, telemetry.eventCount("reauthentication", "servers.get"));

        SpanData span = telemetry.callSpans("servers.get").get(0);
        assertEquals(List.of("retry"), eventNames(span));
        List<SpanData> attempts = telemetry.children(span);
        assertEquals(2, attempts.size());
        assertEquals(503L, longAttribute(attempts.get(0), "http.response.status_code"));
        assertEquals("503", attribute(attempts.get(0), "error.type"));
        assertEquals(200L, longAttribute(attempts.get(1), "http.response.status_code"));
        assertEquals(1L, longAttribute(attempts.get(1), "http.request.resend_count"));
    }

    @Test
    void getAfterTheTokenIsRevoked_countsOneReauthenticationAndTheSessionAuthenticatesTwice() {
        Server s = boot("obs-reauth");
        cloud.revokeToken(session.token().id());

        nova.servers().get(s.id());

        List<Observation.Context> gets = telemetry.observations("servers.get");
        assertEquals(1, gets.size());
        assertEquals("200", low(gets.get(0), "status"));
        assertEquals("2", high(gets.get(0), "attempts"));
        assertEquals(1.0, telemetry.eventCount("reauthentication", "servers.get"));
        assertEquals(0.0, telemetry.eventCount("retry", "servers.get"));
        List<Observation.Context> tokens = telemetry.observations("identity.tokens.create");
        assertEquals(2, tokens.size());
        assertEquals("identity", low(tokens.get(1), "service"));
        assertEquals("/v3/auth/tokens", low(tokens.get(1), "url.template"));
        assertEquals("201", low(tokens.get(1), "status"));

        SpanData span = telemetry.callSpans("servers.get").get(0);
        assertEquals(List.of("reauthentication"), eventNames(span));
        List<SpanData> attempts = telemetry.children(span);
        assertEquals(2, attempts.size());
        assertEquals(401L, longAttribute(attempts.get(0), "http.response.status_code"));
        assertEquals(200L, longAttribute(attempts.get(1), "http.response.status_code"));
    }

    @Test
    void pagedListing_isOneCallPerPageEachWithItsOwnRequestId() {
        for (int i = 0; i < 3; i++) {
            boot("obs-page-" + i);
        }
        cloud.clearRequests();

        List<Server> all = nova
                .servers()
                .list(ServerListOptions.builder().limit(1).build())
                .stream()
                .collect(Collectors.toList());

        assertEquals(3, all.size());
        long pages = cloud.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().contains("/servers"))
                .count();
        assertTrue(pages >= 3, "pages: " + pages);
        List<Observation.Context> lists = telemetry.observations("servers.list");
        assertEquals(pages, lists.size());
        assertEquals(pages, telemetry.timerCount("servers.list"));
        assertEquals(
                pages,
                lists.stream().map(c -> high(c, "request.id")).distinct().count(),
                "every page has its own request id");
        lists.forEach(c -> assertEquals("GET", low(c, "method")));
        lists.forEach(c -> assertNotNull(high(c, "request.id")));
        assertEquals(pages, telemetry.callSpans("servers.list").size());
    }

    @Test
    void asyncGetRetriedAfterOne503_isObservedAsTheBlockingOneIs() throws Exception {
        Server s = boot("obs-async");
        try (Telemetry async = new Telemetry()) {
            getAsyncAfterOne503(s, async);
        }
    }

    private void getAsyncAfterOne503(Server s, Telemetry async) throws Exception {
        try (ComputeAsyncClient client = ComputeAsyncClient.builder()
                .session(session)
                .asyncSleeper(AsyncSleeper.ofInstant(d -> {}))
                .addListener(async.micrometer())
                .addListener(async.openTelemetry())
                .build()) {
            client.microversion().get(); // negotiation first, so the failure below hits the GET
            cloud.failNext(1, 503, null);

            client.servers().get(s.id()).get();
        }

        List<Observation.Context> gets = async.observations("servers.get");
        assertEquals(1, gets.size());
        assertEquals("200", low(gets.get(0), "status"));
        assertEquals("2", high(gets.get(0), "attempts"));
        assertEquals(requestIdOf("GET", "/servers/" + s.id()), high(gets.get(0), "request.id"));
        assertEquals(1.0, async.eventCount("retry", "servers.get"));
        SpanData span = async.callSpans("servers.get").get(0);
        List<SpanData> attempts = async.children(span);
        assertEquals(2, attempts.size());
        assertEquals(503L, longAttribute(attempts.get(0), "http.response.status_code"));
        assertEquals(1L, longAttribute(attempts.get(1), "http.request.resend_count"));
    }

    private static List<String> eventNames(SpanData span) {
        return span.getEvents().stream().map(e -> e.getName()).collect(Collectors.toList());
    }
}
