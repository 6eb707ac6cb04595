package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Eight threads creating, reading and deleting servers at once see a consistent cloud. */
class ConcurrentClientsTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 5;

    @Test
    void eightThreads_createAndDelete_everyServerExactlyOnce() throws Exception {
        FakeClock clock = FakeClock.manual();
        try (FakeCloud cloud = FakeCloud.builder()
                .clock(clock)
                .instantBoot(true)
                .quota(100, 200, 1_000_000)
                .start()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            Set<String> created = ConcurrentHashMap.newKeySet();
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    Callable<Integer> work = () -> {
                        String token = Http.token(cloud);
                        go.await();
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < PER_THREAD; i++) {
                            String id = Http.createServer(cloud, token, "t" + thread + "-" + i);
                            created.add(id);
                            mine.add(id);
                            HttpResponse<String> list = nova(cloud, token, "GET", "/servers/detail", "2.93", null);
                            assertEquals(200, list.statusCode());
                        }
                        for (String id : mine) {
                            assertEquals(
                                    200,
                                    nova(cloud, token, "GET", "/servers/" + id, "2.93", null)
                                            .statusCode());
                            assertEquals(
                                    204,
                                    nova(cloud, token, "DELETE", "/servers/" + id, "2.93", null)
                                            .statusCode());
                        }
                        return mine.size();
                    };
                    results.add(pool.submit(work));
                }
                go.countDown();
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get(30, TimeUnit.SECONDS);
                }
                assertEquals(THREADS * PER_THREAD, total);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(THREADS * PER_THREAD, created.size(), "every create returned a distinct id");
            assertEquals(THREADS * PER_THREAD, cloud.requestCount("POST", "/compute/v2.1/servers"));
            assertEquals(THREADS, cloud.authenticationCount());

            // One step deleting, 4 s DELETED, then gone.
            clock.advance(Duration.ofSeconds(5));
            assertTrue(cloud.servers().isEmpty(), "every server went through deleting and DELETED to gone");
            String token = Http.token(cloud);
            assertEquals(
                    "[]",
                    json(nova(cloud, token, "GET", "/servers", "2.93", null))
                            .get("servers")
                            .toString());
        }
    }
}
