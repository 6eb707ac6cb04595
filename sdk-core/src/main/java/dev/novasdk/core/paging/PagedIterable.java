package dev.novasdk.core.paging;

import dev.novasdk.core.error.PagingException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.internal.SafeUri;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing that fetches its pages lazily, as iteration reaches them. Managers return one from every
 * {@code list(..)} so that callers see every item, not just the first page, while holding only one page in
 * memory.
 *
 * <pre>{@code
 * PagedIterable<Server> servers = compute.servers().list(options);
 * servers.stream().map(Server::name).limit(10).forEach(System.out::println); // stops fetching after 10
 * servers.byPage().forEach(page -> log(page.items().size(), page.nextLink()));
 * }</pre>
 *
 * <p>Nothing is fetched until iteration starts, and every {@link #iterator()}, {@link #stream()} or
 * {@link #byPage()} traversal starts again at page one with new requests; results are not cached. A page
 * without a next link or marker ends the listing; an empty page with one does not.
 *
 * <p>A {@code PagedIterable} is immutable and may be shared between threads; each iterator (and stream) is
 * for one thread only. Exceptions from the {@link PageFetcher} propagate from {@code hasNext()} or
 * {@code next()}; the iterator stays where it was, so calling it again repeats the failed fetch.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private static final int CHARACTERISTICS = Spliterator.ORDERED | Spliterator.NONNULL;
    static final int RECENT_WINDOW = 1000;
    static final int MAX_REPEATS = 10;
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration MAX_PAUSE = Duration.ofSeconds(4);

    // Opens a fresh traversal of the pages; called once per iterator so that each one starts at page one.
    private final Supplier<Iterator<Page<T>>> pages;

    private PagedIterable(Supplier<Iterator<Page<T>>> pages) {
        this.pages = pages;
    }

    /** A listing whose pages come from {@code fetcher}; nothing is fetched by this call. */
    public static <T> PagedIterable<T> of(PageFetcher<T> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return new PagedIterable<>(() -> new FetchingPageIterator<>(fetcher));
    }

    /**
     * A listing of a service that may repeat itself while its data changes, yielding every item once. Nova
     * does: while servers are still being scheduled it lists their build requests first and its instances
     * after, and when a build request turns into an instance between two page requests, a marker that
     * pointed into the build requests restarts the instances from the top. Paging one per page right after a
     * multi-create of three then shows all three twice, or gives the same next link twice in a row.
     *
     * <p>Items: an item whose id ({@code idOf}) was already yielded in this traversal is dropped. To keep
     * memory small, ids are remembered only while a repeat is possible: the ids of items that
     * {@code unsettled} says are still changing (a server in {@code BUILD}, which is what a build request
     * looks like; Nova's repeats under its default newest-first order are of these only) for the whole
     * traversal, their number bounded by what is being built; and the ids of the last
     * {@value #RECENT_WINDOW} items of any kind, for repeats of recent pages. A settled item repeated more
     * than {@value #RECENT_WINDOW} items later (possible only under a custom sort order while servers are
     * being built) is not caught.
     *
     * <p>Pages: a next link (or marker) already followed in this traversal, the last {@value #RECENT_WINDOW}
     * remembered, means the service is going round in circles for now. The listing then pauses on
     * {@code sleeper} (0.5 s, doubling up to 4 s) before following it, giving the service time to settle, and
     * gives up with a {@link PagingException} after {@value #MAX_REPEATS} repeated links in a row (about
     * 30 s). A link not seen before resets the count.
     *
     * @param fetcher the pages; it is given the page as the service sent it, before duplicates are dropped
     * @param idOf the identity of an item
     * @param unsettled whether an item may still be repeated later (its id is then kept for the whole
     *     traversal); {@code item -> false} when nothing in the listing changes state
     * @param sleeper how the listing pauses when the service repeats a page
     */
    public static <T> PagedIterable<T> distinct(
            PageFetcher<T> fetcher, Function<? super T, String> idOf, Predicate<? super T> unsettled, Sleeper sleeper) {
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(idOf, "idOf");
        Objects.requireNonNull(unsettled, "unsettled");
        Objects.requireNonNull(sleeper, "sleeper");
        return new PagedIterable<>(() -> new DistinctPageIterator<>(fetcher, idOf, unsettled, sleeper));
    }

    /** The items of every page in order, fetching the next page only when the current one is used up. */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator<>(pages.get());
    }

    /** Ordered, non-null, of unknown size, so streams never ask for a size that would need every page. */
    @Override
    public Spliterator<T> spliterator() {
        return Spliterators.spliteratorUnknownSize(iterator(), CHARACTERISTICS);
    }

    /**
     * A sequential, ordered stream of the items. It is lazy: a short-circuiting operation such as
     * {@code limit(10)} or {@code findFirst()} stops fetching after the page holding the last item it needs.
     */
    public Stream<T> stream() {
        return StreamSupport.stream(this::spliterator, CHARACTERISTICS, false);
    }

    /**
     * The pages themselves, for callers that want page sizes or links. Lazy and restarting like
     * {@link #iterator()}; the first page is always returned, even when it is empty.
     */
    public Iterable<Page<T>> byPage() {
        return pages::get;
    }

    /** A sequential, ordered stream of the pages; lazy like {@link #stream()}. */
    public Stream<Page<T>> streamPages() {
        return StreamSupport.stream(
                () -> Spliterators.spliteratorUnknownSize(pages.get(), CHARACTERISTICS), CHARACTERISTICS, false);
    }

    /**
     * A listing of {@code mapper} applied to each item. Nothing is fetched by this call; each page is mapped
     * as a whole when it is fetched, so the mapper runs once per item per traversal.
     *
     * @throws NullPointerException from iteration when {@code mapper} returns null
     */
    public <R> PagedIterable<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        Supplier<Iterator<Page<T>>> source = pages;
        return new PagedIterable<>(() -> new MappingPageIterator<>(source.get(), mapper));
    }

    @Override
    public String toString() {
        return "PagedIterable";
    }

    /** Flattens pages into items, holding on to the current page only. */
    private static final class ItemIterator<T> implements Iterator<T> {
        private final Iterator<Page<T>> pages;
        private Iterator<T> items = Collections.emptyIterator();

        ItemIterator(Iterator<Page<T>> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            // A loop, not an if: empty pages with a next link are skipped.
            while (!items.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                items = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            return items.next();
        }
    }

    /**
     * Calls the fetcher page by page. Keeps the current page (the fetcher needs it) and the continuation it
     * was fetched with, never earlier pages.
     */
    private static final class FetchingPageIterator<T> implements Iterator<Page<T>> {
        private final PageFetcher<T> fetcher;
        private Page<T> current;
        private Object currentFetchedWith;
        private int pageNumber;

        FetchingPageIterator(PageFetcher<T> fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public boolean hasNext() {
            return current == null || current.hasNext();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the last page has been returned");
            }
            Object continuation = current == null ? null : continuation(current);
            // A page whose next link equals the one it was fetched with would make the same request again and
            // get the same answer: a server bug that would otherwise loop forever. Longer cycles are not
            // detected, since that would mean remembering every link.
            if (continuation != null && continuation.equals(currentFetchedWith)) {
                throw new IllegalStateException(describeRepeat(continuation));
            }
            Page<T> page = fetcher.fetch(Optional.ofNullable(current));
            if (page == null) {
                throw new NullPointerException("the page fetcher returned null for page " + (pageNumber + 1));
            }
            current = page;
            currentFetchedWith = continuation;
            pageNumber++;
            return page;
        }

        private String describeRepeat(Object continuation) {
            String what = continuation instanceof String
                    ? "next marker '" + continuation + "'"
                    : "next link " + SafeUri.of((URI) continuation);
            return "page " + pageNumber + " has the same " + what + " as page " + (pageNumber - 1)
                    + "; the service is not advancing, so paging stops instead of repeating the same request forever";
        }

        static Object continuation(Page<?> page) {
            Optional<URI> link = page.nextLink();
            return link.isPresent() ? link.get() : page.nextMarker().orElse(null);
        }
    }

    /**
     * Calls the fetcher page by page like {@link FetchingPageIterator}, dropping items already yielded and
     * pausing before following a link already followed; see {@link #distinct}.
     */
    private static final class DistinctPageIterator<T> implements Iterator<Page<T>> {
        private final PageFetcher<T> fetcher;
        private final Repeats<T> repeats;
        private final Sleeper sleeper;
        private Page<T> current;

        DistinctPageIterator(
                PageFetcher<T> fetcher,
                Function<? super T, String> idOf,
                Predicate<? super T> unsettled,
                Sleeper sleeper) {
            this.fetcher = fetcher;
            this.repeats = new Repeats<>(idOf, unsettled);
            this.sleeper = sleeper;
        }

        @Override
        public boolean hasNext() {
            return current == null || current.hasNext();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the last page has been returned");
            }
            Duration pause = repeats.pauseBefore(current);
            if (!pause.isZero()) {
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PagingException(
                            "interrupted while pausing before a repeated page", HttpMethod.GET, null, e);
                }
            }
            Page<T> page = fetcher.fetch(Optional.ofNullable(current));
            if (page == null) {
                throw new NullPointerException("the page fetcher returned null");
            }
            current = page;
            return repeats.withoutRepeats(page);
        }
    }

    /**
     * What a distinct traversal remembers: the ids yielded and the links followed. Shared by the blocking
     * iterator and {@link PagedPublisher}; one per traversal, used by one thread at a time.
     */
    static final class Repeats<T> {
        private final Function<? super T, String> idOf;
        private final Predicate<? super T> unsettled;
        private final Set<String> unsettledIds = new HashSet<>();
        private final Recent<String> recentIds = new Recent<>();
        private final Recent<Object> followed = new Recent<>();
        private int repeats;

        Repeats(Function<? super T, String> idOf, Predicate<? super T> unsettled) {
            this.idOf = idOf;
            this.unsettled = unsettled;
        }

        // The pause before following the link of {@code current} (null: the first page): zero for a link not
        // followed before; throws once the service has repeated itself too often.
        Duration pauseBefore(Page<T> current) {
            Object continuation = current == null ? null : FetchingPageIterator.continuation(current);
            if (continuation == null) {
                return Duration.ZERO;
            }
            if (!followed.contains(continuation)) {
                repeats = 0;
                followed.add(continuation);
                return Duration.ZERO;
            }
            repeats++;
            URI link = continuation instanceof URI ? (URI) continuation : null;
            if (repeats > MAX_REPEATS) {
                throw new PagingException(
                        "the service sent " + MAX_REPEATS + " next " + (link == null ? "markers" : "links")
                                + " in a row that this listing had already followed, pausing up to "
                                + MAX_PAUSE.toSeconds() + " s between them; it is not advancing",
                        HttpMethod.GET,
                        link,
                        null);
            }
            Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(repeats - 1, 8));
            return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
        }

        Page<T> withoutRepeats(Page<T> page) {
            List<T> kept = null;
            List<T> items = page.items();
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                String id = Objects.requireNonNull(idOf.apply(item), "idOf returned null");
                boolean seen = unsettledIds.contains(id) || recentIds.contains(id);
                if (!seen) {
                    if (unsettled.test(item)) {
                        unsettledIds.add(id);
                    }
                    recentIds.add(id);
                }
                if (seen && kept == null) {
                    kept = new ArrayList<>(items.subList(0, i));
                } else if (!seen && kept != null) {
                    kept.add(item);
                }
            }
            if (kept == null) {
                return page;
            }
            if (page.nextLink().isPresent()) {
                return Page.of(kept, page.nextLink().get());
            }
            return Page.withMarker(kept, page.nextMarker().orElse(null));
        }
    }

    /** The last {@link #RECENT_WINDOW} values added, for membership tests. */
    private static final class Recent<V> {
        private final Set<V> members = new HashSet<>();
        private final ArrayDeque<V> order = new ArrayDeque<>();

        boolean contains(V v) {
            return members.contains(v);
        }

        void add(V v) {
            if (members.add(v)) {
                order.addLast(v);
                if (order.size() > RECENT_WINDOW) {
                    members.remove(order.removeFirst());
                }
            }
        }
    }

    /** Maps each page as it is fetched. */
    private static final class MappingPageIterator<T, R> implements Iterator<Page<R>> {
        private final Iterator<Page<T>> source;
        private final Function<? super T, ? extends R> mapper;

        MappingPageIterator(Iterator<Page<T>> source, Function<? super T, ? extends R> mapper) {
            this.source = source;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public Page<R> next() {
            return source.next().map(mapper);
        }
    }
}
