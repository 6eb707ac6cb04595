package dev.novasdk.core.paging;

import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.waiter.AsyncSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A listing for async clients: a {@link Flow.Publisher} of every item of every page that fetches a page only
 * when its subscriber has asked for more items than the pages fetched so far hold (back-pressure), so one page
 * is held at a time and a subscriber that stops asking stops the requests. The async twin of
 * {@link PagedIterable}, with the same rules: nothing is fetched before a subscription, each subscription
 * starts again at page one, and a distinct listing drops repeated items and pauses (without a thread) before
 * following a repeated link.
 *
 * <pre>{@code
 * nova.servers().list(ServerListOptions.defaults())
 *     .forEach(server -> System.out.println(server.name()))
 *     .join();
 * }</pre>
 *
 * <p>Items are delivered on the thread that completed the page's future (a transport I/O thread), so a
 * subscriber must not block. Immutable and thread-safe; each subscription is for one subscriber.
 *
 * @param <T> the item type
 */
public final class PagedPublisher<T> implements Flow.Publisher<T> {
    // The pages are of the source's items; map(..) only adds a mapper applied as each item is delivered.
    private final AsyncPageFetcher<Object> fetcher;
    private final Function<Object, String> idOf; // null: not distinct
    private final Predicate<Object> unsettled;
    private final AsyncSleeper sleeper;
    private final Function<Object, ? extends T> mapper;

    @SuppressWarnings("unchecked")
    private PagedPublisher(
            AsyncPageFetcher<?> fetcher,
            Function<?, String> idOf,
            Predicate<?> unsettled,
            AsyncSleeper sleeper,
            Function<Object, ? extends T> mapper) {
        this.fetcher = (AsyncPageFetcher<Object>) fetcher;
        this.idOf = (Function<Object, String>) idOf;
        this.unsettled = (Predicate<Object>) unsettled;
        this.sleeper = sleeper;
        this.mapper = mapper;
    }

    @SuppressWarnings("unchecked")
    private static <T> Function<Object, T> identity() {
        return item -> (T) item;
    }

    /** A listing whose pages come from {@code fetcher}; nothing is fetched by this call. */
    public static <T> PagedPublisher<T> of(AsyncPageFetcher<T> fetcher) {
        return new PagedPublisher<>(Objects.requireNonNull(fetcher, "fetcher"), null, null, null, identity());
    }

    /**
     * A listing of a service that may repeat itself while its data changes, yielding every item once: see
     * {@link PagedIterable#distinct}; the pauses before a repeated link are taken on {@code sleeper}.
     */
    public static <T> PagedPublisher<T> distinct(
            AsyncPageFetcher<T> fetcher,
            Function<? super T, String> idOf,
            Predicate<? super T> unsettled,
            AsyncSleeper sleeper) {
        return new PagedPublisher<>(
                Objects.requireNonNull(fetcher, "fetcher"),
                Objects.requireNonNull(idOf, "idOf"),
                Objects.requireNonNull(unsettled, "unsettled"),
                Objects.requireNonNull(sleeper, "sleeper"),
                identity());
    }

