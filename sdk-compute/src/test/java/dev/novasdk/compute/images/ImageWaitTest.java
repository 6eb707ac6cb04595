package dev.novasdk.compute.images;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.waiter.WaitOptions;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ImageManager#waitForStatus} after a snapshot, on Glance: queued, saving, active is success; killed is
 * a {@link ResourceErrorException}; an image left queued (the lab's fake virt driver) times out with it.
 */
class ImageWaitTest {
    static final String ID = "0e7761dd-ee98-41f0-ba35-05994e446431";
    static final String PATH = "/image/v2/images/" + ID;
    static final WaitOptions WAITS =
            WaitOptions.of(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(4));

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        URI compute = URI.create(wm.baseUrl() + "/v2.1");
        URI image = URI.create(wm.baseUrl() + "/image");
        client = ComputeClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpointResolver(q -> q.serviceType().equals("image") ? image : compute)
                .sleeper(time.sleeper())
                .nanoTime(time.nanoTime())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String image(String status) {
        return "{\"id\": \"" + ID + "\", \"name\": \"snap\", \"status\": \"" + status + "\", \"visibility\": "
                + "\"private\", \"image_type\": \"snapshot\", \"tags\": []}";
    }

    void stubStatuses(String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            wm.stubFor(get(urlEqualTo(PATH))
                    .inScenario("snapshot")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willReturn(okJson(image(statuses[i])))
                    .willSetStateTo("s" + (i + 1)));
        }
    }

    @Test
    void waitForStatus_queuedSavingActive_returnsTheActiveImage() {
        stubStatuses("queued", "saving", "active");
        Image active = client.images().waitForStatus(ID, ImageStatus.ACTIVE, WAITS);
        assertEquals(ImageStatus.ACTIVE, active.status());
        wm.verify(3, getRequestedFor(urlEqualTo(PATH)));
        assertEquals(2, time.sleeps().size());
    }

    @Test
    void waitForStatus_killed_throwsResourceErrorWithTheImage() {
        stubStatuses("queued", "killed");
        ResourceErrorException e = assertThrows(
                ResourceErrorException.class, () -> client.images().waitForStatus(ID, ImageStatus.ACTIVE, WAITS));
        assertTrue(e.getMessage().contains("went killed"), e.getMessage());
        assertEquals(ImageStatus.KILLED, e.resource(Image.class).orElseThrow().status());
    }

    @Test
    void waitForStatus_queuedForever_timesOutWithTheLastImage() {
        wm.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(image("queued"))));
        WaitTimeoutException e = assertThrows(
                WaitTimeoutException.class, () -> client.images().waitForStatus(ID, ImageStatus.ACTIVE, WAITS));
        assertTrue(e.getMessage().contains("statusRaw=queued"), e.getMessage());
    }
}
