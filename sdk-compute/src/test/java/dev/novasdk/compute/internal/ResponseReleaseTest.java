package dev.novasdk.compute.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The executor releases every response it decodes, single calls and listing pages alike, so that the default
 * transport reads the next body into the same buffer; and what it returns never reads a released body.
 */
class ResponseReleaseTest {
    @RegisterExtension
    static final com.github.tomakehurst.wiremock.junit5.WireMockExtension wm = ComputeStubs.wireMock();

    private final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    private final List<HttpResponse> seen = new CopyOnWriteArrayList<>();
    private final ApacheHttpTransport apache = ApacheHttpTransport.create();
    private ComputeClient client;

    @AfterEach
    void close() {
        client.close();
        apache.close();
    }

    private ComputeClient client() {
        ComputeStubs.stubVersionDocument(wm, "2.93");
        HttpTransport recording = request -> {
            HttpResponse r = apache.execute(request);
            if (request.uri().getPath().startsWith("/v2.1/servers")) {
                seen.add(r);
            }
            return r;
        };
        client = ComputeStubs.client(wm, time).transport(recording).build();
        return client;
    }

    @Test
    void getAndListing_releaseEveryDecodedResponse() {
        byte[] server = Samples.bytes("compute/servers/v2.90/server-get-resp.json");
        wm.stubFor(get(urlEqualTo("/v2.1/servers/s1"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Content-Length", Integer.toString(server.length))
                        .withBody(server)));
        String first = "{\"servers\": [" + server("a") + "], \"servers_links\": [{\"rel\": \"next\", " + "\"href\": \""
                + wm.baseUrl() + "/v2.1/servers/detail?limit=1&marker=a\"}]}";
        String second = "{\"servers\": [" + server("b") + "]}";
        wm.stubFor(get(urlPathEqualTo("/v2.1/servers/detail"))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .withQueryParam("marker", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(json(first)));
        wm.stubFor(get(urlPathEqualTo("/v2.1/servers/detail"))
                .withQueryParam("marker", com.github.tomakehurst.wiremock.client.WireMock.equalTo("a"))
                .willReturn(json(second)));
        ComputeClient nova = client();

        String name = nova.servers().get("s1").name().orElseThrow();
        List<String> ids = nova
                .servers()
                .list(ServerListOptions.builder().limit(1).build())
                .stream()
                .map(s -> s.id())
                .collect(Collectors.toList());

        assertEquals("new-server-test", name);
        assertEquals(List.of("a", "b"), ids);
        assertEquals(3, seen.size());
        for (HttpResponse r : seen) {
            assertThrows(IllegalStateException.class, r::bodyAsString, r + " was released");
        }
    }

    private static String server(String id) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"status\": \"ACTIVE\", "
                + "\"tenant_id\": \"6f70656e737461636b20342065766572\", \"addresses\": {}, \"metadata\": {}, "
                + "\"links\": [{\"rel\": \"self\", \"href\": \"http://127.0.0.1:8774/v2.1/servers/" + id + "\"}]}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Content-Length", Integer.toString(body.length()))
                .withBody(body);
    }
}
