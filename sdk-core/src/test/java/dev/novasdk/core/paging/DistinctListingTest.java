package dev.novasdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.PagingException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link PagedIterable#distinct}: a listing whose service repeats items and next links while it changes, as
 * Nova does while servers of a multi-create are still build requests.
 */
class DistinctListingTest {
    private static final String SERVERS = "http://127.0.0.1:8774/v2.1/servers?limit=1";

    /** An item: an id and whether it is still changing (a server in BUILD). */
    record Item(String id, boolean building) {}

    private static Item building(String id) {
        return new Item(id, true);
    }

    private static Item active(String id) {
        return new Item(id, false);
    }

    private static URI marker(String id) {
        return URI.create(SERVERS + "&marker=" + id);
    }

    /** Answers the scripted pages in order, whatever link it is asked for; records what it was asked. */
    private static final class Script implements PageFetcher<Item> {
        private final Iterator<Page<Item>> pages;
        final List<String> asked = new ArrayList<>();

        @SafeVarargs
        Script(Page<Item>... pages) {
            this.pages = List.of(pages).iterator();
        }

        @Override
        public Page<Item> fetch(Optional<Page<Item>> previous) {
            asked.add(previous.flatMap(Page::nextLink).map(URI::toString).orElse("first"));
            return pages.next();
        }
    }

    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper recording = sleeps::add;

    private PagedIterable<Item> listing(PageFetcher<Item> fetcher) {
        return PagedIterable.distinct(fetcher, Item::id, Item::building, recording);
    }

    private static List<String> ids(PagedIterable<Item> listing) {
        return listing.stream().map(Item::id).collect(Collectors.toList());
    }

    @Test
    void distinct_novaListsTheBuildRequestsThenTheInstancesFromTheTop_everyServerOnce() {
        // Seen on the lab: the three build requests, then, once they are instances, the three again.
        Script nova = new Script(
                Page.of(List.of(building("s3")), marker("s3")),
                Page.of(List.of(building("s2")), marker("s2")),
                Page.of(List.of(building("s1")), marker("s1")),
                Page.of(List.of(building("s3")), marker("s3")),
                Page.of(List.of(building("s2")), marker("s2")),
                Page.of(List.of(building("s1")), marker("s1")),
                Page.last(List.of()));

        assertEquals(List.of("s3", "s2", "s1"), ids(listing(nova)));
        assertEquals(7, nova.asked.size(), "every page is still read, to reach the end");
        // The links s3, s2 and s1 come round again: a pause before each, doubling.
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void distinct_sameNextLinkTwiceInARow_pausesAndAsksAgain() {
        Script nova = new Script(
                Page.of(List.of(building("s3")), marker("s3")),
                Page.of(List.of(building("s3")), marker("s3")),
                Page.of(List.of(building("s2")), marker("s2")),
                Page.of(List.of(building("s1")), marker("s1")),
                Page.last(List.of()));

        assertEquals(List.of("s3", "s2", "s1"), ids(listing(nova)));
        assertEquals(
                List.of(
                        "first",
                        marker("s3").toString(),
                        marker("s3").toString(),
                        marker("s2").toString(),
                        marker("s1").toString()),
                nova.asked);
        assertEquals(List.of(Duration.ofMillis(500)), sleeps);
    }

    @Test
    void distinct_serviceNeverAdvances_pagingExceptionWithTheLinkAfterCappedPauses() {
        PageFetcher<Item> stuck = previous -> Page.of(List.of(building("s1")), marker("s1"));

        PagingException e = assertThrows(PagingException.class, () -> ids(listing(stuck)));

        assertEquals(HttpMethod.GET, e.method());
        assertEquals(Optional.of(marker("s1")), e.uri());
        assertTrue(e.getMessage().startsWith("GET " + marker("s1")), e.getMessage());
        assertEquals(PagedIterable.MAX_REPEATS, sleeps.size());
        assertEquals(Duration.ofSeconds(4), sleeps.get(sleeps.size() - 1));
        Duration total = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofSeconds(40)) < 0, total.toString());
    }

    @Test
    void distinct_newLinkAfterRepeats_resetsThePause() {
        Script nova = new Script(
                Page.of(List.of(building("a")), marker("a")),
                Page.of(List.of(building("a")), marker("a")),
                Page.of(List.of(active("b")), marker("b")),
                Page.of(List.of(active("b")), marker("b")),
                Page.last(List.of(active("c"))));

        assertEquals(List.of("a", "b", "c"), ids(listing(nova)));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), sleeps);
    }

    @Test
    void distinct_buildingItemRepeatedFarLater_stillDropped_settledOneOnlyWithinTheWindow() {
        int settled = PagedIterable.RECENT_WINDOW + 10;
        List<Item> first = new ArrayList<>();
        first.add(building("new-1"));
        first.add(active("old-0"));
        for (int i = 1; i < settled; i++) {
            first.add(active("old-" + i));
        }
        Script nova = new Script(
                Page.of(first, marker("x")),
                // The building server comes round again after more than the window: still dropped. The first
                // settled one is outside the window by then: listed again (the documented limit).
                Page.of(List.of(building("new-1"), active("old-" + (settled - 1)), active("old-0")), marker("y")),
                Page.last(List.of()));

        List<String> ids = ids(listing(nova));

        assertEquals(settled + 2, ids.size());
        assertEquals(1, ids.stream().filter("new-1"::equals).count());
        assertEquals(1, ids.stream().filter(("old-" + (settled - 1))::equals).count());
        assertEquals(2, ids.stream().filter("old-0"::equals).count());
    }

    @Test
    void distinct_eachTraversalStartsAfresh() {
        PagedIterable<Item> listing =
                listing(previous -> previous.isEmpty() ? Page.last(List.of(building("a"), building("a"))) : null);

        assertEquals(List.of("a"), ids(listing));
        assertEquals(List.of("a"), ids(listing));
    }

    @Test
    void distinct_interruptedWhilePausing_pagingExceptionAndInterruptFlagKept() {
        PageFetcher<Item> stuck = previous -> Page.of(List.of(building("s1")), marker("s1"));
        PagedIterable<Item> listing = PagedIterable.distinct(stuck, Item::id, Item::building, d -> {
            throw new InterruptedException();
        });

        PagingException e = assertThrows(PagingException.class, () -> ids(listing));

        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted());
    }
}
