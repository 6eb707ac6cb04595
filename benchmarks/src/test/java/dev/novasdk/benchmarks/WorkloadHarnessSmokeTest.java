package dev.novasdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.benchmarks.WorkloadDriver.Listing;
import dev.novasdk.benchmarks.WorkloadDriver.Side;
import dev.novasdk.benchmarks.WorkloadDriver.Variant;
import dev.novasdk.identity.Session;
import dev.novasdk.identity.Token;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every workload of the harness run once on every side in this JVM, the memory check on a small listing, and
 * the fixtures they stand on, so that a broken benchmark fails the build instead of the next measurement.
 * Measures nothing: the figures of a single cold call mean nothing.
 */
class WorkloadHarnessSmokeTest {
    private static final Listing SMALL = new Listing(250, 100);

    @Test
    void run_everyWorkloadOnceInOneJvm_everyVariantMeasuredAndCompared() throws Exception {
        WorkloadHarness.Options once =
                new WorkloadHarness.Options(0, 0, 0, 0, 0, 1, EnumSet.allOf(Workload.class), true, SMALL, false);

        WorkloadHarness.Report report = WorkloadHarness.run(once, System.err);

        assertEquals(
                13,
                report.results().size(),
                "five workloads on two sides, plus two same-model diagnostics and W2 with the Micrometer listener");
        assertEquals(8, report.comparisons().size());
        for (WorkloadHarness.Result r : report.results()) {
            WorkloadHarness.Measurement m = r.forks().get(0);
            // One cold operation's CPU time is below the process clock's resolution: only its presence is checked.
            assertTrue(
                    Double.isFinite(m.cpuMicros()) && m.allocatedBytes() > 0 && m.operations() >= 1,
                    () -> r.toString());
        }
        assertEquals(
                WorkloadDriver.PARALLEL_THREADS,
                report.result(Workload.W5, Side.SDK).forks().get(0).operations(),
                "each W5 thread runs at least once");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        WorkloadHarness.print(report, once, new PrintStream(table, true, StandardCharsets.UTF_8));
        String text = table.toString(StandardCharsets.UTF_8);
        for (Workload w : Workload.values()) {
            assertTrue(text.contains("| " + w + " " + w.title() + " |"), () -> "no row for " + w + ":\n" + text);
        }
    }

    @Test
    void parse_arguments_overrideDefaults() {
        WorkloadHarness.Options o = WorkloadHarness.parse(
                List.of("--forks", "5", "--only", "w2,W3", "--diagnostics", "--servers", "2000", "--strict"));

        assertEquals(5, o.forks());
        assertEquals(Set.of(Workload.W2, Workload.W3), o.workloads());
        assertEquals(2000, o.listing().servers());
        assertTrue(o.strict());
        assertEquals(WorkloadHarness.Options.defaults().warmupMillis(), o.warmupMillis());
        assertEquals(
                List.of(
                        new Variant(Workload.W2, Side.SDK),
                        new Variant(Workload.W2, Side.BASELINE),
                        new Variant(Workload.W2, Side.SAME_MODEL),
                        new Variant(Workload.W2, Side.SDK_MICROMETER),
                        new Variant(Workload.W3, Side.SDK),
                        new Variant(Workload.W3, Side.BASELINE),
                        new Variant(Workload.W3, Side.SAME_MODEL)),
                o.variants());
    }

    @Test
    void parse_quick_oneShortFork() {
        WorkloadHarness.Options o = WorkloadHarness.parse(List.of("--quick"));

        assertEquals(1, o.forks());
        assertTrue(o.warmupMillis() + (long) o.rounds() * o.roundMillis() <= 2000);
    }

