package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AheadOfTimeDns}: lookups happen on its own thread, and the connect that follows reuses them. */
class AheadOfTimeDnsTest {
    private static final InetAddress[] NOVA = {InetAddress.getLoopbackAddress()};

    private final List<String> lookupThreads = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final AheadOfTimeDns dns = new AheadOfTimeDns(
            new DnsResolver() {
                @Override
                public InetAddress[] resolve(String host) throws UnknownHostException {
                    lookupThreads.add(Thread.currentThread().getName());
                    if (host.endsWith(".invalid")) {
                        throw new UnknownHostException(host);
                    }
                    return NOVA;
                }

                @Override
                public String resolveCanonicalHostname(String host) {
                    return host;
                }
            },
            now::get);

    @AfterEach
    void close() {
        dns.close();
    }

    @Test
    void whenResolved_unknownName_looksUpOnItsOwnThreadThenRuns() throws Exception {
        String caller = Thread.currentThread().getName();

        String ranOn = runWhenResolved("nova.example");

        assertTrue(ranOn.startsWith("nova-apache-async-dns"), ranOn);
        assertEquals(List.of(ranOn), lookupThreads);
        assertTrue(!lookupThreads.contains(caller));
    }

    @Test
    void resolve_afterLookup_answersFromCacheWithoutAnotherLookup() throws Exception {
        runWhenResolved("nova.example");

        assertArrayEquals(NOVA, dns.resolve("nova.example"));
        String ranOn = runWhenResolved("nova.example");

        assertEquals(Thread.currentThread().getName(), ranOn, "a fresh name must not hop threads");
        assertEquals(1, lookupThreads.size());
    }

    @Test
    void whenResolved_afterTtl_looksUpAgain() throws Exception {
        runWhenResolved("nova.example");
        now.addAndGet(AheadOfTimeDns.TTL_NANOS);

        runWhenResolved("nova.example");

        assertEquals(2, lookupThreads.size());
    }

    @Test
    void resolve_failedLookup_isNotKept() throws Exception {
        runWhenResolved("no-such-host.invalid");

        assertThrows(UnknownHostException.class, () -> dns.resolve("no-such-host.invalid"));
        assertEquals(2, lookupThreads.size());
    }

    private String runWhenResolved(String host) throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        dns.whenResolved(host, () -> ranOn.complete(Thread.currentThread().getName()));
        return ranOn.get(10, TimeUnit.SECONDS);
    }
}
