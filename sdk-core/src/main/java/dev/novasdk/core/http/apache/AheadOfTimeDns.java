package dev.novasdk.core.http.apache;

import dev.novasdk.core.internal.DaemonThreads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Host name lookups off the caller's thread, for the async transport. HttpClient's async connection
 * operator resolves a host synchronously on whichever thread asks for a new connection, the caller of
 * {@code executeAsync} included; this resolver answers it from addresses looked up beforehand on a thread of
 * its own, so the caller only waits when an entry expires between the check and the connect.
 *
 * <p>Answers are kept for {@link #TTL_NANOS}, like the JVM's default positive cache; failures are not kept,
 * so the next request looks the name up again. Thread-safe.
 */
final class AheadOfTimeDns implements DnsResolver {
    /** How long a lookup is reused: 30 s, the JVM's default {@code networkaddress.cache.ttl}. */
    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DnsResolver system;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    // One thread, started on demand and ended after 10 s without lookups: names are few (one per endpoint).
    private final ThreadPoolExecutor lookups = new ThreadPoolExecutor(
            1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("nova-apache-async-dns"));

    AheadOfTimeDns() {
        this(SystemDefaultDnsResolver.INSTANCE, System::nanoTime);
    }

    AheadOfTimeDns(DnsResolver system, LongSupplier nanoTime) {
        this.system = system;
        this.nanoTime = nanoTime;
        lookups.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code then} at once when {@code host} has a fresh answer, or on the lookup thread once it has been
     * looked up (successfully or not: a failure is reported by the connect that follows).
     */
    void whenResolved(String host, Runnable then) {
        if (host == null || fresh(host) != null) {
            then.run();
            return;
        }
        try {
            lookups.execute(() -> {
                try {
                    resolve(host);
                } catch (UnknownHostException reportedByTheConnect) {
                    // The connect asks again and fails the exchange with it.
                }
                then.run();
            });
        } catch (RejectedExecutionException closed) {
            then.run(); // the client is closed too and fails the exchange at once
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] known = fresh(host);
        if (known != null) {
            return known.clone();
        }
        InetAddress[] looked = system.resolve(host);
        cache.put(host, new Entry(looked.clone(), nanoTime.getAsLong() + TTL_NANOS));
        return looked;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }

    /** Ends the lookup thread. */
    void close() {
        lookups.shutdownNow();
    }

    private InetAddress[] fresh(String host) {
        Entry e = cache.get(host);
        if (e == null) {
            return null;
        }
        if (e.expiresNanos - nanoTime.getAsLong() <= 0) {
            cache.remove(host, e);
            return null;
        }
        return e.addresses;
    }

    private static final class Entry {
        final InetAddress[] addresses;
        final long expiresNanos;

        Entry(InetAddress[] addresses, long expiresNanos) {
            this.addresses = addresses;
            this.expiresNanos = expiresNanos;
        }
    }
}
