package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.ServerJson;
import dev.novasdk.compute.internal.ServerListDocument;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written server reader ({@link ServerJson}) gives exactly what Jackson's binding of {@link Server}
 * gives, on every server document of nova's api-samples, and leaves what it does not read to that binding.
 */
class ServerFastReaderTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);
    private static final HttpRequest GET = HttpRequest.get(URI.create("http://nova/v2.1/servers/1"));

    static List<String> samples() {
        return ServerSamplesConformanceTest.samples().toList();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_sameAsJacksonBinding(String resource) throws IOException {
        byte[] bytes = Samples.bytes(resource);
        boolean hints = new String(bytes, StandardCharsets.UTF_8).contains("\"scheduler_hints\"");
        if (Samples.tree(bytes).has("server")) {
            Server expected = CODEC.readEnveloped(bytes, "server", Server.class);
            Server fast = member(bytes, "server", ServerJson::server);
            if (hints) {
                assertNull(fast, "scheduler hints are left to Jackson");
            } else {
                assertNotNull(fast, resource + ": the fast reader gave up");
                assertEquals(expected, fast, resource);
            }
        } else {
            ServerListDocument expected = CODEC.read(bytes, ServerListDocument.class);
            ServerListDocument fast = member(bytes, null, ServerJson::page);
            if (hints) {
                assertNull(fast, "scheduler hints are left to Jackson");
            } else {
                assertNotNull(fast, resource + ": the fast reader gave up");
                assertEquals(expected, fast, resource);
                assertEquals(expected.nextHref(), fast.nextHref(), resource);
            }
        }
    }

    @Test
    void page_sharesRepeatedValues_andNeverMixesDistinctOnes() throws IOException {
        StringBuilder json = new StringBuilder("{\"servers\": [");
        int n = 1500; // three times the pool, so distinct values keep replacing each other's slots
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("{\"id\": \"id-")
                    .append(i)
                    .append("\", \"name\": \"vm-")
                    .append(i)
                    .append("\", \"status\": \"ACTIVE\", \"tenant_id\": \"t-")
                    .append(i % 3)
                    .append("\", \"key_name\": \"k-")
                    .append(i)
                    .append("\", \"OS-EXT-SRV-ATTR:host\": \"h")
                    .append(Integer.toString(i, 36))
                    .append("\"}");
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);

        List<Server> servers = member(bytes, null, ServerJson::page).servers();

        assertEquals(n, servers.size());
        for (int i = 0; i < n; i++) {
            Server s = servers.get(i);
            assertEquals("id-" + i, s.id());
            assertEquals(Optional.of("vm-" + i), s.name());
            assertEquals(Optional.of("t-" + (i % 3)), s.tenantId());
            assertEquals(Optional.of("k-" + i), s.keyName());
            assertEquals(Optional.of("h" + Integer.toString(i, 36)), s.host());
        }
        assertSame(
                servers.get(0).tenantId().orElseThrow(),
                servers.get(3).tenantId().orElseThrow(),
                "pooled");
        assertSame(
                servers.get(0).statusRaw().orElseThrow(),
                servers.get(1).statusRaw().orElseThrow(),
                "pooled");
    }

    @Test
    void decode_numberWhereNovaSendsString_jacksonBindingCoercesIt() throws IOException {
        byte[] body = "{\"server\": {\"id\": \"s1\", \"name\": 42, \"progress\": 0}}".getBytes(StandardCharsets.UTF_8);
        assertNull(member(body, "server", ServerJson::server));

        Server s = CODEC.decode(GET, response(body), "server", Server.class, ServerJson::server);

        assertEquals(Optional.of("42"), s.name());
        assertEquals(Optional.of(0), s.progress());
    }

    @Test
    void decode_usualServer_readsEveryKindOfMember() {
        byte[] body = ("{\"server\": {\"id\": \"s1\", \"status\": \"ACTIVE\", \"created\": \"2014-09-25T13:10:10Z\","
                        + " \"updated\": \"2014-09-25T13:10:10.000000\", \"image\": \"\", \"locked\": true,"
                        + " \"addresses\": {\"net\": [{\"addr\": \"10.0.0.1\", \"version\": 4}]},"
                        + " \"metadata\": {\"k\": \"v\"}, \"tags\": [\"a\"], \"unknown\": {\"x\": [1, {}]},"
                        + " \"flavor\": {\"vcpus\": 1, \"ram\": 512, \"original_name\": \"m1\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        Server s = CODEC.decode(GET, response(body), "server", Server.class, ServerJson::server);

        assertEquals(ServerStatus.ACTIVE, s.status());
        assertEquals(Optional.of(Instant.parse("2014-09-25T13:10:10Z")), s.created());
        assertEquals(s.created(), s.updated());
        assertTrue(s.image().isEmpty());
        assertEquals(Optional.of(true), s.locked());
        assertEquals("10.0.0.1", s.addresses().get("net").get(0).addr());
        assertThrows(
                UnsupportedOperationException.class,
                () -> s.addresses().get("net").clear());
        assertEquals("v", s.metadata().get("k"));
        assertEquals(List.of("a"), s.tags());
        assertEquals(Optional.of(512), s.flavor().orElseThrow().ram());
        assertEquals(CODEC.readEnveloped(body, "server", Server.class), s);
    }

    @Test
    void decode_badTimestamp_failsAsTheBindingDoes() {
        byte[] body = "{\"server\": {\"id\": \"s1\", \"created\": \"yesterday\"}}".getBytes(StandardCharsets.UTF_8);

        ResponseParseException e = assertThrows(
                ResponseParseException.class,
                () -> CODEC.decode(GET, response(body), "server", Server.class, ServerJson::server));

        assertTrue(e.getMessage().contains("expected Server"), e.getMessage());
        assertTrue(!e.getMessage().contains("yesterday"), "the message must not quote the body");
    }

    @Test
    void decode_missingId_failsAsTheBindingDoes() {
        byte[] body = "{\"server\": {\"name\": \"x\"}}".getBytes(StandardCharsets.UTF_8);
        assertThrows(UncheckedIOException.class, () -> CODEC.readEnveloped(body, "server", Server.class));

        assertThrows(
                ResponseParseException.class,
                () -> CODEC.decode(GET, response(body), "server", Server.class, ServerJson::server));
    }

    private static HttpResponse response(byte[] body) {
        return HttpResponse.of(200, null, Headers.of("Content-Type", "application/json"), body);
    }

    private static <T> T member(byte[] bytes, String key, JsonCodec.FastReader<T> reader) throws IOException {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            p.nextToken();
            if (key == null) {
                return reader.read(p);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(key)) {
                    return reader.read(p);
                }
                p.skipChildren();
            }
            throw new AssertionError("no member " + key);
        }
    }
}
