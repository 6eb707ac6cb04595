package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.RateLimitException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error bodies that are not what any service documents: empty, truncated, binary, huge, hostile. The mapper
 * must still return the exception for the status, with bounded message and excerpt.
 */
class ErrorBodyRobustnessTest {
    private static final HttpRequest GET = HttpRequest.get(URI.create("http://h/v2.1/servers"));
    private static final int MiB = 1 << 20;
    private static final String NOVA_FAULT = "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/"
            + "attribute name. Value: . '' is too short\"}}";

    private final ErrorMapper mapper = ErrorMapper.create();

    private static HttpResponse response(int status, String contentType, byte[] body) {
        Headers headers = contentType == null ? Headers.empty() : Headers.of("Content-Type", contentType);
        return HttpResponse.of(status, null, headers, body);
    }

    private static void assertBounded(ApiException e) {
        assertTrue(
                e.bodyExcerpt().length() <= 2048,
                "excerpt length " + e.bodyExcerpt().length());
        e.serviceMessage().ifPresent(m -> {
            assertTrue(m.length() <= 1024, "message length " + m.length());
            assertFalse(m.chars().anyMatch(Character::isISOControl), "control character in message");
        });
        assertTrue(
                e.getMessage().length() < 1400,
                "exception message length " + e.getMessage().length());
        assertFalse(
                e.bodyExcerpt().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'),
                "control character in excerpt");
    }

    static Stream<Arguments> contentTypes() {
        return Stream.of(
                        null,
                        "application/json",
                        "application/json; charset=UTF-8",
                        "text/plain; charset=UTF-8",
                        "text/html; charset=UTF-8",
                        "application/octet-stream",
                        "text/plain; charset=no-such-charset",
                        "application/json; charset=\"")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("contentTypes")
    void toException_emptyBody_classForStatusWithoutMessage(String contentType) {
        ApiException e = mapper.toException(GET, response(404, contentType, new byte[0]));
        assertEquals(NotFoundException.class, e.getClass());
        assertEquals(Optional.empty(), e.serviceMessage());
        assertEquals(Optional.empty(), e.faultName());
    }

    @ParameterizedTest
    @MethodSource("contentTypes")
    void toException_randomBytes_classForStatusAndBoundedText(String contentType) {
        Random random = new Random(20240611L);
        int[] statuses = {400, 401, 403, 404, 409, 413, 429, 500, 503, 405};
        for (int round = 0; round < 200; round++) {
            byte[] body = new byte[random.nextInt(round < 150 ? 300 : 20_000)];
            random.nextBytes(body);
            if (round % 3 == 0 && body.length > 0) {
                body[0] = '{'; // take the JSON path too
            } else if (round % 3 == 1 && body.length > 0) {
                body[0] = '<'; // and the HTML sniffing
            }
            int status = statuses[round % statuses.length];
            ApiException e = mapper.toException(GET, response(status, contentType, body));
            assertEquals(status, e.statusCode());
            assertEquals(expectedClass(status), e.getClass());
            assertBounded(e);
        }
    }

    private static Class<? extends ApiException> expectedClass(int status) {
        switch (status) {
            case 400:
                return BadRequestException.class;
            case 401:
                return AuthenticationException.class;
            case 403:
                return ForbiddenException.class;
            case 404:
                return NotFoundException.class;
            case 409:
                return ConflictException.class;
            case 413:
            case 429:
                return RateLimitException.class;
            default:
                return status >= 500 ? ServerErrorException.class : ApiException.class;
        }
    }

    @Test
    void toException_everyTruncationOfNovaFault_badRequestWithoutThrowing() {
        byte[] full = NOVA_FAULT.getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < full.length; n++) {
            ApiException e = mapper.toException(GET, response(400, "application/json", Arrays.copyOf(full, n)));
            assertEquals(BadRequestException.class, e.getClass(), "prefix of " + n + " bytes");
            assertEquals(Optional.empty(), e.faultName(), "prefix of " + n + " bytes");
            assertBounded(e);
        }
    }

