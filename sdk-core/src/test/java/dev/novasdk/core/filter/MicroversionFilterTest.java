package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MicroversionFilterTest {
    private static final URI SERVERS = URI.create("https://nova.example/v2.1/servers");

    private static HttpRequest sent(Filter filter, HttpRequest request) throws IOException {
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        filter.filter(request, r -> {
            seen.set(r);
            return HttpResponse.of(200, Headers.empty(), "");
        });
        return seen.get();
    }

    @Test
    void filter_computeWithDefault_sendsBothHeaders() throws IOException {
        MicroversionFilter f = MicroversionFilter.compute(() -> Optional.of(Microversion.parse("2.37")));

        HttpRequest r = sent(f, HttpRequest.get(SERVERS));

        assertEquals(List.of("compute 2.37"), r.headers().values("OpenStack-API-Version"));
        assertEquals(List.of("2.37"), r.headers().values("X-OpenStack-Nova-API-Version"));
    }

    @Test
    void filter_requestAttribute_overridesTheDefault() throws IOException {
        AtomicInteger defaultCalls = new AtomicInteger();
        MicroversionFilter f = MicroversionFilter.compute(() -> {
            defaultCalls.incrementAndGet();
            return Optional.of(Microversion.parse("2.90"));
        });
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, SERVERS)
                .attribute(MicroversionFilter.MICROVERSION, Microversion.parse("2.10"))
                .build();

        HttpRequest r = sent(f, request);

        assertEquals(List.of("compute 2.10"), r.headers().values("OpenStack-API-Version"));
        assertEquals(List.of("2.10"), r.headers().values("X-OpenStack-Nova-API-Version"));
        assertEquals(0, defaultCalls.get());
    }

    @Test
    void filter_neitherAttributeNorDefault_sendsNoVersionHeader() throws IOException {
        HttpRequest r = sent(MicroversionFilter.compute(Optional::empty), HttpRequest.get(SERVERS));

        assertFalse(r.headers().contains("OpenStack-API-Version"));
        assertFalse(r.headers().contains("X-OpenStack-Nova-API-Version"));
    }

    @Test
    void filter_defaultSupplier_isAskedOnEveryRequest() throws IOException {
        AtomicReference<Optional<Microversion>> current = new AtomicReference<>(Optional.empty());
        MicroversionFilter f = MicroversionFilter.compute(current::get);

        HttpRequest before = sent(f, HttpRequest.get(SERVERS));
        current.set(Optional.of(Microversion.parse("2.79")));
        HttpRequest after = sent(f, HttpRequest.get(SERVERS));

        assertFalse(before.headers().contains("OpenStack-API-Version"));
        assertEquals(List.of("compute 2.79"), after.headers().values("OpenStack-API-Version"));
    }

    @Test
    void filter_existingVersionHeader_isReplacedNotDuplicated() throws IOException {
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, SERVERS)
                .header("openstack-api-version", "compute 2.1")
                .build();

        HttpRequest r = sent(MicroversionFilter.compute(() -> Optional.of(Microversion.parse("2.37"))), request);

        assertEquals(List.of("compute 2.37"), r.headers().values("OpenStack-API-Version"));
    }

    @Test
    void of_serviceWithoutLegacyHeader_sendsOnlyTheStandardHeader() throws IOException {
        MicroversionFilter f = MicroversionFilter.of("Volume", null, () -> Optional.of(Microversion.parse("3.59")));

        HttpRequest r = sent(f, HttpRequest.get(SERVERS));

        assertEquals(List.of("volume 3.59"), r.headers().values("OpenStack-API-Version"));
        assertEquals(1, r.headers().size());
    }

    @Test
    void of_invalidServiceType_isRejected() {
        for (String bad : new String[] {"", "  ", "com pute", "compute\n"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> MicroversionFilter.of(bad, null, Optional::empty));
            assertTrue(e.getMessage().contains("serviceType"), e.getMessage());
        }
        assertEquals(
                "serviceType",
                assertThrows(NullPointerException.class, () -> MicroversionFilter.of(null, null, Optional::empty))
                        .getMessage());
        assertEquals(
                "defaultVersion",
                assertThrows(NullPointerException.class, () -> MicroversionFilter.compute(null))
                        .getMessage());
    }
}
