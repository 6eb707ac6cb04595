package dev.novasdk.core.http.jdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.HttpTransportContractTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link JdkHttpTransport} against the transport contract, plus its size cap and host name handling. */
class JdkHttpTransportContractTest extends HttpTransportContractTest {
    @Override
    protected HttpTransport newTransport(Duration connectTimeout, Duration responseTimeout) {
        return JdkHttpTransport.builder().connectTimeout(connectTimeout).responseTimeout(responseTimeout).build();
    }

    // java.net.http resends a GET or HEAD once when the connection breaks before any response byte
    // (it takes that for a stale pooled connection) and offers no per-client switch to stop it.
    @Override
    protected boolean resendsGetBrokenBeforeFirstByte() {
        return true;
    }

    @Test
    void execute_unresolvableHost_throwsUnknownHost() {
        IOException e = assertThrows(IOException.class,
                () -> transport().execute(HttpRequest.get(URI.create("http://no-such-host.invalid/v3"))));

        assertEquals(TransportException.Kind.UNKNOWN_HOST, TransportException.classify(e), () -> describe(e));
    }

    @Test
    void execute_bodyLargerThanMaxResponseSize_throwsAndTransportStaysUsable() throws IOException {
        SERVER.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(randomBytes(4096, 3))));
        SERVER.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody(randomBytes(1024, 4))));
        try (JdkHttpTransport capped = JdkHttpTransport.builder().maxResponseSize(1024).build()) {
            IOException e = assertThrows(IOException.class, () -> capped.execute(HttpRequest.get(uri("/big"))));

            assertTrue(e.getMessage().contains("1024"), e::getMessage);
            assertArrayEquals(randomBytes(1024, 4), capped.execute(HttpRequest.get(uri("/small"))).body());
        }
    }

    @Test
    void execute_chunkedBodyLargerThanMaxResponseSize_throws() {
        SERVER.stubFor(get("/chunked").willReturn(aResponse().withStatus(200).withBody(randomBytes(4096, 5))
                .withChunkedDribbleDelay(4, 20)));
        try (JdkHttpTransport capped = JdkHttpTransport.builder().maxResponseSize(1024).build()) {
            IOException e = assertThrows(IOException.class, () -> capped.execute(HttpRequest.get(uri("/chunked"))));

            assertTrue(e.getMessage().contains("maximum of 1024 bytes"), e::getMessage);
        }
    }

    @Test
    void execute_headDeclaringLengthAboveMaxResponseSize_succeeds() throws IOException {
        // Glance answers HEAD on an image with the image's size as Content-Length.
        SERVER.stubFor(head(urlEqualTo("/images/1")).willReturn(aResponse().withStatus(200).withBody(randomBytes(4096, 6))));
        try (JdkHttpTransport capped = JdkHttpTransport.builder().maxResponseSize(1024).build()) {
            HttpResponse response = capped.execute(HttpRequest.builder(HttpMethod.HEAD, uri("/images/1")).build());

            assertEquals(200, response.statusCode());
            assertEquals(0, response.bodyLength());
        }
    }
}
