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
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every error body shape that Nova, Keystone and Glance send, as listed in the project's shared notes on
 * error bodies (shapes A to H). Bodies are the exact ones given there; where the notes abbreviate an id with
 * an ellipsis, the ellipsis is kept.
 */
class ErrorBodyShapesTest {
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String REQ_ID = "req-6b2e0c4e-3f5a-4d8e-9b1c-2a7f0e9d4c11";

    private final ErrorMapper mapper = ErrorMapper.create();

    private static HttpRequest request(HttpMethod method, String uri) {
        return HttpRequest.builder(method, URI.create(uri)).build();
    }

    private static HttpResponse response(int status, String contentType, String body, String... extraHeaders) {
        Headers.Builder h = Headers.builder();
        if (contentType != null) {
            h.add("Content-Type", contentType);
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            h.add(extraHeaders[i], extraHeaders[i + 1]);
        }
        return HttpResponse.of(status, h.build(), body);
    }

    // Nova's compute_req_id middleware sets both headers with the same value on every /v2.1 response.
    private static HttpResponse nova(int status, String body, String... extraHeaders) {
        String[] headers = new String[extraHeaders.length + 4];
        headers[0] = "x-openstack-request-id";
        headers[1] = REQ_ID;
        headers[2] = "x-compute-request-id";
        headers[3] = REQ_ID;
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return response(status, JSON_UTF8, body, headers);
    }

    private static String resource(String path) {
        try (InputStream in = ErrorBodyShapesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(
            ApiException e,
            Class<? extends ApiException> type,
            int status,
            String faultName,
            String serviceMessage,
            String requestId) {
        assertEquals(type, e.getClass(), "exception class");
        assertEquals(status, e.statusCode(), "status");
        assertEquals(Optional.ofNullable(faultName), e.faultName(), "faultName");
        assertEquals(Optional.ofNullable(serviceMessage), e.serviceMessage(), "serviceMessage");
        assertEquals(Optional.ofNullable(requestId), e.requestId(), "requestId");
        String expected =
                e.method() + " " + e.uri() + " -> " + status + " " + e.error().reasonPhrase()
                        + (requestId == null ? "" : " [" + requestId + "]")
                        + (serviceMessage != null ? ": " + serviceMessage : faultName != null ? ": " + faultName : "");
        assertEquals(expected, e.getMessage(), "message");
    }

    /** Shape A: nova's {@code wsgi.Fault} envelope, keyed by fault name, with an integer code. */
    @Nested
    class NovaFault {
        @Test
        void toException_badRequest400_badRequestExceptionWithNovaMessage() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            400,
                            "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute name. Value: . '' is too short\"}}"));
            assertError(
                    e,
                    BadRequestException.class,
                    400,
                    "badRequest",
                    "Invalid input for field/attribute name. Value: . '' is too short",
                    REQ_ID);
        }

