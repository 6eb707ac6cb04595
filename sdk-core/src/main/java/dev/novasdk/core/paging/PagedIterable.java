package dev.novasdk.core.paging;

import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
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

        private static Object continuation(Page<?> page) {
            Optional<URI> link = page.nextLink();
            return link.isPresent() ? link.get() : page.nextMarker().orElse(null);
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
