package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
    private static final URI SERVERS = URI.create("https://nova.example/v2.1/servers");
    private static final RequestAttribute<String> NOTE = RequestAttribute.of("note", String.class);

    @Test
    void withHeader_derivesANewRequestAndLeavesTheOriginal() {
        HttpRequest original = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .header("Accept", "application/json")
                .body(RequestBody.json("{}"))
                .attribute(NOTE, "n")
                .build();

        HttpRequest derived = original.withHeader("X-Auth-Token", "t").withHeader("accept", "text/plain");

        assertNotSame(original, derived);
        assertFalse(original.headers().contains("X-Auth-Token"));
        assertEquals(List.of("application/json"), original.headers().values("Accept"));
        assertEquals(List.of("text/plain"), derived.headers().values("Accept"));
        assertSame(original.body().orElseThrow(), derived.body().orElseThrow());
        assertEquals(Optional.of("n"), derived.attribute(NOTE));
        assertEquals(HttpMethod.POST, derived.method());
        assertEquals(SERVERS, derived.uri());
    }

    @Test
    void withoutHeader_absent_returnsSameRequest() {
        HttpRequest r = HttpRequest.get(SERVERS);

        assertSame(r, r.withoutHeader("X-Auth-Token"));
        assertFalse(r.withHeader("A", "b").withoutHeader("a").headers().contains("A"));
    }

    @Test
    void withUri_replacesOnlyTheUri() {
        URI other = URI.create("https://nova.example/v2.1/servers/detail?limit=1");

        HttpRequest r = HttpRequest.get(SERVERS).withHeader("Accept", "x").withUri(other);

        assertEquals(other, r.uri());
        assertTrue(r.headers().contains("Accept"));
    }

    @Test
    void build_getOrHeadWithBody_isRejected() {
        for (HttpMethod m : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpRequest.builder(m, SERVERS)
                    .body(RequestBody.json("{}"))
                    .build());
            assertTrue(e.getMessage().contains(m.name()), e.getMessage());
        }
        assertTrue(HttpRequest.builder(HttpMethod.DELETE, SERVERS)
                .body(RequestBody.json("{}"))
                .build()
                .body()
                .isPresent());
    }

    @Test
    void builder_portOutOfRange_isRejectedNamingPortAndRule() {
        for (String bad : new String[] {"http://nova:99999/v2.1", "http://nova:0/v2.1", "http://nova:65536/"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> HttpRequest.get(URI.create(bad)), bad);
            assertTrue(e.getMessage().startsWith("uri must be an absolute http(s) URL"), e.getMessage());
            assertTrue(e.getMessage().endsWith("is out of range"), e.getMessage());
        }
        assertEquals(
                65535, HttpRequest.get(URI.create("http://nova:65535/")).uri().getPort());
    }

    @Test
    void builder_relativeOrNonHttpUri_isRejectedNamingUri() {
        for (String bad : new String[] {"/v2.1/servers", "servers", "ftp://host/x", "mailto:a@b"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> HttpRequest.builder(HttpMethod.GET, URI.create(bad)), bad);
            assertTrue(e.getMessage().startsWith("uri "), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class, () -> HttpRequest.get(SERVERS).withUri(URI.create("/relative")));
        assertEquals(
                "uri",
                assertThrows(NullPointerException.class, () -> HttpRequest.builder(HttpMethod.GET, null))
                        .getMessage());
        assertEquals(
                "method",
                assertThrows(NullPointerException.class, () -> HttpRequest.builder(null, SERVERS))
                        .getMessage());
    }

    @Test
    void attributes_areTypedAndCopiedOnWrite() {
        RequestAttribute<Integer> count = RequestAttribute.of("count", Integer.class);
        HttpRequest plain = HttpRequest.get(SERVERS);

        HttpRequest tagged = plain.withAttribute(NOTE, "x").withAttribute(count, 3);

        assertEquals(Optional.empty(), plain.attribute(NOTE));
        assertEquals(Optional.of("x"), tagged.attribute(NOTE));
        assertEquals(Optional.of(3), tagged.attribute(count));
        // Keys compare by identity, so another key with the same name sees nothing.
        assertEquals(Optional.empty(), tagged.attribute(RequestAttribute.of("note", String.class)));
        assertThrows(NullPointerException.class, () -> plain.withAttribute(NOTE, null));
    }

    @Test
    void toBuilder_changes_doNotAffectTheSource() {
        HttpRequest r = HttpRequest.builder(HttpMethod.PUT, SERVERS)
                .header("A", "1")
                .attribute(NOTE, "n")
                .build();

        HttpRequest changed = r.toBuilder()
                .method(HttpMethod.POST)
                .addHeader("A", "2")
                .attribute(NOTE, "m")
                .build();

        assertEquals(HttpMethod.PUT, r.method());
        assertEquals(List.of("1"), r.headers().values("A"));
        assertEquals(Optional.of("n"), r.attribute(NOTE));
        assertEquals(List.of("1", "2"), changed.headers().values("A"));
        assertEquals(Optional.of("m"), changed.attribute(NOTE));
    }

    @Test
    void builder_reusedAfterBuild_doesNotChangeBuiltRequest() {
        HttpRequest.Builder b = HttpRequest.builder(HttpMethod.POST, SERVERS).header("A", "1");
        HttpRequest first = b.build();

        b.header("A", "2").attribute(NOTE, "later");

        assertEquals(List.of("1"), first.headers().values("A"));
        assertEquals(Optional.empty(), first.attribute(NOTE));
    }

    @Test
    void repeatable_dependsOnTheBody() {
        assertTrue(HttpRequest.get(SERVERS).repeatable());
        assertTrue(HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{}"))
                .build()
                .repeatable());
        assertFalse(HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.ofStream(new ByteArrayInputStream(new byte[1]), 1, "application/octet-stream"))
                .build()
                .repeatable());
    }

    @Test
    void toString_showsNoHeadersOrBody() {
        HttpRequest r = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .header("X-Auth-Token", "s3cret")
                .body(RequestBody.json("{\"adminPass\": \"p4ss\"}"))
                .build();

        assertEquals("POST https://nova.example/v2.1/servers", r.toString());
    }
}