        @Test
        void toException_forbidden403Quota_forbiddenException() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            403,
                            "{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 1, but already used 10 of 10 instances\"}}"));
            assertError(
                    e,
                    ForbiddenException.class,
                    403,
                    "forbidden",
                    "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances",
                    REQ_ID);
        }

        @Test
        void toException_itemNotFound404_notFoundException() {
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://h/v2.1/servers/9e4c"),
                    nova(
                            404,
                            "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance 9e4c\u2026 could not be found.\"}}"));
            assertError(
                    e, NotFoundException.class, 404, "itemNotFound", "Instance 9e4c\u2026 could not be found.", REQ_ID);
        }

        @Test
        void toException_versionNotFoundForApiMethod404_notFoundWithOpaqueMessage() {
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://h/v2.1/servers/9e4c/topology"),
                    nova(
                            404,
                            "{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}"));
            assertError(e, NotFoundException.class, 404, "itemNotFound", "The resource could not be found.", REQ_ID);
        }

        @Test
        void toException_conflictingRequest409_conflictException() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers/9e4c/action"),
                    nova(
                            409,
                            "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'reboot' instance 9e4c\u2026 while it is in task_state rebooting\"}}"));
            assertError(
                    e,
                    ConflictException.class,
                    409,
                    "conflictingRequest",
                    "Cannot 'reboot' instance 9e4c\u2026 while it is in task_state rebooting",
                    REQ_ID);
        }

        @Test
        void toException_unsupportedMicroversion406_apiExceptionWithComputeFault() {
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://h/v2.1/servers"),
                    nova(
                            406,
                            "{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.\"}}",
                            "OpenStack-API-Version",
                            "compute 2.999",
                            "X-OpenStack-Nova-API-Version",
                            "2.999",
                            "Vary",
                            "OpenStack-API-Version, X-OpenStack-Nova-API-Version"));
            assertError(
                    e,
                    ApiException.class,
                    406,
                    "computeFault",
                    "Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.",
                    REQ_ID);
            assertEquals(
                    "GET http://h/v2.1/servers -> 406 Not Acceptable [" + REQ_ID + "]: Version 2.999 is not "
                            + "supported by the API. Minimum is 2.1 and maximum is 2.104.",
                    e.getMessage());
        }

        @Test
        void toException_removedApi410_apiExceptionWithComputeFault() {
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://h/v2.1/os-agents"),
                    nova(
                            410,
                            "{\"computeFault\": {\"code\": 410, \"message\": \"This resource is no longer available. No forwarding address is given.\"}}"));
            assertError(
                    e,
                    ApiException.class,
                    410,
                    "computeFault",
                    "This resource is no longer available. No forwarding address is given.",
                    REQ_ID);
        }

        @Test
        void toException_unexpectedError500_serverErrorKeepsExceptionClassText() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            500,
                            "{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error. Please contact the administrator\\n<class 'nova.exception.Foo'>\"}}"));
            // The angle brackets are part of nova's text, not markup, so they survive cleaning.
            assertError(
                    e,
                    ServerErrorException.class,
                    500,
                    "computeFault",
                    "Unexpected API Error. Please contact the administrator <class 'nova.exception.Foo'>",
                    REQ_ID);
        }

        @Test
        void toException_overLimit413WithRetryAfter_rateLimitExceptionWithDelay() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            413,
                            "{\"overLimit\": {\"code\": 413, \"message\": \"This request was rate-limited.\", \"retryAfter\": \"30\"}}",
                            "Retry-After",
                            "30"));
            assertError(e, RateLimitException.class, 413, "overLimit", "This request was rate-limited.", REQ_ID);
            assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        }

        @Test
        void toException_overLimit429BodyHintOnly_rateLimitExceptionWithBodyDelay() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            429,
                            "{\"overLimit\": {\"code\": 429, \"message\": \"This request was rate-limited.\", \"retryAfter\": \"12\"}}"));
            assertError(e, RateLimitException.class, 429, "overLimit", "This request was rate-limited.", REQ_ID);
            assertEquals(Optional.of(Duration.ofSeconds(12)), e.retryAfter());
        }

        @Test
        void toException_swapTooLarge400_messageHasSdkFormat() {
            ApiException e = mapper.toException(
                    request(HttpMethod.POST, "http://h/v2.1/servers"),
                    nova(
                            400,
                            "{\"badRequest\": {\"code\": 400, \"message\": \"Swap drive requested is larger than instance type allows.\"}}"));
            assertEquals(
                    "POST http://h/v2.1/servers -> 400 Bad Request [" + REQ_ID
                            + "]: Swap drive requested is larger than instance type allows.",
                    e.getMessage());
        }

        @Test
        void toException_onlyComputeRequestIdHeader_usesIt() {
            HttpResponse r = response(
                    404,
                    JSON_UTF8,
                    "{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor 7 could not be found.\"}}",
                    "X-Compute-Request-Id",
                    "req-compute-only");
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://h/v2.1/flavors/7"), r);
            assertError(
                    e,
                    NotFoundException.class,
                    404,
                    "itemNotFound",
                    "Flavor 7 could not be found.",
                    "req-compute-only");
        }
    }

    /** Shape B: keystone's {@code error} object, also sent by keystonemiddleware in front of nova. */
    @Nested
    class KeystoneError {
        @Test
        void toException_keystonemiddleware401_authenticationExceptionWithTitle() {
            HttpResponse r = nova(
                    401,
                    "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": "
                            + "\"The request you have made requires authentication.\"}}",
                    "WWW-Authenticate",
                    "Keystone uri=\"https://keystone.example.com/identity\"");
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://h/v2.1/servers"), r);
            assertError(
                    e,
                    AuthenticationException.class,
                    401,
                    "Unauthorized",
                    "The request you have made requires authentication.",
                    REQ_ID);
        }

        @Test
        void toException_projectNotFound404_notFoundException() {
            HttpResponse r = response(
                    404,
                    "application/json",
                    "{\"error\": {\"code\": 404, \"title\": \"Not Found\", "
                            + "\"message\": \"Could not find project: 3f2c\u2026.\"}}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://k/v3/projects/3f2c"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", "Could not find project: 3f2c\u2026.", REQ_ID);
        }

        @Test
        void toException_404WithEmptyIdentityMember_identityIgnored() {
            HttpResponse r = response(
                    404,
                    "application/json",
                    "{\"error\": {\"code\": 404, \"title\": \"Not Found\", "
                            + "\"message\": \"Could not find user: u1.\", \"identity\": {}}}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://k/v3/users/u1"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", "Could not find user: u1.", REQ_ID);
        }

        @Test
        void toException_authMethodNotSupported401_listsSupportedMethods() {
            HttpResponse r = response(
                    401,
                    "application/json",
                    "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
                            + "\"message\": \"Attempted to authenticate with an unsupported method.\", "
                            + "\"identity\": {\"methods\": [\"password\", \"token\", \"application_credential\"]}}}",
                    "x-openstack-request-id",
                    REQ_ID,
                    "WWW-Authenticate",
                    "Keystone uri=\"https://k\"");
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/auth/tokens"), r);
            assertError(
                    e,
                    AuthenticationException.class,
                    401,
                    "Unauthorized",
                    "Attempted to authenticate with an unsupported method. "
                            + "(supported methods: [password, token, application_credential])",
                    REQ_ID);
        }

        @Test
        void toException_conflict409_conflictException() {
            HttpResponse r = response(
                    409,
                    "application/json",
                    "{\"error\": {\"code\": 409, \"title\": \"Conflict\", "
                            + "\"message\": \"Conflict occurred attempting to store project - it is not permitted to have two projects with the same name in the same domain : demo.\"}}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/projects"), r);
            assertError(
                    e,
                    ConflictException.class,
                    409,
                    "Conflict",
                    "Conflict occurred attempting to store project "
                            + "- it is not permitted to have two projects with the same name in the same domain : demo.",
                    REQ_ID);
        }
    }

    /** Shape C: keystone's MFA receipt, a 401 that asks for more authentication methods. */
    @Nested
    class MfaReceipt {
        // Copied from shared/api-samples/identity/api-ref/source/v3/samples/auth/responses/auth-receipt-password.json
        private final String body = resource("/identity/auth/auth-receipt-password.json");
        private final String receiptId = "gAAAAABbPjcAbKuNXfTmyr0zBmO1X0Q4JxUbyd0nOIzY-Rbc9rjBBtVJNy6KgW6J";

        @Test
        void toException_authReceipt_authenticationExceptionListingRequiredMethods() {
            HttpResponse r = response(
                    401,
                    "application/json",
                    body,
                    "Openstack-Auth-Receipt",
                    receiptId,
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/auth/tokens"), r);
            assertError(
                    e,
                    AuthenticationException.class,
                    401,
                    "authReceiptRequired",
                    "additional authentication required: [[totp, password]]",
                    REQ_ID);
            assertEquals(Optional.of(receiptId), e.error().authReceipt());
        }

        @Test
        void toException_authReceipt_receiptIdAndUserKeptOutOfMessage() {
            HttpResponse r = response(401, "application/json", body, "Openstack-Auth-Receipt", receiptId);
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/auth/tokens"), r);
            assertFalse(e.getMessage().contains(receiptId), e.getMessage());
            assertFalse(e.getMessage().contains("ee4dfb6e5540447cb3741905149d9b6e"), e.getMessage());
        }
    }

    /** Shape D: the OAuth2 token endpoint's RFC 6749 error, where {@code error} is a string. */
    @Nested
    class OAuth2Error {
        @Test
        void toException_invalidClient401_faultNameIsErrorCode() {
            HttpResponse r = response(
                    401,
                    "application/json",
                    "{\"error\": \"invalid_client\", \"error_description\": \"Client authentication failed.\"}",
                    "WWW-Authenticate",
                    "Keystone uri=\"https://k\"",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/OS-OAUTH2/token"), r);
            assertError(
                    e, AuthenticationException.class, 401, "invalid_client", "Client authentication failed.", REQ_ID);
        }

        @Test
        void toException_unsupportedGrantTypeWithoutDescription_messageIsErrorCode() {
            HttpResponse r = response(400, "application/json", "{\"error\": \"unsupported_grant_type\"}");
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://k/v3/OS-OAUTH2/token"), r);
            assertError(e, BadRequestException.class, 400, "unsupported_grant_type", "unsupported_grant_type", null);
        }
    }

    /** Shape E: WebOb's default bodies (every glance error, nova's unrouted URLs, oslo sizelimit). */
    @Nested
    class WebOb {
        private static final String NOT_FOUND_MESSAGE = "No image found with ID 8a9f1e4b";
        private static final String UNAUTHORIZED_MESSAGE = "This server could not verify that you are authorized to "
                + "access the document you requested. Either you supplied the wrong credentials (e.g., bad password), "
                + "or your browser does not understand how to supply the credentials required.";

        @Test
        void toException_plain404_statusLineIsFaultName() {
            HttpResponse r = response(
                    404,
                    "text/plain; charset=UTF-8",
                    "404 Not Found\n\nNo image found with ID 8a9f1e4b\n\n   ",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images/8a9f1e4b"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", NOT_FOUND_MESSAGE, REQ_ID);
        }

        @Test
        void toException_json404_breakTagsRemovedAndTitleIsFaultName() {
            HttpResponse r = response(
                    404,
                    "application/json",
                    "{\"message\": \"No image found with ID 8a9f1e4b<br /><br />\\n\\n\\n\", "
                            + "\"code\": \"404 Not Found\", \"title\": \"Not Found\"}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images/8a9f1e4b"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", NOT_FOUND_MESSAGE, REQ_ID);
        }

        @Test
        void toException_html404_tagsStripped() {
            HttpResponse r = response(
                    404,
                    "text/html; charset=UTF-8",
                    "<html>\n <head>\n  <title>404 Not Found</title>\n "
                            + "</head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 8a9f1e4b<br /><br />\n\n\n\n "
                            + "</body>\n</html>",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images/8a9f1e4b"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", NOT_FOUND_MESSAGE, REQ_ID);
        }

        @Test
        void toException_novaUnroutedUrlPlain404_notFoundException() {
            HttpResponse r = response(
                    404,
                    "text/plain; charset=UTF-8",
                    "404 Not Found\n\nThe resource could not be found.\n\n   ",
                    "x-openstack-request-id",
                    REQ_ID,
                    "x-compute-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.PATCH, "http://h/v2.1/servers"), r);
            assertError(e, NotFoundException.class, 404, "Not Found", "The resource could not be found.", REQ_ID);
        }

        @Test
        void toException_json405_apiExceptionWithMethodText() {
            HttpResponse r = response(
                    405,
                    "application/json",
                    "{\"message\": \"The method PATCH is not allowed for this "
                            + "resource. <br /><br />\\n\", \"code\": \"405 Method Not Allowed\", \"title\": \"Method Not Allowed\"}",
                    "Allow",
                    "GET, PATCH, DELETE",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.PATCH, "http://g/v2/images"), r);
            assertError(
                    e,
                    ApiException.class,
                    405,
                    "Method Not Allowed",
                    "The method PATCH is not allowed for this resource.",
                    REQ_ID);
        }

        @Test
        void toException_plain416_detailJoinedToExplanation() {
            HttpResponse r = response(
                    416,
                    "text/plain; charset=UTF-8",
                    "416 Request Range Not Satisfiable\n\nThe Range "
                            + "requested is not available.\n\n Invalid Range header.  ",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images/8a9f1e4b/file"), r);
            assertError(
                    e,
                    ApiException.class,
                    416,
                    "Request Range Not Satisfiable",
                    "The Range requested is not available. Invalid Range header.",
                    REQ_ID);
        }

        @Test
        void toException_json416_detailJoinedToExplanation() {
            HttpResponse r = response(
                    416,
                    "application/json",
                    "{\"message\": \"The Range requested is not available.<br />"
                            + "<br />\\nInvalid Range header.\\n\\n\", \"code\": \"416 Request Range Not Satisfiable\", "
                            + "\"title\": \"Request Range Not Satisfiable\"}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images/8a9f1e4b/file"), r);
            assertError(
                    e,
                    ApiException.class,
                    416,
                    "Request Range Not Satisfiable",
                    "The Range requested is not available. Invalid Range header.",
                    REQ_ID);
        }

        @Test
        void toException_glancePlain401WithoutRequestId_authenticationException() {
            HttpResponse r = response(
                    401,
                    "text/plain; charset=UTF-8",
                    "401 Unauthorized\n\n" + UNAUTHORIZED_MESSAGE + "\n\n   ",
                    "WWW-Authenticate",
                    "Keystone uri=\"https://k\"");
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://g/v2/images"), r);
            assertError(e, AuthenticationException.class, 401, "Unauthorized", UNAUTHORIZED_MESSAGE, null);
        }

        @Test
        void toException_sizelimitJson413_rateLimitExceptionWithoutDelay() {
            HttpResponse r = response(
                    413,
                    "application/json",
                    "{\"message\": \"Request is too large. Larger than "
                            + "max_request_body_size (%s).<br /><br />\\n\\n\\n\", \"code\": \"413 Request Entity Too Large\", "
                            + "\"title\": \"Request Entity Too Large\"}",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.POST, "http://h/v2.1/servers"), r);
            assertError(
                    e,
                    RateLimitException.class,
                    413,
                    "Request Entity Too Large",
                    "Request is too large. Larger than max_request_body_size (%s).",
                    REQ_ID);
            assertEquals(Optional.empty(), e.retryAfter());
        }
    }

    /** Shapes F and G: keystone's flask-restful 405 and werkzeug's unmatched-URL page. */
    @Nested
    class KeystoneFramework {
        @Test
        void toException_flaskRestful405_messageWithoutFaultName() {
            HttpResponse r = response(
                    405,
                    "application/json",
                    "{\"message\": \"The method is not allowed for the requested URL.\"}",
                    "Allow",
                    "GET, HEAD, OPTIONS",
                    "x-openstack-request-id",
                    REQ_ID);
            ApiException e = mapper.toException(request(HttpMethod.DELETE, "http://k/v3/auth/catalog"), r);
            assertError(e, ApiException.class, 405, null, "The method is not allowed for the requested URL.", REQ_ID);
        }

        @Test
        void toException_werkzeugHtml404_headingAndParagraphRead() {
            HttpResponse r = response(
                    404,
                    "text/html; charset=utf-8",
                    "<!doctype html>\n<html lang=en>\n<title>404 Not "
                            + "Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you "
                            + "entered the URL manually please check your spelling and try again.</p>\n");
            ApiException e = mapper.toException(request(HttpMethod.GET, "http://k/v3/nothing"), r);
            assertError(
                    e,
                    NotFoundException.class,
                    404,
                    "Not Found",
                    "The requested URL was not found on the server. "
                            + "If you entered the URL manually please check your spelling and try again.",
                    null);
        }
    }

    /** Shape H: 300 Multiple Choices version documents. */
    @Nested
    class VersionDocuments {
        @Test
        void toException_novaChoices300_listsVersions() {
            // Built after nova's Versions.multi (nova/api/openstack/compute/versions.py); nova has no sample of it.
            String body = "{\"choices\": [{\"id\": \"v2.0\", \"status\": \"DEPRECATED\", \"links\": [{\"href\": "
                    + "\"http://openstack.example.com/v2/servers\", \"rel\": \"self\"}], \"media-types\": [{\"base\": "
                    + "\"application/json\", \"type\": \"application/vnd.openstack.compute+json;version=2\"}]}, "
                    + "{\"id\": \"v2.1\", \"status\": \"CURRENT\", \"links\": [{\"href\": "
                    + "\"http://openstack.example.com/v2.1/servers\", \"rel\": \"self\"}], \"media-types\": [{\"base\": "
                    + "\"application/json\", \"type\": \"application/vnd.openstack.compute+json;version=2.1\"}]}]}";
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://h/servers"), response(300, "application/json", body));
            assertError(
                    e,
                    ApiException.class,
                    300,
                    null,
                    "multiple API versions available: v2.0 (DEPRECATED), v2.1 (CURRENT)",
                    null);
        }

        @Test
        void toException_glanceVersions300_listsFirstSixteenVersions() {
            // Copied from shared/api-samples/image/api-ref/source/versions/samples/image-versions-response.json
            String body = resource("/image/versions/image-versions-response.json");
            ApiException e = mapper.toException(
                    request(HttpMethod.GET, "http://g/v3/images"), response(300, "application/json", body));
            assertEquals(ApiException.class, e.getClass());
            assertEquals(Optional.empty(), e.faultName());
            String message = e.serviceMessage().orElseThrow();
            assertTrue(
                    message.startsWith("multiple API versions available: v2.18 (CURRENT), v2.17 (SUPPORTED), "),
                    message);
            assertTrue(message.endsWith("v2.3 (SUPPORTED), \u2026"), message);
        }

        @Test
        void toException_keystoneVersions300_readsNestedValues() {
            // Copied from shared/api-samples/identity/api-ref/source/v3/samples/admin/identity-versions-response.json
            String body = resource("/identity/versions/identity-versions-response.json");
            ApiException e =
                    mapper.toException(request(HttpMethod.GET, "http://k/"), response(300, "application/json", body));
            assertError(
                    e,
                    ApiException.class,
                    300,
                    null,
                    "multiple API versions available: v3.4 (stable), v2.0 (stable)",
                    null);
        }
    }
}
