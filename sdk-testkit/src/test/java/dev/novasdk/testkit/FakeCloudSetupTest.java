package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building, starting and closing a cloud, and the credentials it hands out. */
class FakeCloudSetupTest {
    @Test
    void build_bindsThePortBeforeStartAndStartIsIdempotent() {
        FakeCloud cloud = FakeCloud.builder().build();
        try {
            assertTrue(cloud.port() > 0);
            assertEquals("http://127.0.0.1:" + cloud.port() + "/identity/v3", cloud.authUrl());
            assertSame(cloud, cloud.start());
            assertSame(cloud, cloud.start());
            assertEquals(
                    201,
                    Http.send(
                                    "POST",
                                    cloud.authUrl() + "/auth/tokens",
                                    Http.passwordBody("admin", "secretadmin", "admin"))
                            .statusCode());
        } finally {
            cloud.close();
            cloud.close();
        }
        assertThrows(IllegalStateException.class, cloud::start);
    }

    @Test
    void close_ofACloudNeverStarted_freesIt() {
        FakeCloud cloud = FakeCloud.builder().build();
        cloud.close();
        assertThrows(IllegalStateException.class, cloud::start);
    }

    @Test
    void accessors_describeTheDefaultAdmin() {
        try (FakeCloud cloud = FakeCloud.builder().start()) {
            assertEquals("admin", cloud.username());
            assertEquals("secretadmin", cloud.password());
            assertEquals("admin", cloud.projectName());
            assertEquals("Default", cloud.userDomainName());
            assertEquals("Default", cloud.projectDomainName());
            assertEquals("RegionOne", cloud.regionName());
            assertEquals("2.93", cloud.maxMicroversion());
            assertEquals(cloud.baseUrl() + "/compute/v2.1", cloud.computeEndpoint());
            assertEquals(cloud.baseUrl() + "/image", cloud.imageEndpoint());
            assertTrue(cloud.projectId().matches("[0-9a-f]{32}"));

            Map<String, String> env = cloud.osEnvironment();
            assertEquals(cloud.authUrl(), env.get("OS_AUTH_URL"));
            assertEquals("admin", env.get("OS_USERNAME"));
            assertEquals("secretadmin", env.get("OS_PASSWORD"));
            assertEquals("admin", env.get("OS_PROJECT_NAME"));
            assertEquals("Default", env.get("OS_USER_DOMAIN_NAME"));
            assertEquals("Default", env.get("OS_PROJECT_DOMAIN_NAME"));
            assertEquals("RegionOne", env.get("OS_REGION_NAME"));
            assertEquals("3", env.get("OS_IDENTITY_API_VERSION"));
            Map<String, String> demo = cloud.osEnvironment("demo");
            assertEquals("secretdemo", demo.get("OS_PASSWORD"));
            assertEquals("demo", demo.get("OS_PROJECT_NAME"));
            assertThrows(IllegalArgumentException.class, () -> cloud.osEnvironment("nobody"));
        }
    }

    @Test
    void builder_addsUsersFlavorsAndImages() {
        try (FakeCloud cloud = FakeCloud.builder()
                .user("ops", "s3cret", "ops-project", false)
                .flavor("42", "m1.swap", 1024, 1, 10, 512)
                .image("ubuntu", "active")
                .start()) {
            String token = Http.token(cloud, "ops", "s3cret", "ops-project");
            String body =
                    "{\"server\": {\"name\": \"s\", \"flavorRef\": \"42\", \"imageRef\": \"" + cloud.imageId("ubuntu")
                            + "\", \"networks\": \"none\", \"block_device_mapping_v2\": [{\"uuid\": \""
                            + cloud.imageId("ubuntu")
                            + "\", \"source_type\": \"image\", \"destination_type\": \"local\", \"boot_index\": 0}, "
                            + "{\"source_type\": \"blank\", \"destination_type\": \"local\", \"guest_format\": \"swap\", "
                            + "\"volume_size\": 512, \"boot_index\": -1}]}}";
            assertEquals(
                    202,
                    Http.nova(cloud, token, "POST", "/servers", "2.93", body).statusCode(),
                    "a swap within the flavor's is accepted");
            assertThrows(IllegalArgumentException.class, () -> cloud.imageId("nope"));
        }
    }

    @Test
    void builder_rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().stepDuration(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().tokenLifetime(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> FakeCloud.builder()
                .minMicroversion("2.60")
                .maxMicroversion("2.50")
                .build());
        assertThrows(NullPointerException.class, () -> FakeCloud.builder().region(null));
    }

    @Test
    void fakeClock_manualStandsStillAndTickingFollowsTime() {
        FakeClock manual = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), manual.instant());
        manual.advance(Duration.ofMinutes(3));
        assertEquals(Instant.parse("2026-01-01T00:03:00Z"), manual.instant());
        assertEquals(
                manual.instant(),
                manual.withZone(java.time.ZoneId.of("Europe/Paris")).instant());
        assertThrows(IllegalArgumentException.class, () -> manual.advance(Duration.ofSeconds(-1)));

        FakeClock ticking = FakeClock.ticking();
        Instant before = Instant.now();
        ticking.advance(Duration.ofHours(1));
        assertTrue(!ticking.instant().isBefore(before.plus(Duration.ofHours(1))));
        assertTrue(ticking.isTicking());
    }
}
