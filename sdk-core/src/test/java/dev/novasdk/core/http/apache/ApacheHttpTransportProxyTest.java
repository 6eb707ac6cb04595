package dev.novasdk.core.http.apache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ApacheHttpTransport} through an HTTP proxy, played by WireMock: requests for a host that does not
 * exist can only succeed if they went to the proxy.
 */
class ApacheHttpTransportProxyTest {
    @RegisterExtension
    static final WireMockExtension PROXY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().enableBrowserProxying(true))
            .build();

    private static final URI NOVA = URI.create("http://nova.example.invalid:8774/v2.1/servers");

    @Test
    void execute_withProxy_sendsRequestsThroughIt() throws IOException {
        PROXY.stubFor(
                get("/v2.1/servers").willReturn(aResponse().withStatus(200).withBody("via proxy")));
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .proxy("127.0.0.1", PROXY.getPort())
                .build()) {
            HttpResponse response = transport.execute(HttpRequest.get(NOVA));

            assertEquals("via proxy", response.bodyAsString());
        }
        PROXY.verify(
                1,
                getRequestedFor(urlEqualTo("/v2.1/servers"))
                        .withHeader("Host", equalTo("nova.example.invalid:8774"))
                        .withHeader("Proxy-Authorization", absent()));
    }

    @Test
    void execute_proxyDemandsCredentials_answersWithBasicCredentials() throws IOException {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("squid:s3cr3t".getBytes(StandardCharsets.UTF_8));
        PROXY.stubFor(get("/v2.1/servers")
                .atPriority(1)
                .withHeader("Proxy-Authorization", equalTo(expected))
                .willReturn(aResponse().withStatus(200).withBody("authenticated")));
        PROXY.stubFor(get("/v2.1/servers")
                .atPriority(5)
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        try (HttpTransport transport = ApacheHttpTransport.builder()
                .proxy("127.0.0.1", PROXY.getPort())
                .proxyCredentials("squid", "s3cr3t")
                .build()) {
            HttpResponse response = transport.execute(HttpRequest.get(NOVA));

            assertEquals(200, response.statusCode());
            assertEquals("authenticated", response.bodyAsString());
        }
    }
}
