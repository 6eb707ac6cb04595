package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UserAgentFilterTest {
    private static final URI SERVERS = URI.create("https://nova.example/v2.1/servers");

    /** Sends {@code request} through {@code filter} and returns what reached the transport. */
    private static HttpRequest sent(Filter filter, HttpRequest request) throws IOException {
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        filter.filter(request, r -> {
            seen.set(r);
            return HttpResponse.of(200, Headers.empty(), "");
        });
        return seen.get();
    }

    @Test
    void filter_plainRequest_addsUserAgentAndAcceptJson() throws IOException {
        HttpRequest r = sent(UserAgentFilter.create(), HttpRequest.get(SERVERS));

        String ua = r.headers().firstValue("User-Agent").orElseThrow();
        assertTrue(ua.startsWith("nova-java-sdk/" + SdkVersion.VERSION + " java/"), ua);
        assertEquals(UserAgentFilter.create().userAgent(), ua);
        assertEquals("application/json", r.headers().firstValue("Accept").orElseThrow());
    }

    @Test
    void filter_headersAlreadySet_keepsThem() throws IOException {
        HttpRequest request = HttpRequest.builder(dev.novasdk.core.http.HttpMethod.GET, SERVERS)
                .header("user-agent", "custom/1")
                .header("accept", "text/html")
                .build();

        HttpRequest r = sent(UserAgentFilter.create(), request);

        assertEquals(java.util.List.of("custom/1"), r.headers().values("User-Agent"));
        assertEquals(java.util.List.of("text/html"), r.headers().values("Accept"));
    }

    @Test
    void filter_anyRequest_leavesTheOriginalUnchanged() throws IOException {
        HttpRequest original = HttpRequest.get(SERVERS);

        sent(UserAgentFilter.create(), original);

        assertTrue(original.headers().isEmpty());
    }

    @Test
    void withSuffix_application_isAppendedAfterTheSdk() throws IOException {
        UserAgentFilter f = UserAgentFilter.withSuffix("  myapp/1.2 ");

        assertEquals(UserAgentFilter.create().userAgent() + " myapp/1.2", f.userAgent());
        assertEquals(
                f.userAgent(),
                sent(f, HttpRequest.get(SERVERS))
                        .headers()
                        .firstValue("User-Agent")
                        .orElseThrow());
    }

    @Test
    void withSuffix_blank_meansNoSuffix() {
        assertEquals(
                UserAgentFilter.create().userAgent(),
                UserAgentFilter.withSuffix(" ").userAgent());
    }

    @Test
    void withSuffix_controlCharacters_areRejected() {
        for (String bad : new String[] {"app\r\nX-Injected: 1", "app\n", "app\u0000", "a\tb", "a\u007fb"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> UserAgentFilter.withSuffix(bad));
            assertTrue(e.getMessage().contains("applicationSuffix"), e.getMessage());
        }
    }

    @Test
    void withSuffix_null_isRejectedNamingTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> UserAgentFilter.withSuffix(null));
        assertEquals("applicationSuffix", e.getMessage());
    }
}
