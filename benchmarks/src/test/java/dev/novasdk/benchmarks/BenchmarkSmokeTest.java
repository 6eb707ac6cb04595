package dev.novasdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.http.Microversion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark set up through its state class and run once, so that a broken benchmark fails the build
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

            assertEquals(Fixtures.SERVER_ID, viaSdk.id());
            assertEquals(ServerStatus.ACTIVE, viaSdk.status());
            assertEquals(viaSdk, viaHand, "both clients must build the same model from the same document");
            assertEquals(viaSdk, viaTransport);
            assertEquals(Fixtures.SERVER_ID, tree.get("id").asText());
        } finally {
            b.stop();
        }
    }

    @Test
    void listServers_eachVariant_readsAllThreePages() throws Exception {
        ListServersBenchmark b = new ListServersBenchmark();
        b.start();
        try {
            assertEquals(Fixtures.PAGES * Fixtures.PAGE_SIZE, b.sdk());
            assertEquals(Fixtures.PAGES * Fixtures.PAGE_SIZE, b.handWrittenSameModel());
        } finally {
            b.stop();
        }
    }

    @Test
    void serverListPages_distinctIdsAcrossPages() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (byte[] page : Fixtures.serverListPages("http://127.0.0.1:1/v2.1")) {
            mapper.readTree(page)
                    .get("servers")
                    .forEach(s -> ids.add(s.get("id").asText()));
        }

        assertEquals(Fixtures.PAGES * Fixtures.PAGE_SIZE, ids.size());
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
        try (LoopbackNova nova = LoopbackNova.start(1);
                ComputeClient client = SdkClients.negotiating(nova.endpoint())) {
            assertEquals(Microversion.parse(Fixtures.MICROVERSION), client.microversion());
            assertEquals(
                    Fixtures.SERVER_ID, client.servers().get(Fixtures.SERVER_ID).id());
        }
    }

    @Test
    void harness_tinyRunInOneJvm_reportsEveryVariantAndVerdict() throws Exception {
        CpuPerCallHarness.Report report =
                CpuPerCallHarness.run(new CpuPerCallHarness.Options(3, 1, 1, 0, 1, 0, false), System.err);

        assertEquals(CpuPerCallHarness.VARIANTS.size(), report.results().size());
        assertEquals(3, report.verdicts().size());
        assertTrue(
                report.results().stream().allMatch(r -> r.cpuMicros() > 0 && r.wallMicros() > 0),
                () -> "every variant must have used CPU and time: " + report.results());
    }

    @Test
    void harnessOptions_arguments_overrideDefaults() {
        CpuPerCallHarness.Options o = CpuPerCallHarness.parse(List.of("--calls", "7", "--forks", "0", "--strict"));

        assertEquals(7, o.calls());
        assertEquals(0, o.forks());
        assertTrue(o.strict());
        assertEquals(CpuPerCallHarness.Options.defaults().warmup(), o.warmup());
    }
}
