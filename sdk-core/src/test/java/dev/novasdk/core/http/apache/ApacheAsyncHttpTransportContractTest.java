package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.AsyncHttpTransportContractTest;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ApacheAsyncHttpTransport} against the async transport contract, plus its own header behaviour. */
class ApacheAsyncHttpTransportContractTest extends AsyncHttpTransportContractTest {
    @Override
    protected AsyncHttpTransport newAsyncTransport(Duration connectTimeout, Duration responseTimeout) {
        return ApacheAsyncHttpTransport.builder()
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithMaxResponseSize(int bytes) {
        // A pool of one: the refused body must not leave the only connection unusable.
        return ApacheAsyncHttpTransport.builder()
                .maxResponseSize(bytes)
                .maxConnectionsTotal(1)
                .maxConnectionsPerRoute(1)
                .poolTimeout(Duration.ofSeconds(1))
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithHeaderLimits(int count, int bytes) {
        return ApacheAsyncHttpTransport.builder()
                .maxResponseHeaderCount(count)
                .maxResponseHeaderSize(bytes)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithIoThreads(int ioThreads, int connections) {
        return ApacheAsyncHttpTransport.builder()
                .ioThreads(ioThreads)
                .maxConnectionsTotal(connections)
                .maxConnectionsPerRoute(connections)
                .build();
    }

    @Override
    protected String threadNamePrefix() {
        return "nova-apache-async";
    }

    @Test
    void execute_requestWithoutUserAgent_sendsNone() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport().execute(HttpRequest.get(uri("/h")));

        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withoutHeader("User-Agent"));
    }

    @Test
    void execute_requestWithUserAgent_sendsItUnchanged() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport()
                .execute(HttpRequest.builder(dev.novasdk.core.http.HttpMethod.GET, uri("/h"))
                        .header("User-Agent", "nova-sdk/1.0")
                        .build());

        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withHeader("User-Agent", equalTo("nova-sdk/1.0")));
    }

    @Test
    void execute_plainHttpToServerOfferingH2c_staysOnHttp11() throws IOException {
        // WireMock accepts h2c; uwsgi-hosted OpenStack APIs do not, so plain http must never try it.
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(200)));

        transport().execute(HttpRequest.get(uri("/h")));

        List<LoggedRequest> seen = SERVER.findAll(getRequestedFor(urlEqualTo("/h")));
        assertEquals("HTTP/1.1", seen.get(0).getProtocol());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/h")).withoutHeader("Upgrade"));
    }

    @Test
    void execute_customReasonPhrase_isKept() throws IOException {
        SERVER.stubFor(get("/h").willReturn(aResponse().withStatus(409).withStatusMessage("Instance Locked")));

        HttpResponse response = transport().execute(HttpRequest.get(uri("/h")));

        assertEquals("Instance Locked", response.reasonPhrase());
    }
}
