package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The default mapper's OpenStack leniency, envelopes, and decode failures turned into SDK exceptions. */
class JsonCodecTest {
    private final JsonCodec codec = JsonCodec.create();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String server(String extra) {
        return "{\"id\": \"9e4c\", \"status\": \"ACTIVE\", \"created\": \"2014-09-25T13:10:10Z\"" + extra + "}";
    }

    record Stamp(Instant at, Optional<OffsetDateTime> offset) {}

    @Nested
    class Timestamps {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "2014-09-25T13:10:10Z,                2014-09-25T13:10:10Z",
            "2014-09-25T13:10:10.000000,          2014-09-25T13:10:10Z",
            "2015-08-27T09:49:58-05:00,           2015-08-27T14:49:58Z",
            "2019-05-20T08:56:57.000000+00:00,    2019-05-20T08:56:57Z",
            "2015-10-02 14:03:18,                 2015-10-02T14:03:18Z",
            "2015-10-02T14:03:18.123456Z,         2015-10-02T14:03:18.123456Z",
            "2015-10-02T14:03:18.123456789,       2015-10-02T14:03:18.123456789Z",
            "2015-10-02T14:03:18+0530,            2015-10-02T08:33:18Z",
            "2015-10-02T14:03:18+05,              2015-10-02T09:03:18Z",
            "2015-10-02T14:03,                    2015-10-02T14:03:00Z",
            "2015-10-02t14:03:18z,                2015-10-02T14:03:18Z",
            "2018-07-05T08:39:23.000000Z,         2018-07-05T08:39:23Z"
        })
        void read_openStackTimestamp_instantInUtc(String text, String expected) {
            Stamp s = codec.read(utf8("{\"at\": \"" + text + "\"}"), Stamp.class);
            assertEquals(Instant.parse(expected), s.at());
        }

        @Test
        void read_offsetDateTimeWithOffset_offsetKept() {
            Stamp s = codec.read(
                    utf8("{\"at\": \"2015-08-27T09:49:58Z\", \"offset\": \"2015-08-27T09:49:58-05:00\"}"), Stamp.class);
            assertEquals(
                    OffsetDateTime.of(2015, 8, 27, 9, 49, 58, 0, ZoneOffset.ofHours(-5)),
                    s.offset().orElseThrow());
        }

        @Test
        void read_offsetDateTimeWithoutZone_utc() {
            Stamp s = codec.read(
                    utf8("{\"at\": \"2015-08-27T09:49:58Z\", \"offset\": \"2015-10-02 14:03:18\"}"), Stamp.class);
            assertEquals(
                    OffsetDateTime.of(2015, 10, 2, 14, 3, 18, 0, ZoneOffset.UTC),
                    s.offset().orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\"", "\"  \"", "null"})
        void read_blankOrNullOptionalTimestamp_empty(String value) {
            SampleServer s = codec.read(utf8(server(", \"OS-SRV-USG:launched_at\": " + value)), SampleServer.class);
            assertEquals(Optional.empty(), s.launchedAt());
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"yesterday\"",
                    "\"2015-13-02T14:03:18Z\"",
                    "\"2015-10-02\"",
                    "\"14:03:18\"",
                    "\"2015-10-02T14:03:18 +05:00 junk\"",
                    "true",
                    "[1]"
                })
        void read_invalidTimestamp_uncheckedIoException(String value) {
            assertThrows(UncheckedIOException.class, () -> codec.read(utf8("{\"at\": " + value + "}"), Stamp.class));
        }

        @Test
        void write_instant_isoStringInUtc() {
            SampleServer s = SampleServer.builder()
                    .id("1")
                    .status(SampleStatus.BUILD)
                    .created(Instant.parse("2014-09-25T13:10:10Z"))
                    .build();
            assertEquals(
                    "{\"id\":\"1\",\"status\":\"BUILD\",\"created\":\"2014-09-25T13:10:10Z\",\"metadata\":{}}",
                    new String(codec.write(s), StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Leniency {
        @Test
        void read_unknownProperties_ignored() {
            SampleServer s = codec.read(
                    utf8(server(", \"OS-EXT-STS:task_state\": null, \"new_in_2_99\": {\"x\": [1]}")),
                    SampleServer.class);
            assertEquals("9e4c", s.id());
        }

        @Test
        void read_unknownEnumValue_defaultMember() {
            SampleServer s =
                    codec.read(utf8(server("").replace("ACTIVE", "SHELVED_OFFLOADED_SOMEWHERE")), SampleServer.class);
            assertEquals(SampleStatus.UNKNOWN, s.status());
        }

        @Test
        void read_optionalAbsentNullPresent_emptyEmptyValue() {
            assertEquals(
                    Optional.empty(),
                    codec.read(utf8(server("")), SampleServer.class).name());
            assertEquals(
                    Optional.empty(),
                    codec.read(utf8(server(", \"name\": null")), SampleServer.class)
                            .name());
            assertEquals(
                    Optional.of("web-1"),
                    codec.read(utf8(server(", \"name\": \"web-1\"")), SampleServer.class)
                            .name());
        }

        @Test
        void read_recordWithAbsentOptional_empty() {
            Stamp s = codec.read(utf8("{\"at\": \"2014-09-25T13:10:10Z\"}"), Stamp.class);
            assertEquals(Optional.empty(), s.offset());
        }

        @Test
        void write_absentOptionalsAndNulls_omitted() {
            assertEquals(
                    "{\"at\":\"2014-09-25T13:10:10Z\"}",
                    new String(
                            codec.write(new Stamp(Instant.parse("2014-09-25T13:10:10Z"), Optional.empty())),
                            StandardCharsets.UTF_8));
            assertEquals("{}", new String(codec.write(new Stamp(null, Optional.empty())), StandardCharsets.UTF_8));
        }

        @Test
        void defaultMapper_eachCall_newIndependentInstance() {
            ObjectMapper first = JsonCodec.defaultMapper();
            ObjectMapper second = JsonCodec.defaultMapper();
            assertNotSame(first, second);
            first.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            assertFalse(second.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            assertThrows(UncheckedIOException.class, () -> JsonCodec.of(first)
                    .read(utf8("{\"at\": null, \"extra\": 1}"), Stamp.class));
        }

        @Test
        void of_callerMapper_used() {
            ObjectMapper strict = JsonCodec.defaultMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            assertThrows(UncheckedIOException.class, () -> JsonCodec.of(strict)
                    .read(utf8(server(", \"x\": 1")), SampleServer.class));
            assertEquals(
                    "mapper",
                    assertThrows(NullPointerException.class, () -> JsonCodec.of(null))
                            .getMessage());
        }
    }

    @Nested
    class Envelopes {
        private final SampleServer sample = SampleServer.builder()
                .id("9e4c")
                .status(SampleStatus.ACTIVE)
                .name("web-1")
                .created(Instant.parse("2014-09-25T13:10:10Z"))
                .putMetadata("k", "v")
                .build();

        @Test
        void writeEnveloped_value_wrappedUnderKey() {
            assertEquals(
                    "{\"server\":{\"id\":\"9e4c\",\"status\":\"ACTIVE\",\"name\":\"web-1\",\"created\":"
                            + "\"2014-09-25T13:10:10Z\",\"metadata\":{\"k\":\"v\"}}}",
                    new String(codec.writeEnveloped("server", sample), StandardCharsets.UTF_8));
        }

        @Test
        void writeEnveloped_roundTrip_sameValue() {
            assertEquals(
                    sample, codec.readEnveloped(codec.writeEnveloped("server", sample), "server", SampleServer.class));
        }

        @Test
        void readEnveloped_keyAfterOtherMembers_earlierMembersSkipped() {
            String json =
                    "{\"links\": [{\"server\": {\"id\": \"decoy-1\"}}], \"other\": {\"server\": {\"id\": \"decoy-2\"}},"
                            + " \"n\": 1, \"s\": \"server\", \"server\": " + server("")
                            + ", \"after\": {\"broken\": [1, 2]}}";
            assertEquals(
                    "9e4c",
                    codec.readEnveloped(utf8(json), "server", SampleServer.class)
                            .id());
        }

        @Test
        void readEnveloped_missingKey_uncheckedIoExceptionNamingKey() {
            UncheckedIOException e = assertThrows(
                    UncheckedIOException.class,
                    () -> codec.readEnveloped(utf8("{\"servers\": []}"), "server", SampleServer.class));
            assertTrue(e.getMessage().contains("no member 'server'"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"server\": {}}]", "\"server\"", "{\"server\": null}", "null", ""})
        void readEnveloped_noUsableMember_uncheckedIoException(String json) {
            assertThrows(
                    UncheckedIOException.class, () -> codec.readEnveloped(utf8(json), "server", SampleServer.class));
        }

        @Test
        void read_typeReference_genericList() {
            List<SampleServer> servers = codec.read(
                    utf8("[" + server("") + ", " + server("") + "]"), new TypeReference<List<SampleServer>>() {});
            assertEquals(2, servers.size());
            assertEquals("9e4c", servers.get(1).id());
        }

        @Test
        void read_nullDocument_uncheckedIoException() {
            assertThrows(UncheckedIOException.class, () -> codec.read(utf8("null"), SampleServer.class));
            assertThrows(
                    UncheckedIOException.class, () -> codec.read(utf8("null"), new TypeReference<List<String>>() {}));
        }

        @Test
        void write_unserializableValue_illegalArgumentException() {
            assertThrows(IllegalArgumentException.class, () -> codec.write(new Object()));
        }

        @Test
        void writeEnveloped_nullArguments_namedInException() {
            assertEquals(
                    "key",
                    assertThrows(NullPointerException.class, () -> codec.writeEnveloped(null, sample))
                            .getMessage());
        }

        @Test
        void writeEnveloped_nullValue_writesExplicitNull() {
            // Nova's argument-less actions need the member present: {"os-start": null}, never {}.
            assertEquals(
                    "{\"os-start\":null}", new String(codec.writeEnveloped("os-start", null), StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Decode {
        private final HttpRequest request = HttpRequest.builder(
                        HttpMethod.POST, URI.create("http://h/v2.1/servers?token=abc"))
                .build();

        private HttpResponse response(String body) {
            return HttpResponse.of(
                    202, Headers.of("Content-Type", "application/json", "x-openstack-request-id", "req-42"), body);
        }

        @Test
        void decode_envelopedBody_value() {
            SampleServer s =
                    codec.decode(request, response("{\"server\": " + server("") + "}"), "server", SampleServer.class);
            assertEquals("9e4c", s.id());
        }

        @Test
        void decode_withoutEnvelopeKey_wholeDocument() {
            Map<?, ?> m = codec.decode(request, response("{\"a\": 1}"), null, Map.class);
            assertEquals(Map.of("a", 1), m);
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "garbage                                               | malformed JSON at line 1",
                    "{\"server\": {\"id\": \"9e4c\", \"adminPass\": \"s3cr3t\"  | malformed JSON",
                    "{\"servers\": []}                                      | no member 'server' in the top-level object",
                    "null                                                   | the document is null",
                    "{\"server\": null}                                     | member 'server' is null",
                    "''                                                     | the body is empty",
                    "[1]                                                    | expected a JSON object holding 'server'",
                    "{\"server\": []}                                       | the document does not match",
                    "{\"server\": {\"id\": \"9e4c\", \"adminPass\": \"s3cr3t\", \"status\": \"ACTIVE\"}} | does not match",
                    "{\"server\": {\"id\": \"9e4c\", \"status\": \"ACTIVE\", \"created\": \"s3cr3t\"}} | does not match at created"
                })
        void decode_undecodableBody_responseParseExceptionWithoutBodyContent(String body, String detail) {
            ResponseParseException e = assertThrows(
                    ResponseParseException.class,
                    () -> codec.decode(request, response(body), "server", SampleServer.class));
            assertEquals(HttpMethod.POST, e.method());
            assertEquals(202, e.statusCode());
            assertEquals(Optional.of("req-42"), e.requestId());
            assertEquals(URI.create("http://h/v2.1/servers?token=***"), e.uri());
            assertTrue(
                    e.getMessage()
                            .startsWith("POST http://h/v2.1/servers?token=*** -> 202 [req-42]: response body "
                                    + "could not be decoded: expected SampleServer: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(detail), e.getMessage());
            assertFalse(e.getMessage().contains("abc"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("s3cr3t"), t.getMessage());
            }
        }

        @Test
        void decode_randomBytes_responseParseException() {
            java.util.Random random = new java.util.Random(7L);
            for (int i = 0; i < 100; i++) {
                byte[] body = new byte[random.nextInt(200)];
                random.nextBytes(body);
                HttpResponse r = HttpResponse.of(200, null, Headers.empty(), body);
                assertThrows(
                        ResponseParseException.class, () -> codec.decode(request, r, "server", SampleServer.class));
            }
        }

        @Test
        void decode_noRequestId_exceptionWithoutOne() {
            HttpResponse r = HttpResponse.of(200, Headers.empty(), "nope");
            ResponseParseException e = assertThrows(
                    ResponseParseException.class, () -> codec.decode(request, r, null, SampleServer.class));
            assertEquals(Optional.empty(), e.requestId());
        }

        @Test
        void decode_sameBodyTwice_bodyNotConsumed() {
            HttpResponse r = response("{\"server\": " + server("") + "}");
            assertEquals(
                    codec.decode(request, r, "server", SampleServer.class),
                    codec.decode(request, r, "server", SampleServer.class));
            assertArrayEquals(utf8("{\"server\": " + server("") + "}"), r.body());
        }
    }
}
