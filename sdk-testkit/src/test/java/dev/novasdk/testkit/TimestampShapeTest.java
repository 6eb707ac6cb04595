package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timestamps as the lab prints them even when the cloud's clock has fractions of a second (a realtime clock
 * always has): MariaDB and fernet tokens keep whole seconds, so Nova's and Keystone's six fraction digits
 * are zeros and Nova's and Glance's {@code Z} times have none.
 */
class TimestampShapeTest {
    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-03-01T08:00:00.123456789Z"));
    private final FakeCloud cloud = FakeCloud.builder().clock(clock).start();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void everyTimestamp_onAClockWithFractions_showsWholeSeconds() {
        String token = Http.token(cloud);
        String id = Http.createServer(cloud, token, "vm");
        clock.advance(Duration.ofMillis(4500));

        JsonNode server =
                json(nova(cloud, token, "GET", "/servers/" + id, "2.93", null)).get("server");
        assertEquals("2026-03-01T08:00:00Z", server.get("created").asText());
        assertEquals("2026-03-01T08:00:04Z", server.get("updated").asText());
        assertEquals(
                "2026-03-01T08:00:04.000000",
                server.get("OS-SRV-USG:launched_at").asText());

        JsonNode action = json(nova(cloud, token, "GET", "/servers/" + id + "/os-instance-actions", "2.93", null))
                .get("instanceActions")
                .get(0);
        assertEquals("2026-03-01T08:00:00.000000", action.get("start_time").asText());
        assertEquals("2026-03-01T08:00:04.000000", action.get("updated_at").asText());
        JsonNode event = json(nova(
                        cloud,
                        token,
                        "GET",
                        "/servers/" + id + "/os-instance-actions/"
                                + action.get("request_id").asText(),
                        "2.93",
                        null))
                .get("instanceAction")
                .get("events")
                .get(0);
        assertEquals("2026-03-01T08:00:00.000000", event.get("start_time").asText());
        assertEquals("2026-03-01T08:00:04.000000", event.get("finish_time").asText());

        assertEquals(
                204,
                nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null).statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                "2026-03-01T08:00:05.000000",
                json(nova(cloud, token, "GET", "/servers/" + id, "2.93", null))
                        .get("server")
                        .get("OS-SRV-USG:terminated_at")
                        .asText());

        JsonNode keypair = json(nova(cloud, token, "GET", "/os-keypairs/lab-key", "2.93", null))
                .get("keypair");
        assertEquals("2026-03-01T08:00:00.000000", keypair.get("created_at").asText());

        JsonNode validated = json(Http.send(
                        "GET", cloud.authUrl() + "/auth/tokens", null, "X-Auth-Token", token, "X-Subject-Token", token))
                .get("token");
        assertEquals("2026-03-01T08:00:00.000000Z", validated.get("issued_at").asText());
        assertEquals("2026-03-01T09:00:00.000000Z", validated.get("expires_at").asText());
    }
}