    /** Starts a traversal from page one for {@code subscriber}. */
    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        PageSubscription<T> s = new PageSubscription<>(
                subscriber,
                fetcher,
                idOf == null ? null : new PagedIterable.Repeats<>(idOf, unsettled),
                sleeper,
                mapper);
        subscriber.onSubscribe(s);
    }

    /**
     * Passes every item to {@code action}, one page at a time; the future completes after the last item, or fails
     * with the first failure of a fetch or of {@code action}, which ends the listing.
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<Void> done = new CompletableFuture<>();
        subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                done.whenComplete((r, e) -> {
                    if (done.isCancelled()) {
                        s.cancel();
                    }
                });
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    subscription.cancel();
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        return done;
    }

    /** Every item in a list: holds the whole listing in memory, unlike {@link #forEach}. */
    public CompletableFuture<List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEach(all::add).thenApply(v -> all);
    }

    /** The first item, fetching the first non-empty page only; empty when the listing has none. */
    public CompletableFuture<Optional<T>> first() {
        CompletableFuture<Optional<T>> first = new CompletableFuture<>();
        subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(T item) {
                subscription.cancel();
                first.complete(Optional.of(item));
            }

            @Override
            public void onError(Throwable failure) {
                first.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                first.complete(Optional.empty());
            }
        });
        return first;
    }

    /** This listing with each item mapped by {@code mapper} as it is delivered. */
    public <R> PagedPublisher<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        Function<Object, ? extends T> inner = this.mapper;
        return new PagedPublisher<>(fetcher, idOf, unsettled, sleeper, item -> mapper.apply(inner.apply(item)));
    }

    @Override
    public String toString() {
        return "PagedPublisher[" + (idOf == null ? "" : "distinct") + "]";
    }

    /** One traversal: a serialized drain loop delivering the current page's items as demand allows. */
    private static final class PageSubscription<T> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final AsyncPageFetcher<Object> fetcher;
        private final PagedIterable.Repeats<Object> repeats; // null: not distinct
        private final AsyncSleeper sleeper;
        private final Function<Object, ? extends T> mapper;
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        // Written by a completing fetch, taken by the drain loop.
        private volatile Object arrived;
        private volatile boolean cancelled;
        private volatile CompletableFuture<?> inFlight;
        // Owned by the drain loop.
        private Page<Object> current;
        private List<Object> items = List.of();
        private int index;
        private boolean fetching;
        private boolean finished;

        PageSubscription(
                Flow.Subscriber<? super T> subscriber,
                AsyncPageFetcher<Object> fetcher,
                PagedIterable.Repeats<Object> repeats,
                AsyncSleeper sleeper,
                Function<Object, ? extends T> mapper) {
            this.subscriber = subscriber;
            this.fetcher = fetcher;
            this.repeats = repeats;
            this.sleeper = sleeper;
            this.mapper = mapper;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("request(n) needs n > 0, got " + n));
                return;
            }
            requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            CompletableFuture<?> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }

        @SuppressWarnings("unchecked")
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (cancelled || finished) {
                    return;
                }
                Object got = arrived;
                if (got != null) {
                    arrived = null;
                    fetching = false;
                    if (got instanceof Throwable) {
                        finished = true;
                        subscriber.onError((Throwable) got);
                        return;
                    }
                    Page<Object> page = (Page<Object>) got;
                    current = page;
                    items = (repeats == null ? page : repeats.withoutRepeats(page)).items();
                    index = 0;
                }
                while (index < items.size() && requested.get() > 0 && !cancelled) {
                    Object item = items.get(index);
                    index++;
                    if (requested.get() != Long.MAX_VALUE) {
                        requested.decrementAndGet();
                    }
                    T mapped;
                    try {
                        mapped = mapper.apply(item);
                    } catch (RuntimeException e) {
                        cancel();
                        finished = true;
                        subscriber.onError(e);
                        return;
                    }
                    subscriber.onNext(mapped);
                }
                if (index >= items.size() && !fetching && !cancelled) {
                    if (current != null && !current.hasNext()) {
                        finished = true;
                        subscriber.onComplete();
                        return;
                    }
                    if (requested.get() > 0) {
                        fetching = true;
                        fetchNext();
                    }
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void fetchNext() {
            Page<Object> previous = current;
            CompletableFuture<Page<Object>> page;
            try {
                Duration pause = repeats == null ? Duration.ZERO : repeats.pauseBefore(previous);
                if (pause.isZero()) {
                    page = fetch(previous);
                } else {
                    CompletableFuture<Void> wait = sleeper.sleep(pause);
                    inFlight = wait;
                    page = wait.thenCompose(v -> fetch(previous));
                }
            } catch (RuntimeException e) {
                page = CompletableFuture.failedFuture(e);
            }
            inFlight = page;
            page.whenComplete((p, e) -> {
                if (e != null) {
                    arrived = Futures.unwrap(e);
                } else if (p == null) {
                    arrived = new NullPointerException("the page fetcher returned null");
                } else {
                    arrived = p;
                }
                drain();
            });
        }

        private CompletableFuture<Page<Object>> fetch(Page<Object> previous) {
            CompletableFuture<Page<Object>> f = fetcher.fetchAsync(Optional.ofNullable(previous));
            if (f == null) {
                return CompletableFuture.failedFuture(new NullPointerException("the page fetcher returned null"));
            }
            inFlight = f;
            return f;
        }
    }
}