    @Test
    void variantKey_roundTrip() {
        for (Workload w : Workload.values()) {
            for (Side s : Side.values()) {
                if ((s != Side.SAME_MODEL || w.hasSameModelVariant())
                        && (s != Side.SDK_MICROMETER || w == Workload.W2)) {
                    Variant v = new Variant(w, s);
                    assertEquals(v, Variant.ofKey(v.key()));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Variant.ofKey("W1:sameModel"));
        assertThrows(IllegalArgumentException.class, () -> Variant.ofKey("W3:sdkMicrometer"));
    }

    @Test
    void sdkAndBaseline_loopbackKeystone_sameTokenAndComputeEndpoint() throws Exception {
        try (LoopbackCloud cloud = LoopbackCloud.start(1, 0);
                Session session = SdkClients.session(cloud.identityEndpoint());
                BaselineClient baseline = BaselineClient.login(cloud.identityEndpoint(), SdkClients.userAgent())) {
            Token token = session.token();
            BaselineClient.Authenticated byHand = baseline.authenticate();

            assertEquals(Fixtures.TOKEN, token.id());
            assertEquals(Fixtures.TOKEN, byHand.token());
            assertEquals(cloud.computeEndpoint(), session.endpoint("compute"));
            assertEquals(4, byHand.document().token().catalog().size());
            assertTrue(token.expiresAt().orElseThrow().isAfter(Instant.now()), "valid for an hour");
            assertEquals(
                    Instant.parse(byHand.document().token().expiresAt()),
                    token.expiresAt().orElseThrow());
        }
    }

    @Test
    void baselineRecords_everyMemberOfEveryDocument_bound() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        byte[] page = new ServerListing(3).page("http://127.0.0.1:1/v2.1", 2, null);

        BaselineDocuments.Server s = strict.readValue(Fixtures.serverDocument(), BaselineDocuments.ServerDocument.class)
                .server();
        strict.readValue(
                Fixtures.tokenDocument("http://127.0.0.1:1", Instant.now()), BaselineDocuments.TokenDocument.class);
        strict.readValue(Fixtures.createdServerDocument(), BaselineDocuments.CreatedDocument.class);
        BaselineDocuments.ServerPage p = strict.readValue(page, BaselineDocuments.ServerPage.class);

        assertEquals("0e44cc9c-e052-415d-afbf-469b0d384170", s.id());
        assertEquals("1.2.3.4", s.accessIPv4());
        assertEquals("2013-09-03T04:01:32Z", s.created());
        assertEquals(512, s.flavor().ram());
        assertEquals(2, p.servers().size());
        assertEquals("next", p.links().get(0).rel());
    }

    @Test
    void serverListing_followingMarkers_everyServerOnceThenNoNextLink() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ServerListing listing = new ServerListing(250);
        Set<String> ids = new HashSet<>();
        String marker = null;
        int pages = 0;
        do {
            JsonNode page = mapper.readTree(listing.page("http://127.0.0.1:1/v2.1", 100, marker));
            page.get("servers").forEach(s -> ids.add(s.get("id").asText()));
            pages++;
            JsonNode links = page.get("servers_links");
            marker = links == null ? null : links.get(0).get("href").asText().replaceAll(".*marker=", "");
        } while (marker != null);

        assertEquals(250, ids.size());
        assertEquals(3, pages);
        assertNull(listing.page("http://127.0.0.1:1/v2.1", 100, Fixtures.listedServerId(250)), "unknown marker");
        assertEquals(41, Fixtures.listedServerIndex(Fixtures.listedServerId(41)));
    }

    @Test
    void pagedMemoryCheck_smallListing_everyServerIteratedAndHeapRead() {
        try (LoopbackCloud cloud = LoopbackCloud.start(1, SMALL.servers())) {
            PagedMemoryCheck.Figures f = PagedMemoryCheck.measure(cloud.base(), SMALL);

            assertEquals(SMALL.servers(), f.servers());
            assertTrue(f.liveBefore() > 0 && f.peakLive() > 0, f::toString);
            assertTrue(f.collections() >= 3, "one forced collection per page at least: " + f);
        }
    }
}
