package dev.novasdk.testkit.acceptance;

import static dev.novasdk.testkit.Telemetry.attribute;
import static dev.novasdk.testkit.Telemetry.high;
import static dev.novasdk.testkit.Telemetry.low;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.Telemetry;
import io.micrometer.observation.Observation;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Observability against a real cloud ({@link RealCloudObservabilityIT}) and FakeCloud
 * ({@link FakeCloudObservabilityIT}): one boot, wait and delete, observed by the Micrometer and OpenTelemetry
 * listeners, gives one observation and span per call, named after the operation, carrying the request id
 * the cloud sent in each response. Deletes the server it boots, even when an assertion fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ObservabilitySuite {
    private AcceptanceCloud cloud;
    private Telemetry telemetry;
    private RecordingTransport transport;
    private Session session;
    private ComputeClient nova;
    private String serverId; // the server to delete when the boot did not finish
    private String booted;

    /** The cloud to run against, or empty to skip the whole class (saying why on stdout). */
    abstract Optional<AcceptanceCloud> openCloud();

    @BeforeAll
    void bootWaitAndDeleteOneServer() {
        Optional<AcceptanceCloud> c = openCloud();
        Assumptions.assumeTrue(c.isPresent(), "no cloud configured");
        cloud = c.get();
        System.out.println(getClass().getSimpleName() + " runs against " + cloud.label());
        CloudConfig config = cloud.config();
        telemetry = new Telemetry();
        transport = new RecordingTransport();
        session = config.toSessionBuilder()
                .transport(transport)
                .sleeper(cloud.sleeper())
                .clock(cloud.clock())
                .addListener(telemetry.micrometer())
                .build();
        ComputeClient.Builder b = ComputeClient.builder()
                .session(session)
                .sleeper(cloud.sleeper())
                .nanoTime(cloud.nanoTime())
                .addListener(telemetry.micrometer())
                .addListener(telemetry.openTelemetry());
        config.computeApiVersion().ifPresent(b::microversion);
        nova = b.build();

        String name = "novasdk-obs-" + UUID.randomUUID().toString().substring(0, 8);
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name(name)
                        .image(nova.images().find("cirros").orElseThrow())
                        .flavor(nova.flavors().find("m1.tiny").orElseThrow())
                        .networksNone()
                        .build());
        serverId = created.id();
        booted = created.id();
        nova.servers().waitForStatus(serverId, ServerStatus.ACTIVE, cloud.waits(), s -> {});
        nova.servers().delete(serverId);
        nova.servers().waitForDelete(serverId, cloud.waits());
        serverId = null;
    }

    @AfterAll
    void close() {
        if (nova != null && serverId != null) {
            try {
                nova.servers().delete(serverId);
                nova.servers().waitForDelete(serverId, cloud.waits());
            } catch (NotFoundException gone) {
                // already deleted
            }
        }
        for (AutoCloseable c : new AutoCloseable[] {nova, session, transport, telemetry, cloud}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void create_isOneObservationAndOneSpanCarryingNovasRequestId() {
        List<Observation.Context> creates = telemetry.observations("servers.create");
        assertEquals(1, creates.size());
        Observation.Context create = creates.get(0);
        assertEquals("compute", low(create, "service"));
        assertEquals("POST", low(create, "method"));
        assertEquals("/servers", low(create, "url.template"));
        assertEquals("202", low(create, "status"));
        assertEquals(nova.microversion().toString(), low(create, "microversion"));
        String sent = transport.requestIdsOf("POST", "/servers").get(0);
        assertTrue(sent.startsWith("req-"), sent);
        assertEquals(sent, high(create, "request.id"));

        List<SpanData> spans = telemetry.callSpans("servers.create");
        assertEquals(1, spans.size());
        assertEquals(sent, attribute(spans.get(0), "openstack.request_id"));
        assertEquals(1, telemetry.children(spans.get(0)).size());
    }

    @Test
    void waitAndDelete_everyCallHasTheRequestIdOfItsResponse() {
        List<Observation.Context> gets = telemetry.observations("servers.get");
        assertFalse(gets.isEmpty());
        List<String> observed = gets.stream().map(c -> high(c, "request.id")).collect(Collectors.toList());
        assertEquals(transport.requestIdsOf("GET", "/servers/" + observedServer()), observed);
        assertEquals(observed.size(), observed.stream().distinct().count(), "one request id per call");
        // waitForDelete ends on a 404: observed with its status, as a client error
        Observation.Context last = gets.get(gets.size() - 1);
        assertEquals("404", low(last, "status"));
        assertEquals("CLIENT_ERROR", low(last, "outcome"));

        List<Observation.Context> deletes = telemetry.observations("servers.delete");
        assertEquals(1, deletes.size());
        assertEquals("204", low(deletes.get(0), "status"));
        assertEquals("/servers/{id}", low(deletes.get(0), "url.template"));
        assertEquals(
                transport.requestIdsOf("DELETE", "/servers/" + observedServer()).get(0),
                high(deletes.get(0), "request.id"));
    }

    @Test
    void authentication_isObservedOnTheSessionWithKeystonesRequestId() {
        List<Observation.Context> tokens = telemetry.observations("identity.tokens.create");
        assertEquals(1, tokens.size());
        assertEquals("identity", low(tokens.get(0), "service"));
        assertEquals("201", low(tokens.get(0), "status"));
        assertEquals(transport.requestIdsOf("POST", "/auth/tokens").get(0), high(tokens.get(0), "request.id"));
    }

    private String observedServer() {
        return booted;
    }

    /** The default transport, recording each response's request id by method and path. */
    private static final class RecordingTransport implements HttpTransport {
        private final HttpTransport delegate = ApacheHttpTransport.create();
        private final List<String[]> exchanges = Collections.synchronizedList(new ArrayList<>());

        @Override
        public HttpResponse execute(HttpRequest request) throws IOException {
            HttpResponse response = delegate.execute(request);
            String path = request.uri().getPath();
            exchanges.add(new String[] {
                request.method().name(), path, response.requestId().orElse("")
            });
            return response;
        }

        List<String> requestIdsOf(String method, String pathSuffix) {
            synchronized (exchanges) {
                return exchanges.stream()
                        .filter(e -> e[0].equals(method) && e[1].endsWith(pathSuffix))
                        .map(e -> e[2])
                        .collect(Collectors.toList());
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
