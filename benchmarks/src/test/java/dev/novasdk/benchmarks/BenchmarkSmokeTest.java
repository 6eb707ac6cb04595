package dev.novasdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.http.Microversion;
import org.junit.jupiter.api.Test;

/**
 * Each JMH benchmark set up through its state class and run once, so that a broken benchmark fails the build
 * instead of the next measurement. Measures nothing: timings belong to the JMH runs and the harness.
 */
class BenchmarkSmokeTest {

    @Test
    void getServer_eachVariant_returnsTheSampleServer() throws Exception {
        GetServerBenchmark b = new GetServerBenchmark();
        b.start();
        try {
            Server viaSdk = b.sdk();
            Server viaHand = b.handWrittenSameModel();
            JsonNode tree = b.handWritten();
            Server viaTransport = b.sdkTransport();
            BaselineDocuments.Server viaBaseline = b.baseline();

            assertEquals(Fixtures.SERVER_ID, viaSdk.id());
            assertEquals(ServerStatus.ACTIVE, viaSdk.status());
            assertEquals(viaSdk, viaHand, "both clients must build the same model from the same document");
            assertEquals(viaSdk, viaTransport);
            assertEquals(Fixtures.SERVER_ID, tree.get("id").asText());
            assertEquals(Fixtures.SERVER_ID, viaBaseline.id());
            assertEquals("2013-09-23T13:37:00.880302", viaBaseline.launchedAt(), "timestamps stay as sent");
        } finally {
            b.stop();
        }
    }

    @Test
    void observedGetServer_eachListener_returnsTheSampleServer() throws Exception {
        for (String listener : new String[] {"none", "ignoring", "micrometer"}) {
            ObservedGetServerBenchmark b = new ObservedGetServerBenchmark();
            b.listener = listener;
            b.start();
            try {
                assertEquals(Fixtures.SERVER_ID, b.get().id(), listener);
            } finally {
                b.stop();
            }
        }
    }

    @Test
    void listServers_eachVariant_readsAllThreePages() throws Exception {
        ListServersBenchmark b = new ListServersBenchmark();
        b.start();
        try {
            assertEquals(ListServersBenchmark.SERVERS, b.sdk());
            assertEquals(ListServersBenchmark.SERVERS, b.handWrittenSameModel());
        } finally {
            b.stop();
        }
    }

    @Test
    void json_eachVariant_decodesTheSampleServer() throws Exception {
        JsonBenchmark b = new JsonBenchmark();
        b.setUp();

        assertEquals(Fixtures.SERVER_ID, b.codecDecode().id());
        assertEquals(b.codecDecode(), b.mapperReadValue());
        assertEquals(
                Fixtures.SERVER_ID, b.mapperReadTree().get("server").get("id").asText());
    }

    @Test
    void negotiatingClient_loopbackVersionDocument_usesItsMaximum() {
        try (LoopbackCloud nova = LoopbackCloud.start(1, 0);
                ComputeClient client = SdkClients.negotiating(nova.computeEndpoint())) {
            assertEquals(Microversion.parse(Fixtures.MICROVERSION), client.microversion());
            assertEquals(
                    Fixtures.SERVER_ID, client.servers().get(Fixtures.SERVER_ID).id());
        }
    }
}
