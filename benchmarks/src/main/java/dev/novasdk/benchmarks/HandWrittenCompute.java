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
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The baseline: what an application would write against Nova with Apache HttpClient 5 and Jackson and no SDK.
 * One pooled client and one mapper per instance, built once; per call only the request, the body bytes and
 * the parsed result. HttpClient is configured like the SDK's {@code ApacheHttpTransport} (no automatic retries,
 * redirects, cookies, decompression or protocol upgrade, TCP_NODELAY), so that a difference in cost is the
 * SDK's own code and not an HttpClient option. Thread-safe.
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
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(16)
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setTcpNoDelay(true)
                                .setSoTimeout(Timeout.ofSeconds(60))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(60))
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .disableConnectionState()
                .build();
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
            for (PageLink link : page.links()) {
                if ("next".equals(link.rel())) {
                    uri = link.href();
                }
            }
        }
        return count;
    }

    private HttpGet get(String uri) {
        HttpGet get = new HttpGet(uri);
        // The SDK's header set, so both clients put the same bytes on the wire.
        get.addHeader("User-Agent", userAgent);
        get.addHeader("Accept", "application/json");
        get.addHeader("OpenStack-API-Version", "compute " + microversion);
        get.addHeader("X-OpenStack-Nova-API-Version", microversion);
        get.addHeader("X-Auth-Token", token);
        return get;
    }

    private static byte[] body(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        if (status != 200) {
            throw new IOException("unexpected status " + status);
        }
        return body;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
