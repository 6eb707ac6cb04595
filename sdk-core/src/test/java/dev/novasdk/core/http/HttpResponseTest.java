package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A response's body: owned or lent by its transport, and what release does to each. */
class HttpResponseTest {
    private final List<byte[]> givenBack = new ArrayList<>();

    private HttpResponse lent(String text, int spare) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[bytes.length + spare];
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        buffer[buffer.length - 1] = 'X'; // bytes past the body must never be read
        return HttpResponse.ofLent(200, null, Headers.empty(), buffer, bytes.length, givenBack::add);
    }

    @Test
    void lentBody_isTheGivenLengthOfTheBuffer() throws IOException {
        HttpResponse r = lent("{\"a\": 1}", 5);

        assertEquals("{\"a\": 1}", r.bodyAsString());
        assertArrayEquals("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals("{\"a\": 1}", new String(r.bodyStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(8, r.bodyLength());
        assertEquals("HttpResponse{200, 8 bytes}", r.toString());
    }

    @Test
    void release_givesTheBufferBackOnce_andEndsTheBodyForEveryCopy() {
        HttpResponse r = lent("{}", 3);
        HttpResponse copy = r.withHeaders(Headers.of("X-Test", "1"));

        copy.release();
        r.release();

        assertEquals(1, givenBack.size());
        assertEquals(5, givenBack.get(0).length);
        IllegalStateException e = assertThrows(IllegalStateException.class, r::bodyAsString);
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        assertThrows(IllegalStateException.class, r::body);
        assertThrows(IllegalStateException.class, r::bodyStream);
        assertThrows(IllegalStateException.class, copy::bodyAsString);
        assertEquals(2, r.bodyLength(), "the length outlives the body");
        assertEquals("1", copy.headers().firstValue("X-Test").orElseThrow());
    }

    @Test
    void release_ofAnOwnedBody_changesNothing() {
        HttpResponse r = HttpResponse.of(200, Headers.empty(), "{}");

        r.release();

        assertEquals("{}", r.bodyAsString());
    }

    @Test
    void ofLent_refusesALengthOutsideTheBuffer() {
        byte[] buffer = new byte[4];
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpResponse.ofLent(200, null, Headers.empty(), buffer, 5, b -> {}));
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpResponse.ofLent(200, null, Headers.empty(), buffer, -1, b -> {}));
        assertSame(
                0,
                HttpResponse.ofLent(200, null, Headers.empty(), buffer, 0, b -> {})
                        .bodyLength());
    }
}
