package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggingFilterTest {
    private static final URI SERVERS = URI.create("http://127.0.0.1:8774/v2.1/servers");

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.httpDebug();
    }

    @AfterEach
    void restoreLogs() {
        logs.close();
    }

    /** A clock that advances {@code stepMillis} each time it is read. */
    private static LongSupplier ticking(long stepMillis) {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        return () -> now.getAndAdd(stepMillis * 1_000_000L);
    }

    private static FilterChain answering(HttpResponse response) {
        return request -> response;
    }

    private LoggingFilter filter() {
        return LoggingFilter.of(logs.logger(), ticking(42));
    }

    private static HttpRequest createServer() {
        return HttpRequest.builder(HttpMethod.POST, SERVERS)
                .header("Accept", "application/json")
                .header("User-Agent", "nova-java-sdk/0.1.0")
                .body(RequestBody.json("{\"server\": {\"name\": \"vm1\", \"flavorRef\": \"1\"}}"))
                .build();
    }

    @Test
    void filter_requestWithJsonBody_logsReplayableCurlCommand() throws IOException {
        filter().filter(createServer(), answering(HttpResponse.of(202, Headers.empty(), "")));

        List<String> req = logs.messagesStartingWith("REQ: ");
        assertEquals(1, req.size());
        assertEquals(
                "REQ: curl -g -i -X POST http://127.0.0.1:8774/v2.1/servers"
                        + " -H \"Accept: application/json\" -H \"User-Agent: nova-java-sdk/0.1.0\""
                        + " -H \"Content-Type: application/json\""
                        + " -d '{\"server\":{\"name\":\"vm1\",\"flavorRef\":\"1\"}}'",
                req.get(0));
        assertEquals(
                List.of(
                        "curl",
                        "-g",
                        "-i",
                        "-X",
                        "POST",
                        SERVERS.toString(),
                        "-H",
                        "Accept: application/json",
                        "-H",
                        "User-Agent: nova-java-sdk/0.1.0",
                        "-H",
                        "Content-Type: application/json",
                        "-d",
                        "{\"server\":{\"name\":\"vm1\",\"flavorRef\":\"1\"}}"),
                ShellWords.split(req.get(0).substring("REQ: ".length())));
    }

    @Test
    void filter_serverCreateWithUserData_masksTheUserData() throws IOException {
        // base64 of "#!/bin/sh\necho root:hunter2 | chpasswd\n": cloud-init scripts carry credentials.
        String userData = "IyEvYmluL3NoCmVjaG8gcm9vdDpodW50ZXIyIHwgY2hwYXNzd2QK";
        HttpRequest create = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"server\": {\"name\": \"vm1\", \"user_data\": \"" + userData + "\"}}"))
                .build();

        filter().filter(create, answering(HttpResponse.of(202, Headers.empty(), "")));

        String req = logs.messagesStartingWith("REQ: ").get(0);
        assertFalse(req.contains(userData), req);
        assertTrue(req.contains("\"user_data\":\"***\""), req);
        assertTrue(req.contains("\"name\":\"vm1\""), req);
    }

    @Test
    void filter_responseReceived_logsStatusHeadersElapsedAndBody() throws IOException {
        HttpResponse response = HttpResponse.of(
                202,
                Headers.of(
                        "Content-Length",
                        "27",
                        "Content-Type",
                        "application/json",
                        "x-openstack-request-id",
                        "req-4f1f4c06-8a3a-4a6b-9a7e-1b5f1b0c3d2e"),
                "{\"server\": {\"id\": \"f5dc\"}}");

        HttpResponse returned = filter().filter(createServer(), answering(response));

        assertSame(response, returned);
        List<String> resp = logs.messagesStartingWith("RESP: ");
        assertEquals(
                List.of("RESP: [202] Content-Length: 27 Content-Type: application/json"
                        + " x-openstack-request-id: req-4f1f4c06-8a3a-4a6b-9a7e-1b5f1b0c3d2e (elapsed 42 ms)"
                        + "\nRESP BODY: {\"server\":{\"id\":\"f5dc\"}}"),
                resp);
    }

    @Test
    void filter_emptyResponseBody_logsNoBodyLine() throws IOException {
        filter().filter(
                        HttpRequest.builder(HttpMethod.DELETE, URI.create(SERVERS + "/f5dc"))
                                .build(),
                        answering(HttpResponse.of(204, Headers.empty(), "")));

        assertEquals(
                List.of(
                        "REQ: curl -g -i -X DELETE http://127.0.0.1:8774/v2.1/servers/f5dc",
                        "RESP: [204] (elapsed 42 ms)"),
                logs.messages());
    }

    @Test
    void filter_calledTwice_logsOneRequestAndOneResponsePerAttempt() throws IOException {
        AtomicInteger sent = new AtomicInteger();
        FilterChain transport = request -> {
            sent.incrementAndGet();
            return HttpResponse.of(200, Headers.empty(), "{}");
        };
        LoggingFilter f = filter();

        f.filter(HttpRequest.get(SERVERS), transport);
        f.filter(HttpRequest.get(SERVERS), transport);

        assertEquals(2, sent.get());
        assertEquals(4, logs.events().size());
        assertEquals(2, logs.messagesStartingWith("REQ: ").size());
        assertEquals(2, logs.messagesStartingWith("RESP: [200]").size());
        assertTrue(logs.events().stream().allMatch(e -> e.getLevel() == Level.DEBUG));
    }

    @Test
    void filter_debugDisabled_sendsRequestAndDoesNoLoggingWork() throws IOException {
        try (LogCapture info = LogCapture.of("test.logging.info", Level.INFO)) {
            AtomicInteger clockReads = new AtomicInteger();
            LoggingFilter f = LoggingFilter.of(info.logger(), () -> {
                clockReads.incrementAndGet();
                return 0L;
            });
            // Reading this stream would mean the filter looked at the body.
            InputStream untouchable = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("the body was read");
                }
            };
            HttpRequest request = HttpRequest.builder(HttpMethod.POST, SERVERS)
                    .body(RequestBody.ofStream(untouchable, 10, RequestBody.JSON))
                    .build();
            AtomicInteger sent = new AtomicInteger();

            HttpResponse r = f.filter(request, req -> {
                sent.incrementAndGet();
                return HttpResponse.of(200, Headers.empty(), "{\"a\": 1}");
            });

            assertEquals(200, r.statusCode());
            assertEquals(1, sent.get());
            assertTrue(info.events().isEmpty());
            assertEquals(0, clockReads.get(), "no timing without DEBUG");
        }
    }

    @Test
    void filter_transportThrows_logsFailureWithElapsedAndRethrows() {
        ConnectException refused = new ConnectException("Connection refused");

        IOException thrown = assertThrows(IOException.class, () -> LoggingFilter.of(logs.logger(), ticking(3))
                .filter(HttpRequest.get(SERVERS), request -> {
                    throw refused;
                }));

        assertSame(refused, thrown);
        assertEquals(
                List.of(
                        "REQ: curl -g -i -X GET http://127.0.0.1:8774/v2.1/servers",
                        "RESP: failed java.net.ConnectException: Connection refused (elapsed 3 ms)"),
                logs.messages());
        assertTrue(logs.events().stream().allMatch(e -> e.getThrowableProxy() == null));
    }

    @Test
    void filter_transportThrowsWithoutMessage_logsClassName() {
        assertThrows(IOException.class, () -> filter().filter(HttpRequest.get(SERVERS), request -> {
            throw new IOException();
        }));

        assertEquals(
                "RESP: failed java.io.IOException (elapsed 42 ms)",
                logs.messages().get(1));
    }

    @Test
    void filter_streamBody_isNotReadAndStillSendable() throws IOException {
        byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.builder(HttpMethod.PUT, URI.create(SERVERS + "/x"))
                .body(RequestBody.ofStream(new ByteArrayInputStream(content), content.length, RequestBody.JSON))
                .build();

        filter().filter(request, req -> {
            try (InputStream in = req.body().orElseThrow().openStream()) {
                assertEquals("{\"a\":1}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return HttpResponse.of(204, Headers.empty(), "");
        });

        assertTrue(
                logs.messages().get(0).endsWith(" -d '<stream body, 7 bytes>'"),
                logs.messages().get(0));
    }

    @Test
    void filter_nonJsonRequestBody_logsOnlyItsSize() throws IOException {
        HttpRequest request = HttpRequest.builder(HttpMethod.PUT, URI.create(SERVERS + "/x"))
                .body(RequestBody.of("hunter2".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .build();

        filter().filter(request, answering(HttpResponse.of(204, Headers.empty(), "")));

        String req = logs.messages().get(0);
        assertTrue(req.endsWith("-H \"Content-Type: text/plain\" -d '<7 bytes, not JSON, omitted>'"), req);
        assertFalse(req.contains("hunter2"));
    }

    @Test
    void filter_bodyWithSingleQuote_isEscapedForTheShell() throws IOException {
        String json = "{\"server\":{\"name\":\"it's mine\"}}";
        HttpRequest request = HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json(json))
                .build();

        filter().filter(request, answering(HttpResponse.of(202, Headers.empty(), "")));

        List<String> words = ShellWords.split(logs.messages().get(0).substring("REQ: ".length()));
        assertEquals(json, words.get(words.size() - 1));
        assertEquals("-d", words.get(words.size() - 2));
    }

    @Test
    void filter_headerWithShellCharacters_isEscapedInsideDoubleQuotes() throws IOException {
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, SERVERS)
                .header("X-Note", "say \"hi\" for $5 `now` \\o/")
                .build();

        filter().filter(request, answering(HttpResponse.of(200, Headers.empty(), "")));

        List<String> words = ShellWords.split(logs.messages().get(0).substring("REQ: ".length()));
        assertEquals("X-Note: say \"hi\" for $5 `now` \\o/", words.get(words.size() - 1));
    }

    @Test
    void filter_queryString_isQuotedForTheShell() throws IOException {
        URI uri = URI.create("http://127.0.0.1:8774/v2.1/servers/detail?limit=2&marker=abc&sort_key=name");

        filter().filter(HttpRequest.get(uri), answering(HttpResponse.of(200, Headers.empty(), "")));

        String req = logs.messages().get(0);
        assertTrue(req.contains(" '" + uri + "'"), req);
        assertEquals(
                uri.toString(),
                ShellWords.split(req.substring("REQ: ".length())).get(5));
    }

    @Test
    void filter_htmlErrorPage_logsEscapedBoundedExcerpt() throws IOException {
        String page = "<html>\n<h1>502 Bad Gateway</h1>\r\n" + "x".repeat(2000) + "</html>";
        HttpResponse response = HttpResponse.of(502, Headers.of("Content-Type", "text/html; charset=UTF-8"), page);

        filter().filter(HttpRequest.get(SERVERS), answering(response));

        String resp = logs.messages().get(1);
        String body = resp.substring(resp.indexOf("\nRESP BODY: ") + "\nRESP BODY: ".length());
        assertTrue(body.startsWith("<html>\\n<h1>502 Bad Gateway</h1>\\r\\nxxx"), body);
        assertTrue(body.endsWith("... (truncated, " + page.length() + " bytes in total)"), body);
        assertEquals(1, resp.split("\n", -1).length - 1, "only the RESP BODY line break, none from the body");
        assertTrue(body.length() < 1100, "excerpt stays near 1 KiB");
    }

    @Test
    void filter_octetStreamResponse_logsOnlyItsSize() throws IOException {
        HttpResponse response = HttpResponse.of(
                200, null, Headers.of("Content-Type", "application/octet-stream"), new byte[] {0, 1, 2, 3, (byte) 0xff
                });

        filter().filter(HttpRequest.get(SERVERS), answering(response));

        assertTrue(
                logs.messages().get(1).endsWith("\nRESP BODY: <5 bytes, application/octet-stream, omitted>"),
                logs.messages().get(1));
    }

    @Test
    void filter_responseWithoutContentTypeButJsonBody_isMaskedAsJson() throws IOException {
        filter().filter(
                        HttpRequest.get(SERVERS),
                        answering(HttpResponse.of(200, Headers.empty(), " {\"adminPass\": \"x9\"}")));

        assertTrue(
                logs.messages().get(1).endsWith("\nRESP BODY: {\"adminPass\":\"***\"}"),
                logs.messages().get(1));
    }

    @Test
    void filter_largeJsonBody_isCutAfter8KiB() throws IOException {
        StringBuilder json = new StringBuilder("{\"servers\": [");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\": \"")
                    .append(i)
                    .append("\", \"name\": \"server-")
                    .append(i)
                    .append("\"}");
        }
        String body = json.append("]}").toString();
        HttpResponse response = HttpResponse.of(200, Headers.of("Content-Type", "application/json"), body);

        filter().filter(HttpRequest.get(SERVERS), answering(response));

        String resp = logs.messages().get(1);
        String logged = resp.substring(resp.indexOf("RESP BODY: ") + "RESP BODY: ".length());
        String suffix = "... (truncated, " + body.length() + " bytes in total)";
        assertTrue(logged.endsWith(suffix), logged.substring(logged.length() - 80));
        assertEquals(LoggingFilter.MAX_BODY_CHARS, logged.length() - suffix.length());
    }

    @Test
    void filter_invalidJsonResponse_isOmitted() throws IOException {
        String body = "{\"computeFault\": {\"message\": unquoted}}";
        HttpResponse response = HttpResponse.of(500, Headers.of("Content-Type", "application/json"), body);

        filter().filter(HttpRequest.get(SERVERS), answering(response));

        assertTrue(
                logs.messages().get(1).endsWith("\nRESP BODY: <" + body.length() + " bytes, not JSON, omitted>"),
                logs.messages().get(1));
    }

    @Test
    void create_logsToTheSdkHttpLogger() throws IOException {
        LoggingFilter.create().filter(HttpRequest.get(SERVERS), answering(HttpResponse.of(200, Headers.empty(), "")));

        assertEquals(2, logs.events().size());
        assertEquals("dev.novasdk.http", logs.events().get(0).getLoggerName());
    }
}
