package dev.novasdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

    /**
     * A listing served from memory the way nova pages: each page's next link names the following page's
     * index; the last page has no link. Counts fetches and records the link each fetch followed.
     */
    static final class LinkedListing implements PageFetcher<String> {
        final List<List<String>> pages;
        final List<String> followed = new ArrayList<>();
        int fetches;

        LinkedListing(List<List<String>> pages) {
            this.pages = pages;
        }

        @Override
        public Page<String> fetch(Optional<Page<String>> previous) {
            fetches++;
            int index = 0;
            if (previous.isPresent()) {
                URI link = previous.get().nextLink().orElseThrow();
                followed.add(link.toString());
                index = Integer.parseInt(link.getQuery().substring("page=".length()));
            } else {
                followed.add("<first>");
            }
            List<String> items = pages.get(index);
            return index + 1 < pages.size() ? Page.of(items, link(index + 1)) : Page.last(items);
        }

        static URI link(int index) {
            return URI.create("https://nova.example/v2.1/servers?page=" + index);
        }
    }

    /** A listing paged by marker: the next request asks for the items after the last id seen. */
    static final class MarkerListing implements PageFetcher<String> {
        final List<String> all;
        final int limit;
        final List<String> markers = new ArrayList<>();
        int fetches;

        MarkerListing(List<String> all, int limit) {
            this.all = all;
            this.limit = limit;
        }

        @Override
        public Page<String> fetch(Optional<Page<String>> previous) {
            fetches++;
            String marker = previous.flatMap(Page::nextMarker).orElse(null);
            markers.add(marker);
            int from = marker == null ? 0 : all.indexOf(marker) + 1;
            List<String> items = all.subList(from, Math.min(all.size(), from + limit));
            // Like nova without links: a full page may have more after it, a short one is the last.
            return Page.withMarker(items, items.size() == limit ? items.get(items.size() - 1) : null);
        }
    }

    private static LinkedListing threePages() {
        return new LinkedListing(List.of(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g", "h")));
    }

    private static List<String> drain(Iterable<String> iterable) {
        List<String> out = new ArrayList<>();
        iterable.forEach(out::add);
        return out;
    }

    @Test
    void of_beforeIteration_fetchesNothing() {
        LinkedListing listing = threePages();
        PagedIterable<String> paged = PagedIterable.of(listing);

        paged.iterator();
        paged.stream();
        paged.streamPages();
        paged.byPage().iterator();
        paged.map(String::length).iterator();
        paged.spliterator();

        assertEquals(0, listing.fetches);
    }

    @Test
    void iterator_linkedPages_fetchesEachPageOnlyWhenIterationReachesIt() {
        LinkedListing listing = threePages();
        Iterator<String> it = PagedIterable.of(listing).iterator();
        List<Integer> fetchesAfterEachItem = new ArrayList<>();
        List<String> items = new ArrayList<>();

        while (it.hasNext()) {
            items.add(it.next());
            fetchesAfterEachItem.add(listing.fetches);
        }

        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), items);
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3), fetchesAfterEachItem);
        assertEquals(
                List.of(
                        "<first>",
                        "https://nova.example/v2.1/servers?page=1",
                        "https://nova.example/v2.1/servers?page=2"),
                listing.followed);
    }

    @Test
    void iterator_markerPages_fetchesWithTheLastMarkerUntilAShortPage() {
        MarkerListing listing = new MarkerListing(List.of("a", "b", "c", "d", "e", "f", "g"), 3);

        List<String> items = drain(PagedIterable.of(listing));

        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), items);
        assertEquals(3, listing.fetches);
        assertEquals(Arrays.asList(null, "c", "f"), listing.markers);
    }

    @Test
    void iterator_markerPagesEndingWithEmptyPage_stopsAfterTheEmptyPage() {
        MarkerListing listing = new MarkerListing(List.of("a", "b", "c", "d", "e", "f"), 3);

        List<String> items = drain(PagedIterable.of(listing));

        assertEquals(List.of("a", "b", "c", "d", "e", "f"), items);
        assertEquals(3, listing.fetches);
        assertEquals(Arrays.asList(null, "c", "f"), listing.markers);
    }

    @Test
    void stream_limit_stopsFetchingAfterThePageHoldingTheLastNeededItem() {
        LinkedListing listing = threePages();
        PagedIterable<String> paged = PagedIterable.of(listing);

        assertEquals(List.of("a", "b", "c"), paged.stream().limit(3).collect(Collectors.toList()));
        assertEquals(1, listing.fetches);

        listing.fetches = 0;
        assertEquals(List.of("a", "b", "c", "d"), paged.stream().limit(4).collect(Collectors.toList()));
        assertEquals(2, listing.fetches);
    }

    @Test
    void stream_findFirst_fetchesOnlyTheFirstPage() {
        LinkedListing listing = threePages();

        Optional<String> first = PagedIterable.of(listing).stream()
                .filter(s -> s.compareTo("b") >= 0)
                .findFirst();

        assertEquals(Optional.of("b"), first);
        assertEquals(1, listing.fetches);
    }

    @Test
    void stream_characteristics_sequentialOrderedWithoutSize() {
        Stream<String> stream = PagedIterable.of(threePages()).stream();
        Spliterator<String> spliterator = PagedIterable.of(threePages()).spliterator();

        assertFalse(stream.isParallel());
        assertTrue(spliterator.hasCharacteristics(Spliterator.ORDERED));
        assertFalse(spliterator.hasCharacteristics(Spliterator.SIZED));
        assertEquals(Long.MAX_VALUE, spliterator.estimateSize());
    }

    @Test
    void stream_fullTraversal_yieldsEveryItemInOrder() {
        assertEquals(
                List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                PagedIterable.of(threePages()).stream().collect(Collectors.toList()));
    }

    @Test
    void byPage_linkedPages_yieldsEachPageWithItsLinkLazily() {
        LinkedListing listing = threePages();
        Iterator<Page<String>> pages = PagedIterable.of(listing).byPage().iterator();

        Page<String> first = pages.next();
        assertEquals(1, listing.fetches);
        assertEquals(Page.of(List.of("a", "b", "c"), LinkedListing.link(1)), first);
        assertEquals(Page.of(List.of("d", "e", "f"), LinkedListing.link(2)), pages.next());
        assertEquals(2, listing.fetches);
        assertEquals(Page.last(List.of("g", "h")), pages.next());
        assertFalse(pages.hasNext());
        assertEquals(3, listing.fetches);
    }

    @Test
    void byPage_emptyListing_yieldsOneEmptyPage() {
        PagedIterable<String> paged = PagedIterable.of(previous -> Page.last(List.of()));

        List<Page<String>> pages = new ArrayList<>();
        paged.byPage().forEach(pages::add);

        assertEquals(List.of(Page.last(List.of())), pages);
        assertFalse(paged.iterator().hasNext());
    }

    @Test
    void streamPages_countsPagesAndFetchesLazily() {
        LinkedListing listing = threePages();

        List<Integer> sizes = PagedIterable.of(listing)
                .streamPages()
                .limit(2)
                .map(p -> p.items().size())
                .collect(Collectors.toList());

        assertEquals(List.of(3, 3), sizes);
        assertEquals(2, listing.fetches);
    }

    @Test
    void iterator_calledTwice_eachStartsAtPageOne() {
        LinkedListing listing = threePages();
        PagedIterable<String> paged = PagedIterable.of(listing);

        Iterator<String> first = paged.iterator();
        first.next();
        first.next();
        first.next();
        first.next(); // on page two now
        Iterator<String> second = paged.iterator();

        assertEquals("a", second.next());
        assertEquals("e", first.next());
        assertEquals(List.of("<first>", "https://nova.example/v2.1/servers?page=1", "<first>"), listing.followed);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), drain(paged));
    }

    @Test
    void byPage_calledTwice_eachTraversalRefetches() {
        LinkedListing listing = threePages();
        Iterable<Page<String>> pages = PagedIterable.of(listing).byPage();

        pages.forEach(p -> {});
        pages.forEach(p -> {});

        assertEquals(6, listing.fetches);
    }

    @Test
    void iterator_emptyPageWithNextLink_continuesToTheNextPage() {
        LinkedListing listing = new LinkedListing(List.of(List.of("a"), List.of(), List.of(), List.of("b")));

        assertEquals(List.of("a", "b"), drain(PagedIterable.of(listing)));
        assertEquals(4, listing.fetches);
    }

    @Test
    void iterator_emptyLastPage_endsIteration() {
        LinkedListing listing = new LinkedListing(List.of(List.of("a", "b"), List.of()));
        Iterator<String> it = PagedIterable.of(listing).iterator();

        assertEquals(List.of("a", "b"), List.of(it.next(), it.next()));
        assertFalse(it.hasNext());
        assertEquals(2, listing.fetches);
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void iterator_serviceRepeatsTheSameNextLink_throwsIllegalStateNamingTheLink() {
        URI stuck = URI.create("https://nova.example/v2.1/servers?marker=abc&limit=2");
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<String> paged = PagedIterable.of(previous -> {
            fetches.incrementAndGet();
            return Page.of(List.of("x"), stuck);
        });
        Iterator<String> it = paged.iterator();

        assertEquals("x", it.next()); // page one, fetched with no link
        assertEquals("x", it.next()); // page two, fetched with the stuck link, which it repeats
        IllegalStateException e = assertThrows(IllegalStateException.class, it::hasNext);

        assertEquals(2, fetches.get());
        assertTrue(e.getMessage().contains("next link " + stuck), e.getMessage());
        assertTrue(e.getMessage().contains("page 2"), e.getMessage());
    }

    @Test
    void iterator_serviceRepeatsTheSameMarker_throwsIllegalStateNamingTheMarker() {
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<String> paged = PagedIterable.of(previous -> {
            fetches.incrementAndGet();
            return Page.withMarker(List.of(), "m-1");
        });

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> paged.iterator().hasNext());

        assertEquals(2, fetches.get());
        assertTrue(e.getMessage().contains("next marker 'm-1'"), e.getMessage());
    }

    @Test
    void iterator_repeatedLinkContainingSecret_redactsItInTheMessage() {
        URI stuck = URI.create("https://nova.example/v2.1/servers?token=s3cr3t&page=2");
        PagedIterable<String> paged = PagedIterable.of(previous -> Page.of(List.of(), stuck));

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> paged.iterator().hasNext());

        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void iterator_fetcherThrows_propagatesAndRetriesTheSameFetchWhenCalledAgain() {
        LinkedListing listing = threePages();
        RuntimeException outage = new IllegalStateException("503 from nova");
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<Optional<URI>> requested = new ArrayList<>();
        PagedIterable<String> paged = PagedIterable.of(previous -> {
            requested.add(previous.flatMap(Page::nextLink));
            if (previous.isPresent() && failuresLeft.getAndDecrement() > 0) {
                throw outage;
            }
            return listing.fetch(previous);
        });
        Iterator<String> it = paged.iterator();
        it.next();
        it.next();
        it.next();

        RuntimeException thrown = assertThrows(RuntimeException.class, it::hasNext);

        assertSame(outage, thrown);
        assertEquals("d", it.next());
        assertEquals(
                List.of(Optional.empty(), Optional.of(LinkedListing.link(1)), Optional.of(LinkedListing.link(1))),
                requested);
    }

    @Test
    void iterator_fetcherReturnsNull_throwsNullPointerNamingThePage() {
        PagedIterable<String> paged = PagedIterable.of(previous -> null);

        NullPointerException e =
                assertThrows(NullPointerException.class, () -> paged.iterator().hasNext());

        assertTrue(e.getMessage().contains("page 1"), e.getMessage());
    }

    @Test
    void map_appliesTheMapperLazilyPageByPage() {
        LinkedListing listing = threePages();
        AtomicInteger calls = new AtomicInteger();
        PagedIterable<String> upper = PagedIterable.of(listing).map(s -> {
            calls.incrementAndGet();
            return s.toUpperCase(Locale.ROOT);
        });
        assertEquals(0, calls.get());

        List<String> firstFour = upper.stream().limit(4).collect(Collectors.toList());

        assertEquals(List.of("A", "B", "C", "D"), firstFour);
        assertEquals(6, calls.get()); // two pages of three
        assertEquals(2, listing.fetches);
    }

    @Test
    void map_byPage_keepsTheNextLinks() {
        List<Page<Integer>> pages = new ArrayList<>();
        PagedIterable.of(threePages()).map(String::length).byPage().forEach(pages::add);

        assertEquals(
                List.of(
                        Page.of(List.of(1, 1, 1), LinkedListing.link(1)),
                        Page.of(List.of(1, 1, 1), LinkedListing.link(2)),
                        Page.last(List.of(1, 1))),
                pages);
    }

    @Test
    void of_nullFetcher_throwsNullPointerNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> PagedIterable.of(null));

        assertEquals("fetcher", e.getMessage());
    }

    @Test
    void stream_viaStreamSupport_sameItemsAsIterator() {
        PagedIterable<String> paged = PagedIterable.of(threePages());

        assertEquals(
                drain(paged), StreamSupport.stream(paged.spliterator(), false).collect(Collectors.toList()));
    }
}
