package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GlobalRequestIdFilterTest {
    private static final URI SERVERS = URI.create("https://nova.example/v2.1/servers");
    private static final String ID = "req-3f2c8d1e-9b4a-4c7e-8f6d-1a2b3c4d5e6f";

    private static HttpRequest sent(Filter filter, HttpRequest request) throws IOException {
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        filter.filter(request, r -> {
            seen.set(r);
            return HttpResponse.of(200, Headers.empty(), "");
        });
        return seen.get();
    }

    @Test
    void filter_plainRequest_sendsTheId() throws IOException {
        HttpRequest r = sent(GlobalRequestIdFilter.of(ID), HttpRequest.get(SERVERS));

        assertEquals(List.of(ID), r.headers().values("X-OpenStack-Request-ID"));
    }

    @Test
    void filter_requestWithItsOwnId_isNotOverwritten() throws IOException {
        String own = "req-00000000-0000-4000-8000-000000000000";
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, SERVERS)
                .header("x-openstack-request-id", own)
                .build();

        HttpRequest r = sent(GlobalRequestIdFilter.of(ID), request);

        assertEquals(List.of(own), r.headers().values("X-OpenStack-Request-ID"));
    }

    @Test
    void of_uppercaseUuid_isAccepted() throws IOException {
        String upper = "req-3F2C8D1E-9B4A-4C7E-8F6D-1A2B3C4D5E6F";

        assertEquals(
                List.of(upper),
                sent(GlobalRequestIdFilter.of(upper), HttpRequest.get(SERVERS))
                        .headers()
                        .values("X-OpenStack-Request-ID"));
    }

    @Test
    void of_malformedId_isRejected() {
        for (String bad : new String[] {
            "3f2c8d1e-9b4a-4c7e-8f6d-1a2b3c4d5e6f",
            "req-",
            "req-123",
            "REQ-3f2c8d1e-9b4a-4c7e-8f6d-1a2b3c4d5e6f",
            "req-3f2c8d1e9b4a4c7e8f6d1a2b3c4d5e6f",
            ID + "\n",
            " " + ID,
            "req-3f2c8d1e-9b4a-4c7e-8f6d-1a2b3c4d5e6g"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> GlobalRequestIdFilter.of(bad));
            assertTrue(e.getMessage().contains("globalRequestId"), e.getMessage());
        }
    }

    @Test
    void of_null_isRejectedNamingTheArgument() {
        assertEquals(
                "globalRequestId",
                assertThrows(NullPointerException.class, () -> GlobalRequestIdFilter.of(null))
                        .getMessage());
    }
}