    @Test
    void toException_truncatedJson_rawTextIsMessage() {
        ApiException e = mapper.toException(
                GET,
                response(
                        400,
                        "application/json",
                        "{\"badRequest\": {\"code\": 400, \"mess".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("{\"badRequest\": {\"code\": 400, \"mess"), e.serviceMessage());
    }

    @Test
    void toException_tenMebibytesOfGarbage_boundedMessageAndExcerpt() {
        byte[] body = new byte[10 * MiB];
        Arrays.fill(body, (byte) 'x');
        ApiException e = mapper.toException(GET, response(500, "text/plain", body));
        assertEquals(ServerErrorException.class, e.getClass());
        assertEquals(2048, e.bodyExcerpt().length());
        assertEquals(1024, e.serviceMessage().orElseThrow().length());
        assertTrue(e.serviceMessage().orElseThrow().endsWith("x\u2026"));
        assertBounded(e);
    }

    // Each pattern targets one scan of the HTML reader; a quadratic scan would blow the timeout by far.
    @ParameterizedTest
    @ValueSource(strings = {"<a", "&", "&amp", "<a>", "<script>", "</h1>", "<h1 ", "<br", "<title>x", "<!--", "<h1x"})
    @Timeout(20)
    void toException_tenMebibytesOfRepeatedMarkup_boundedMessage(String pattern) {
        byte[] body = pattern.repeat(10 * MiB / pattern.length()).getBytes(StandardCharsets.UTF_8);
        ApiException e = mapper.toException(GET, response(502, "text/html", body));
        assertEquals(ServerErrorException.class, e.getClass());
        assertBounded(e);
    }

    @Test
    void toException_tenMebibytesOfJsonWithHugeMessage_messageCut() {
        StringBuilder sb =
                new StringBuilder(10 * MiB + 100).append("{\"itemNotFound\": {\"code\": 404, \"message\": \"");
        while (sb.length() < 10 * MiB) {
            sb.append("no such server ");
        }
        sb.append("\"}}");
        ApiException e = mapper.toException(
                GET, response(404, "application/json", sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(NotFoundException.class, e.getClass());
        // Only the first MiB is parsed, so the document is incomplete and read as text.
        assertTrue(e.serviceMessage()
                .orElseThrow()
                .startsWith("{\"itemNotFound\": {\"code\": 404, \"message\": \"no such server"));
        assertBounded(e);
    }

    @Test
    void toException_longJsonMessageWithinParseBound_cutToOneKibibyte() {
        String message = "m".repeat(100_000);
        ApiException e = mapper.toException(
                GET,
                response(
                        400,
                        "application/json",
                        ("{\"badRequest\": {\"code\": 400, \"message\": \"" + message + "\"}}")
                                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("badRequest"), e.faultName());
        assertEquals("m".repeat(1023) + "\u2026", e.serviceMessage().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void toException_deeplyNestedJson_classForStatusWithoutThrowing(String level) {
        byte[] body = level.repeat(100_000).getBytes(StandardCharsets.UTF_8);
        ApiException e = mapper.toException(GET, response(409, "application/json", body));
        assertEquals(ConflictException.class, e.getClass());
        assertEquals(Optional.empty(), e.faultName());
        assertBounded(e);
    }

    @Test
    void toException_closedDeeplyNestedJson_classForStatusWithoutThrowing() {
        byte[] body = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
        ApiException e = mapper.toException(GET, response(400, "application/json", body));
        assertEquals(BadRequestException.class, e.getClass());
        assertBounded(e);
    }

    @Test
    void toException_invalidUtf8_replacementCharacters() {
        byte[] body = {'{', '"', 'b', 'a', 'd', '"', ':', ' ', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        ApiException json = mapper.toException(GET, response(400, "application/json", body));
        assertEquals(BadRequestException.class, json.getClass());
        assertTrue(json.serviceMessage().orElseThrow().contains("\uFFFD"));
        ApiException text = mapper.toException(GET, response(400, "text/plain; charset=UTF-8", new byte[] {
            '4', '0', '0', ' ', 'B', 'a', 'd', '\n', '\n', (byte) 0xFE, 'x'
        }));
        assertEquals(Optional.of("Bad"), text.faultName());
        assertEquals(Optional.of("\uFFFDx"), text.serviceMessage());
    }

    @Test
    void toException_multiByteCharacterAtExcerptLimit_notSplit() {
        byte[] body = ("a".repeat(2047) + "\u00e9tail").getBytes(StandardCharsets.UTF_8);
        ApiException e = mapper.toException(GET, response(500, "text/plain; charset=UTF-8", body));
        assertEquals("a".repeat(2047), e.bodyExcerpt());
    }

    @Test
    void toException_controlCharacters_replacedInExcerptAndMessage() {
        byte[] body =
                "400 Bad Request\n\nbell\u0007 escape\u001b[2J nul\u0000 end\r\n".getBytes(StandardCharsets.UTF_8);
        ApiException e = mapper.toException(GET, response(400, "text/plain", body));
        assertEquals(Optional.of("bell escape [2J nul end"), e.serviceMessage());
        assertEquals("400 Bad Request\n\nbell\uFFFD escape\uFFFD[2J nul\uFFFD end\r\n", e.bodyExcerpt());
    }

    static Stream<Arguments> oddJson() {
        return Stream.of(
                Arguments.of("[1, 2, 3]", null, "[1, 2, 3]"),
                Arguments.of(
                        "[{\"badRequest\": {\"code\": 400, \"message\": \"x\"}}]",
                        null,
                        "[{\"badRequest\": {\"code\": 400, \"message\": \"x\"}}]"),
                Arguments.of("42", null, "42"),
                Arguments.of("\"just a string\"", null, "\"just a string\""),
                Arguments.of("null", null, "null"),
                Arguments.of("true", null, "true"),
                Arguments.of("{}", null, "{}"),
                Arguments.of("{\"badRequest\": \"string\"}", "badRequest", "string"),
                Arguments.of("{\"a\":{\"code\":\"x\"}}", null, "{\"a\":{\"code\":\"x\"}}"),
                Arguments.of("{\"a\":{\"code\":400}}", "a", null),
                Arguments.of("{\"badRequest\": {\"code\": 400, \"message\": 17}}", "badRequest", null),
                Arguments.of("{\"badRequest\": null}", null, "{\"badRequest\": null}"),
                Arguments.of("{\"a\": 1, \"b\": 2}", null, "{\"a\": 1, \"b\": 2}"),
                Arguments.of("{\"error\": 42}", null, "{\"error\": 42}"),
                Arguments.of("{\"error\": null}", null, "{\"error\": null}"),
                Arguments.of("{\"error\": {}}", null, null),
                Arguments.of("{\"error\": {\"title\": 1, \"message\": [\"x\"]}}", null, null),
                Arguments.of("{\"error\": \"\", \"error_description\": \"  \"}", null, null),
                Arguments.of(
                        "{\"receipt\": 1, \"required_auth_methods\": \"totp\"}",
                        "authReceiptRequired",
                        "additional authentication required: []"),
                Arguments.of(
                        "{\"receipt\": {}, \"required_auth_methods\": [\"totp\", [1, \"totp\", null]]}",
                        "authReceiptRequired",
                        "additional authentication required: [[totp]]"),
                Arguments.of("{\"message\": \"m\", \"code\": 400}", null, "m"),
                Arguments.of("{\"versions\": 7}", null, "{\"versions\": 7}"),
                Arguments.of(
                        "{\"versions\": [1, {\"id\": 2}, {\"id\": \"v1\"}]}",
                        null,
                        "multiple API versions available: v1"),
                Arguments.of("{\"choices\": {\"values\": \"x\"}}", null, "{\"choices\": {\"values\": \"x\"}}"),
                Arguments.of(
                        "{\"badRequest\": {\"code\": 400, \"message\": \"a\"}} trailing garbage", "badRequest", "a"),
                Arguments.of(
                        "{\"overLimit\": {\"code\": 413, \"message\": \"m\", \"retryAfter\": {\"x\": 1}}}",
                        "overLimit",
                        "m"));
    }

    @ParameterizedTest
    @MethodSource("oddJson")
    void toException_oddJson_classForStatusAndBestEffortText(String body, String faultName, String message) {
        ApiException e =
                mapper.toException(GET, response(400, "application/json", body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(BadRequestException.class, e.getClass());
        assertEquals(Optional.ofNullable(faultName), e.faultName());
        assertEquals(Optional.ofNullable(message), e.serviceMessage());
        assertEquals(Optional.empty(), e.retryAfter());
    }
}
