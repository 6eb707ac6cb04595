package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing servers one per page right after a multi-create, while they are still build requests: like the
 * lab's Nova, FakeCloud lists the build requests first and the instances after, so a page request whose
 * marker is still a build request restarts the instances from the top, repeating servers.
 */
class BuildRequestPagingTest {
    private final FakeClock clock = FakeClock.manual();
    private FakeCloud cloud;
    private String token;

    @BeforeEach
    void start() {
        cloud = FakeCloud.builder().clock(clock).start();
        token = Http.token(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String multiCreate(int count) {
        String body = "{\"server\": {\"name\": \"multi\", \"imageRef\": \"" + cloud.imageId("cirros")
                + "\", \"flavorRef\": \"1\", \"networks\": \"none\", \"min_count\": " + count + ", \"max_count\": "
                + count + ", \"return_reservation_id\": true}}";
        return json(nova(cloud, token, "POST", "/servers", "2.93", body))
                .get("reservation_id")
                .asText();
    }

    /** The id on each page of a one-per-page listing, following the next links to the end. */
    private List<String> onePerPage(String reservation, List<String> markers) {
        List<String> ids = new ArrayList<>();
        String path = "/servers?limit=1&reservation_id=" + reservation;
        for (int page = 0; page < 20; page++) {
            JsonNode body = json(nova(cloud, token, "GET", path, "2.93", null));
            body.get("servers").forEach(s -> ids.add(s.get("id").asText()));
            if (!body.has("servers_links")) {
                return ids;
            }
            String next = body.get("servers_links").get(0).get("href").asText();
            String marker =
                    next.substring(next.indexOf("marker=") + "marker=".length()).split("&", 2)[0];
            markers.add(marker);
            path = "/servers?limit=1&reservation_id=" + reservation + "&marker=" + marker;
        }
        throw new AssertionError("no end after 20 pages: " + ids);
    }

    @Test
    void onePerPageRightAfterAMultiCreate_listsAllThreeTwice() {
        String reservation = multiCreate(3);
        List<String> markers = new ArrayList<>();

        List<String> ids = onePerPage(reservation, markers);

        assertEquals(6, ids.size(), ids.toString());
        assertEquals(ids.subList(0, 3), ids.subList(3, 6));
        assertEquals(3, ids.stream().distinct().count());
        assertEquals(markers.subList(0, 3), markers.subList(3, 6), "the same next links come round again");
    }

    @Test
    void onePerPageOnceScheduled_listsEachOnce() {
        String reservation = multiCreate(3);
        clock.advance(Duration.ofSeconds(1));

        List<String> ids = onePerPage(reservation, new ArrayList<>());

        assertEquals(3, ids.size(), ids.toString());
        assertEquals(3, ids.stream().distinct().count());
    }
}
