package dev.novasdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The async comparison run small, once, so that a broken benchmark fails the build. Measures nothing: its
 * figures on a handful of cold calls mean nothing.
 */
class AsyncComparisonSmokeTest {
    @Test
    void run_everyScenarioOnBothClients_tabled() throws Exception {
        List<AsyncComparison.Result> results = AsyncComparison.run(
                new AsyncComparison.Options(1, 20, 4, Duration.ofMillis(300), Duration.ofMillis(100)));

        assertEquals(5, results.size(), "three GET variants and two wait variants");
        for (AsyncComparison.Result r : results) {
            assertTrue(r.peakThreads() > 0 && r.wallMillis() > 0 && r.allocatedMb() > 0, r::toString);
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        AsyncComparison.print(results, new PrintStream(table, true, StandardCharsets.UTF_8));
        String text = table.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| wait | async | 4 |"), text);
        assertTrue(text.contains("| GET | blocking, 64 threads | 20 |"), text);
    }
}
