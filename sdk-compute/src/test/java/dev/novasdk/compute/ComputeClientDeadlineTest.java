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
    void withTimeouts_view_boundsItsCallsAndLeavesTheClientOpen() {
        try (FaultServer nova = FaultServer.start(x -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{");
                    x.stall();
                });
                ComputeClient client = ComputeClient.builder()
                        .tokenProvider(ComputeStubs.fixedToken())
                        .endpoint(nova.uri("/v2.1"))
                        .microversion("2.1")
                        .build()) {
            ComputeClient quick = client.withTimeouts(Duration.ofMillis(700), Duration.ofMillis(300));
            long start = System.nanoTime();

            TransportException e =
                    assertThrows(TransportException.class, () -> quick.flavors().get("1"));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TransportException.Kind.DEADLINE_EXCEEDED, e.kind(), e::getMessage);
            // The client's own budget is minutes; only the view's can have ended the call this soon.
            assertTrue(elapsed < 700 + 2_000, "took " + elapsed + " ms");
            quick.close();
            assertEquals(
                    TransportException.Kind.DEADLINE_EXCEEDED,
                    assertThrows(TransportException.class, () -> client.withTimeouts(
                                            Duration.ofMillis(400), Duration.ofMillis(200))
                                    .flavors()
                                    .get("1"))
                            .kind(),
                    "closing a view must leave the client's transport open");
        }
    }

    @Test
    void withTimeouts_nonPositive_failNamingThem() {
        try (ComputeClient client = ComputeClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpoint(java.net.URI.create("http://127.0.0.1:9/v2.1"))
                .build()) {
            assertTrue(assertThrows(
                            IllegalArgumentException.class,
                            () -> client.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                    .getMessage()
                    .startsWith("callTimeout must be positive"));
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
