package dev.novasdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * A diagnostic baseline: hand-written HttpClient 5 + Jackson code that binds into the SDK's own {@link Server}
 * model (and, for reference, into a tree), with a token and endpoint given up front. Against the SDK it
 * isolates the SDK's pipeline, since both sides pay for the model; {@link BaselineClient} is the baseline a
 * user would write. One pooled client ({@link HandWrittenHttp}) and one mapper per instance, built once; per
 * call only the request, the body bytes and the parsed result. Thread-safe.
 */
final class HandWrittenCompute implements AutoCloseable {
    private final CloseableHttpClient client;
    // A plain mapper for the tree variant, as an application would create one.
    private final ObjectMapper treeMapper = new ObjectMapper();
    // The SDK's configuration, needed to read its model classes (lenient timestamps, Optional fields).
    private final ObjectMapper modelMapper = JsonCodec.defaultMapper();
    private final String endpoint;
    private final String token;
    private final String microversion;
    private final String userAgent;
    private final HttpClientResponseHandler<JsonNode> treeOfServer;
    private final HttpClientResponseHandler<Server> server;
    private final HttpClientResponseHandler<ServerPage> serverPage;

    /** The {@code server} member of {@code GET /servers/{id}}. */
    record ServerEnvelope(Server server) {}

    /** One page of {@code GET /servers/detail}. */
    record ServerPage(List<Server> servers, @JsonProperty("servers_links") List<PageLink> links) {}

    /** A member of {@code servers_links}. */
    record PageLink(String rel, String href) {}

    HandWrittenCompute(URI endpoint, String token, String microversion, String userAgent) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint").toString();
        this.token = Objects.requireNonNull(token, "token");
        this.microversion = Objects.requireNonNull(microversion, "microversion");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.client = HandWrittenHttp.newClient();
        this.treeOfServer = response -> treeMapper.readTree(body(response)).get("server");
        this.server = response ->
                modelMapper.readValue(body(response), ServerEnvelope.class).server();
        this.serverPage = response -> modelMapper.readValue(body(response), ServerPage.class);
    }

    /** {@code GET /servers/{id}} parsed into a tree; the {@code server} member. */
    JsonNode serverTree(String id) throws IOException {
        return client.execute(get(endpoint + "/servers/" + id), treeOfServer);
    }

    /** {@code GET /servers/{id}} parsed into the SDK's own model. */
    Server server(String id) throws IOException {
        return client.execute(get(endpoint + "/servers/" + id), server);
    }

    /**
     * Every server of {@code GET /servers/detail?limit=..}, following {@code next} links with one page in
     * memory at a time; the number of servers.
     */
    int listServers(int limit, Consumer<? super Server> sink) throws IOException {
        String uri = endpoint + "/servers/detail?limit=" + limit;
        int count = 0;
        while (uri != null) {
            ServerPage page = client.execute(get(uri), serverPage);
            for (Server s : page.servers()) {
                sink.accept(s);
                count++;
            }
            uri = null;
            // Nova leaves servers_links out of the last page.
            for (PageLink link : page.links() == null ? List.<PageLink>of() : page.links()) {
                if ("next".equals(link.rel())) {
                    uri = link.href();
                }
            }
        }
        return count;
    }

    private HttpGet get(String uri) {
        return HandWrittenHttp.novaHeaders(new HttpGet(uri), token, microversion, userAgent);
    }

    private static byte[] body(ClassicHttpResponse response) throws IOException {
        HandWrittenHttp.expectStatus(response, 200);
        return EntityUtils.toByteArray(response.getEntity());
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
