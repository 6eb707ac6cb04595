package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.FaultServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's call and attempt timeouts reach its pipeline and bound a call against a stalled server. */
class ComputeClientDeadlineTest {
    @Test
    void get_serverStallsAfterHeaders_deadlineExceededWithinTheCallTimeout() {
        try (FaultServer nova = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{");
                    x.stall();
                });
                ComputeClient client = ComputeClient.builder()
                        .tokenProvider(ComputeStubs.fixedToken())
                        .endpoint(nova.uri("/v2.1"))
                        .microversion("2.1")
                        .attemptTimeout(Duration.ofMillis(300))
                        .callTimeout(Duration.ofMillis(700))
                        .build()) {
            long start = System.nanoTime();

            TransportException e = assertThrows(
                    TransportException.class, () -> client.flavors().get("1"));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TransportException.Kind.DEADLINE_EXCEEDED, e.kind(), e::getMessage);
            assertTrue(elapsed < 700 + 2_000, "took " + elapsed + " ms");
            assertTrue(nova.requests() >= 1 && nova.requests() <= 3, nova.requests() + " requests");
        }
    }

    @Test
    void builder_nonPositiveTimeouts_failNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComputeClient.builder()
                        .callTimeout(Duration.ZERO))
                .getMessage()
                .startsWith("callTimeout must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComputeClient.builder()
                        .attemptTimeout(Duration.ofSeconds(-1)))
                .getMessage()
                .startsWith("attemptTimeout must be positive"));
    }
}
