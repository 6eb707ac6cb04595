package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.error.ApiError;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.AuthenticationException;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.RateLimitException;
import dev.novasdk.core.error.ServerErrorException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Status-to-exception mapping, request ids, the message format and URI redaction of {@link ErrorMapper}. */
class ErrorMapperTest {
    private static final HttpRequest GET = HttpRequest.get(URI.create("http://h/v2.1/servers"));

    private final ErrorMapper mapper = ErrorMapper.create();

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(413, RateLimitException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerErrorException.class),
                Arguments.of(501, ServerErrorException.class),
                Arguments.of(502, ServerErrorException.class),
                Arguments.of(503, ServerErrorException.class),
                Arguments.of(504, ServerErrorException.class),
                Arguments.of(599, ServerErrorException.class),
                Arguments.of(300, ApiException.class),
                Arguments.of(302, ApiException.class),
                Arguments.of(402, ApiException.class),
                Arguments.of(405, ApiException.class),
                Arguments.of(406, ApiException.class),
                Arguments.of(410, ApiException.class),
                Arguments.of(415, ApiException.class),
                Arguments.of(418, ApiException.class),
                Arguments.of(600, ApiException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void toException_status_exceptionClassForStatus(int status, Class<? extends ApiException> expected) {
        ApiException e = mapper.toException(GET, HttpResponse.of(status, Headers.empty(), ""));
        assertEquals(expected, e.getClass());
        assertEquals(status, e.statusCode());
    }

    @Test
    void toException_noBodyNoRequestId_messageIsMethodUriAndStatus() {
        ApiException e = mapper.toException(GET, HttpResponse.of(404, Headers.empty(), ""));
        assertEquals("GET http://h/v2.1/servers -> 404 Not Found", e.getMessage());
        assertEquals(Optional.empty(), e.requestId());
        assertEquals(Optional.empty(), e.serviceMessage());
        assertEquals(Optional.empty(), e.faultName());
        assertEquals("", e.bodyExcerpt());
    }

    @Test
    void toException_faultNameWithoutMessage_messageEndsWithFaultName() {
        HttpResponse r = HttpResponse.of(
                500, Headers.of("Content-Type", "application/json"), "{\"computeFault\": {\"code\": 500}}");
        ApiException e = mapper.toException(GET, r);
        assertEquals("GET http://h/v2.1/servers -> 500 Internal Server Error: computeFault", e.getMessage());
    }

    @Test
    void toException_receivedReasonPhrase_usedInMessage() {
        HttpResponse r = HttpResponse.of(413, "Request Entity Too Large", Headers.empty(), new byte[0]);
        assertEquals(
                "GET http://h/v2.1/servers -> 413 Request Entity Too Large",
                mapper.toException(GET, r).getMessage());
    }

    @Test
    void toException_bothRequestIdHeaders_prefersOpenStackRequestId() {
        HttpResponse r = HttpResponse.of(
                404, Headers.of("X-Compute-Request-Id", "req-compute", "X-OpenStack-Request-ID", "req-openstack"), "");
        assertEquals(Optional.of("req-openstack"), mapper.toException(GET, r).requestId());
    }

    @Test
    void toException_requestIdWithControlCharacters_cleanedForMessage() {
        HttpResponse r = HttpResponse.of(404, Headers.of("x-openstack-request-id", "req-1\u0007\u001b[31m"), "");
        ApiException e = mapper.toException(GET, r);
        assertEquals(Optional.of("req-1 [31m"), e.requestId());
        assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
    }

    @Test
    void toException_uriWithSecretQueryAndUserInfo_redactedInMessage() {
        HttpRequest request = HttpRequest.get(URI.create("http://admin:pw@h/v2.1/servers?name=x&token=abc123"));
        ApiException e = mapper.toException(request, HttpResponse.of(400, Headers.empty(), ""));
        assertEquals("GET http://h/v2.1/servers?name=x&token=*** -> 400 Bad Request", e.getMessage());
        assertFalse(e.getMessage().contains("abc123"));
        assertFalse(e.getMessage().contains("pw@"));
    }

    @Test
    void toException_methodAndUri_carriedOnException() {
        HttpRequest request = HttpRequest.builder(HttpMethod.DELETE, URI.create("http://h/v2.1/servers/1"))
                .build();
        ApiException e = mapper.toException(request, HttpResponse.of(409, Headers.empty(), ""));
        assertEquals(HttpMethod.DELETE, e.method());
        assertEquals(URI.create("http://h/v2.1/servers/1"), e.uri());
    }

    @Test
    void parse_novaFault_sameErrorAsException() {
        HttpResponse r = HttpResponse.of(
                404,
                Headers.of("Content-Type", "application/json", "x-openstack-request-id", "req-1"),
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"gone\"}}");
        ApiError error = mapper.parse(GET, r);
        assertEquals(mapper.toException(GET, r).getMessage(), error.message());
        assertEquals(Optional.of("itemNotFound"), error.faultName());
        assertEquals(Optional.of("gone"), error.serviceMessage());
        assertEquals("{\"itemNotFound\": {\"code\": 404, \"message\": \"gone\"}}", error.bodyExcerpt());
    }

    @Test
    void toException_exceptionCarriesError_errorIsTheParsedOne() {
        ApiException e = mapper.toException(GET, HttpResponse.of(400, Headers.empty(), "bad"));
        assertSame(e.error().serviceMessage().orElseThrow(), e.serviceMessage().orElseThrow());
        assertEquals("bad", e.bodyExcerpt());
    }

    @Test
    void toException_authReceiptHeaderOnAnyError_exposedButNotInMessage() {
        HttpResponse r = HttpResponse.of(401, Headers.of("Openstack-Auth-Receipt", " receipt-abc "), "");
        ApiException e = mapper.toException(GET, r);
        assertEquals(Optional.of("receipt-abc"), e.error().authReceipt());
        assertFalse(e.getMessage().contains("receipt-abc"));
    }

    @Test
    void toException_latin1Charset_bodyDecodedWithIt() {
        byte[] body = "404 Not Found\n\nImage caf\u00e9 not found".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse r = HttpResponse.of(404, null, Headers.of("Content-Type", "text/plain; charset=ISO-8859-1"), body);
        assertEquals(
                Optional.of("Image caf\u00e9 not found"),
                mapper.toException(GET, r).serviceMessage());
    }

    @Test
    void toException_nullArguments_namedInException() {
        HttpResponse r = HttpResponse.of(404, Headers.empty(), "");
        assertEquals(
                "request",
                assertThrows(NullPointerException.class, () -> mapper.toException(null, r))
                        .getMessage());
        assertEquals(
                "response",
                assertThrows(NullPointerException.class, () -> mapper.toException(GET, null))
                        .getMessage());
        assertEquals(
                "clock",
                assertThrows(NullPointerException.class, () -> ErrorMapper.create(null))
                        .getMessage());
    }

    @Test
    void toException_proxyHtml502_headingIsFaultName() {
        HttpResponse r = HttpResponse.of(
                502,
                Headers.of("Content-Type", "text/html"),
                "<html><head><title>502 Bad "
                        + "Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                        + "</body></html>");
        ApiException e = mapper.toException(GET, r);
        assertEquals(ServerErrorException.class, e.getClass());
        assertEquals(Optional.of("Bad Gateway"), e.faultName());
        assertEquals(Optional.of("nginx"), e.serviceMessage());
    }

    @Test
    void toException_htmlWithScriptStyleAndEntities_onlyVisibleTextKept() {
        HttpResponse r = HttpResponse.of(
                503,
                Headers.of("Content-Type", "text/html"),
                "<html><head><style>h1{x:1}"
                        + "</style><script>var a = '<h1>';</script></head><body><h1>Service Unavailable</h1><p>Back &amp; "
                        + "running <b>soon</b>&#33; &lt;maybe&gt;</p><script>track()</script></body></html>");
        ApiException e = mapper.toException(GET, r);
        assertEquals(Optional.of("Service Unavailable"), e.faultName());
        assertEquals(Optional.of("Back & running soon! <maybe>"), e.serviceMessage());
    }

    @Test
    void toException_plainTextWithoutStatusLine_wholeTextIsMessage() {
        HttpResponse r = HttpResponse.of(
                502,
                Headers.of("Content-Type", "text/plain"),
                "upstream connect error\r\n" + "or disconnect/reset before headers");
        ApiException e = mapper.toException(GET, r);
        assertEquals(Optional.empty(), e.faultName());
        assertEquals(Optional.of("upstream connect error or disconnect/reset before headers"), e.serviceMessage());
    }

    @Test
    void toException_jsonWithoutContentType_stillParsed() {
        HttpResponse r = HttpResponse.of(
                409, Headers.empty(), "  {\"conflictingRequest\": {\"code\": 409, \"message\": \"busy\"}}");
        ApiException e = mapper.toException(GET, r);
        assertEquals(Optional.of("conflictingRequest"), e.faultName());
        assertEquals(Optional.of("busy"), e.serviceMessage());
    }
}
