package dev.novasdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.PagingException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link PagedPublisher}: pages fetched on demand, one at a time, with the distinct listing's rules. */
class PagedPublisherTest {
    private final AtomicInteger fetches = new AtomicInteger();

    /** Three pages of two items: a1 a2 | b1 b2 | c1 c2. */
    private AsyncPageFetcher<String> threePages() {
        return previous -> {
            fetches.incrementAndGet();
            int n = previous.map(
                            p -> Integer.parseInt(p.nextLink().orElseThrow().getQuery()))
                    .orElse(0);
            String letter = String.valueOf((char) ('a' + n));
            URI next = n < 2 ? URI.create("https://nova/servers?" + (n + 1)) : null;
            return CompletableFuture.completedFuture(Page.of(List.of(letter + 1, letter + 2), next));
        };
    }

    @Test
    void forEachDeliversEveryItemInOrder() {
        List<String> seen = new ArrayList<>();
        PagedPublisher.of(threePages()).forEach(seen::add).join();
        assertEquals(List.of("a1", "a2", "b1", "b2", "c1", "c2"), seen);
        assertEquals(3, fetches.get());
    }

    @Test
    void aPageIsFetchedOnlyWhenDemandReachesIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        boolean[] completed = new boolean[1];
        PagedPublisher.of(threePages()).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
            }

            @Override
            public void onNext(String item) {
                seen.add(item);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onComplete() {
                completed[0] = true;
            }
        });
        assertEquals(0, fetches.get(), "nothing is fetched before demand");
        subscription[0].request(1);
        assertEquals(List.of("a1"), seen);
        assertEquals(1, fetches.get());
        subscription[0].request(1);
        assertEquals(1, fetches.get(), "the second item is on the page already held");
        subscription[0].request(1);
        assertEquals(List.of("a1", "a2", "b1"), seen);
        assertEquals(2, fetches.get());
        subscription[0].cancel();
        subscription[0].request(10);
        assertEquals(2, fetches.get(), "a cancelled subscription fetches nothing more");
        assertTrue(!completed[0]);
    }

    @Test
    void firstFetchesOnlyTheFirstPage() {
        assertEquals(Optional.of("a1"), PagedPublisher.of(threePages()).first().join());
        assertEquals(1, fetches.get());
    }

    @Test
    void aFailedFetchFailsTheListing() {
        PagedPublisher<String> failing =
                PagedPublisher.of(previous -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        CompletionException e =
                assertThrows(CompletionException.class, () -> failing.toList().join());
        assertEquals("boom", e.getCause().getMessage());
    }

    @Test
    void mapAppliesToEachItem() {
        assertEquals(
                List.of(2, 2, 2, 2, 2, 2),
                PagedPublisher.of(threePages()).map(String::length).toList().join());
    }

    @Test
    void aDistinctListingDropsRepeatsAndPausesBeforeARepeatedLink() {
        List<Duration> pauses = new ArrayList<>();
        URI link = URI.create("https://nova/servers?marker=x");
        AtomicInteger n = new AtomicInteger();
        // The service repeats its first page once, with the same next link, then moves on.
        AsyncPageFetcher<String> repeating = previous -> {
            int call = n.incrementAndGet();
            Page<String> page = call <= 2 ? Page.of(List.of("s1", "s2"), link) : Page.of(List.of("s2", "s3"), null);
            return CompletableFuture.completedFuture(page);
        };
        List<String> items = PagedPublisher.distinct(repeating, s -> s, s -> false, d -> {
                    pauses.add(d);
                    return CompletableFuture.completedFuture(null);
                })
                .toList()
                .join();
        assertEquals(List.of("s1", "s2", "s3"), items);
        assertEquals(List.of(PagedIterable.FIRST_PAUSE), pauses);
    }

    @Test
    void aServiceThatNeverAdvancesEndsTheListingWithAPagingException() {
        URI link = URI.create("https://nova/servers?marker=x");
        PagedPublisher<String> stuck = PagedPublisher.distinct(
                previous -> CompletableFuture.completedFuture(Page.of(List.of("s1"), link)),
                s -> s,
                s -> false,
                d -> CompletableFuture.completedFuture(null));
        CompletionException e =
                assertThrows(CompletionException.class, () -> stuck.toList().join());
        assertInstanceOf(PagingException.class, e.getCause());
    }
}
