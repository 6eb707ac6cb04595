package dev.novasdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.benchmarks.BaselineDocuments.Auth;
import dev.novasdk.benchmarks.BaselineDocuments.AuthRequest;
import dev.novasdk.benchmarks.BaselineDocuments.AuthScope;
import dev.novasdk.benchmarks.BaselineDocuments.CatalogEndpoint;
import dev.novasdk.benchmarks.BaselineDocuments.CatalogEntry;
import dev.novasdk.benchmarks.BaselineDocuments.CreateRequest;
import dev.novasdk.benchmarks.BaselineDocuments.CreatedDocument;
import dev.novasdk.benchmarks.BaselineDocuments.CreatedServer;
import dev.novasdk.benchmarks.BaselineDocuments.Domain;
import dev.novasdk.benchmarks.BaselineDocuments.Identity;
import dev.novasdk.benchmarks.BaselineDocuments.Link;
import dev.novasdk.benchmarks.BaselineDocuments.NewServer;
import dev.novasdk.benchmarks.BaselineDocuments.PasswordMethod;
import dev.novasdk.benchmarks.BaselineDocuments.PasswordUser;
import dev.novasdk.benchmarks.BaselineDocuments.Project;
import dev.novasdk.benchmarks.BaselineDocuments.Server;
import dev.novasdk.benchmarks.BaselineDocuments.ServerDocument;
import dev.novasdk.benchmarks.BaselineDocuments.ServerPage;
import dev.novasdk.benchmarks.BaselineDocuments.TokenDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The baseline: the code a user writes against Keystone and Nova with Apache HttpClient 5 and Jackson and no
 * SDK. One pooled client ({@link HandWrittenHttp}) and one shared {@link ObjectMapper}, built once; plain
 * records keeping the JSON's types ({@link BaselineDocuments}); response bodies streamed into Jackson; the
 * token and compute endpoint taken from one authentication at start, the request headers the SDK sends, and
 * the microversion the SDK negotiates with the loopback cloud ({@value Fixtures#MICROVERSION}) written in.
 * Thread-safe.
 */
final class BaselineClient implements AutoCloseable {
    /** What an authentication returns: the token from {@code X-Subject-Token}, and the token document. */
    record Authenticated(String token, TokenDocument document) {}

    private final CloseableHttpClient client = HandWrittenHttp.newClient();
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final URI authUrl;
    private final String userAgent;
    private final HttpClientResponseHandler<Authenticated> authenticated;
    private final HttpClientResponseHandler<Server> server;
    private final HttpClientResponseHandler<ServerPage> serverPage;
    private final HttpClientResponseHandler<CreatedServer> createdServer;
    private final String token;
    private final String compute;

    private BaselineClient(URI authUrl, String userAgent) throws IOException {
        this.authUrl = Objects.requireNonNull(authUrl, "authUrl");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.authenticated = response -> {
            HandWrittenHttp.expectStatus(response, 201);
            Header subjectToken = response.getFirstHeader("X-Subject-Token");
            if (subjectToken == null) {
                throw new IOException("no X-Subject-Token in the token response");
            }
            return new Authenticated(subjectToken.getValue(), read(response, TokenDocument.class));
        };
        this.server = response -> {
            HandWrittenHttp.expectStatus(response, 200);
            return read(response, ServerDocument.class).server();
        };
        this.serverPage = response -> {
            HandWrittenHttp.expectStatus(response, 200);
            return read(response, ServerPage.class);
        };
        this.createdServer = response -> {
            HandWrittenHttp.expectStatus(response, 202);
            return read(response, CreatedDocument.class).server();
        };
        Authenticated login = authenticate();
        this.token = login.token();
        this.compute = endpoint(login.document(), "compute", "public", Fixtures.REGION);
    }

    /** Authenticates at {@code authUrl} (…{@code /v3}) with the lab's admin password, as the user's code starts. */
    static BaselineClient login(URI authUrl, String userAgent) throws IOException {
        return new BaselineClient(authUrl, userAgent);
    }

    /** {@code POST /v3/auth/tokens}: password authentication scoped to the admin project. */
    Authenticated authenticate() throws IOException {
        Domain domain = new Domain(null, Fixtures.DOMAIN);
        AuthRequest body = new AuthRequest(new Auth(
                new Identity(
                        List.of("password"),
                        new PasswordMethod(new PasswordUser(Fixtures.USERNAME, domain, Fixtures.PASSWORD))),
                new AuthScope(new Project(domain, null, Fixtures.PROJECT))));
        HttpPost post = new HttpPost(authUrl + "/auth/tokens");
        post.addHeader("User-Agent", userAgent);
        post.addHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return client.execute(post, authenticated);
    }

    /** {@code GET /servers/{id}}. */
    Server server(String id) throws IOException {
        return client.execute(get(compute + "/servers/" + id), server);
    }

    /**
     * Every server of {@code GET /servers/detail?limit=..}, following {@code next} links with one page in
     * memory at a time; the number of servers.
     */
    int countServers(int limit) throws IOException {
        String uri = compute + "/servers/detail?limit=" + limit;
        int count = 0;
        while (uri != null) {
            ServerPage page = client.execute(get(uri), serverPage);
            for (Server s : page.servers()) {
                // Reading a field keeps the element live, as a caller's loop body would.
                count += s.id().isEmpty() ? 0 : 1;
            }
            uri = null;
            if (page.links() != null) {
                for (Link link : page.links()) {
                    if ("next".equals(link.rel())) {
                        uri = link.href();
                    }
                }
            }
        }
        return count;
    }

    /** {@code POST /servers} with a name, an image, a flavor and {@code "networks": "none"}. */
    CreatedServer createServer(String name, String imageId, String flavorId) throws IOException {
        CreateRequest body = new CreateRequest(new NewServer(name, imageId, flavorId, "none"));
        HttpPost post = HandWrittenHttp.novaHeaders(
                new HttpPost(compute + "/servers"), token, Fixtures.MICROVERSION, userAgent);
        post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return client.execute(post, createdServer);
    }

    private HttpGet get(String uri) {
        return HandWrittenHttp.novaHeaders(new HttpGet(uri), token, Fixtures.MICROVERSION, userAgent);
    }

    private <T> T read(ClassicHttpResponse response, Class<T> type) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            return mapper.readValue(in, type);
        }
    }

    private static String endpoint(TokenDocument document, String type, String endpointInterface, String region)
            throws IOException {
        for (CatalogEntry service : document.token().catalog()) {
            if (service.type().equals(type)) {
                for (CatalogEndpoint e : service.endpoints()) {
                    if (e.endpointInterface().equals(endpointInterface) && region.equals(e.regionId())) {
                        return e.url();
                    }
                }
            }
        }
        throw new IOException("no " + endpointInterface + " " + type + " endpoint in " + region);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
