package dev.novasdk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.internal.HttpPipeline;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.internal.Secrets;
import dev.novasdk.core.observe.OperationInfo;
import dev.novasdk.identity.KeystoneDocuments.Ref;
import dev.novasdk.identity.KeystoneDocuments.V2Access;
import dev.novasdk.identity.KeystoneDocuments.V2Endpoint;
import dev.novasdk.identity.KeystoneDocuments.V2Service;
import dev.novasdk.identity.KeystoneDocuments.V3Endpoint;
import dev.novasdk.identity.KeystoneDocuments.V3Service;
import dev.novasdk.identity.KeystoneDocuments.V3Token;
import dev.novasdk.identity.KeystoneDocuments.VersionEntry;
import dev.novasdk.identity.KeystoneDocuments.VersionLink;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks Keystone's token API: version discovery and {@code POST /v3/auth/tokens} or {@code POST
 * /v2.0/tokens}. Runs on a pipeline without an auth filter, so authentication never recurses.
 */
final class KeystoneProtocol {
    // Fixed templates: Keystone's paths hold no ids, and the version prefix says which protocol was spoken.
    private static final OperationInfo VERSIONS = new OperationInfo("identity.versions", "identity", "/");
    private static final OperationInfo TOKENS_V3 =
            new OperationInfo("identity.tokens.create", "identity", "/v3/auth/tokens");
    private static final OperationInfo TOKENS_V2 =
            new OperationInfo("identity.tokens.create", "identity", "/v2.0/tokens");

    /** The identity API versions the SDK speaks. */
    enum Version {
        V3("v3"),
        V2("v2.0");

        final String label;

        Version(String label) {
            this.label = label;
        }
    }

    /** A versioned identity base URL, without a trailing slash. */
    record IdentityEndpoint(Version version, URI base) {}

    private final HttpPipeline pipeline;
    private final ObjectMapper mapper;
    private final JsonCodec codec;

    KeystoneProtocol(HttpPipeline pipeline, ObjectMapper mapper) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.codec = JsonCodec.of(mapper);
    }

    /** The version an auth URL names by its path, or null when it names none. */
    static IdentityEndpoint fromPath(URI authUrl) {
        String path = trimSlash(authUrl.getPath() == null ? "" : authUrl.getPath());
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (last.equals("v3") || last.startsWith("v3.")) {
            return new IdentityEndpoint(Version.V3, withPath(authUrl, path));
        }
        if (last.equals("v2.0") || last.equals("v2")) {
            return new IdentityEndpoint(Version.V2, withPath(authUrl, path));
        }
        return null;
    }

    /**
     * Finds the identity endpoint: from the URL's path when it names a version, else by reading the root's
     * version document (Keystone answers {@code 300 Multiple Choices}) and preferring v3.
     */
    IdentityEndpoint discover(URI authUrl) {
        IdentityEndpoint fromPath = fromPath(authUrl);
        if (fromPath != null) {
            return fromPath;
        }
        URI root = withPath(authUrl, trimSlash(authUrl.getPath() == null ? "" : authUrl.getPath()) + "/");
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, root)
                .attribute(OperationInfo.ATTRIBUTE, VERSIONS)
                .build();
        HttpResponse response = pipeline.exchange(request);
        if (response.statusCode() != 300 && !response.isSuccessful()) {
            throw pipeline.errorMapper().toException(request, response);
        }
        List<VersionEntry> versions;
        try {
            versions = readVersions(request, response);
        } finally {
            response.release();
        }
        VersionEntry v3 = null;
        VersionEntry v2 = null;
        List<String> offered = new ArrayList<>();
        for (VersionEntry v : versions) {
            if (v.id() == null) {
                continue;
            }
            offered.add(v.id() + (v.status() == null ? "" : " (" + v.status() + ")"));
            String status = v.status() == null ? "" : v.status().toLowerCase(Locale.ROOT);
            if (status.equals("deprecated") || status.equals("experimental")) {
                continue;
            }
            if (v.id().startsWith("v3") && v3 == null) {
                v3 = v;
            } else if (v.id().startsWith("v2.0") && v2 == null) {
                v2 = v;
            }
        }
        VersionEntry chosen = v3 != null ? v3 : v2;
        if (chosen == null) {
            throw new EndpointNotFoundException(
                    "no identity v3 or v2.0 API at " + root + "; versions offered: " + offered, offered);
        }
        URI base = root.resolve(chosen.id().startsWith("v3") ? "v3" : "v2.0");
        if (chosen.links() != null) {
            for (VersionLink l : chosen.links()) {
                if ("self".equals(l.rel()) && l.href() != null) {
                    URI href = URI.create(l.href());
                    base = withPath(href, trimSlash(href.getPath() == null ? "" : href.getPath()));
                }
            }
        }
        return new IdentityEndpoint(chosen.id().startsWith("v3") ? Version.V3 : Version.V2, base);
    }

    private List<VersionEntry> readVersions(HttpRequest request, HttpResponse response) {
        try {
            JsonNode root = mapper.readTree(response.body());
            JsonNode versions = root == null ? null : root.get("versions");
            if (versions != null && versions.isObject()) {
                versions = versions.get("values");
            }
            List<VersionEntry> out = new ArrayList<>();
            if (versions != null && versions.isArray()) {
                for (JsonNode v : versions) {
                    out.add(mapper.treeToValue(v, VersionEntry.class));
                }
            } else if (root != null
                    && root.get("version") != null
                    && root.get("version").isObject()) {
                out.add(mapper.treeToValue(root.get("version"), VersionEntry.class));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ResponseParseException(
                    request.method(),
                    request.uri(),
                    response.statusCode(),
                    response.requestId().orElse(null),
                    "not a version document",
                    e);
        }
    }

    /** Authenticates and returns the token with its catalog. */
    Token authenticate(IdentityEndpoint endpoint, KeystoneAuth auth) {
        return endpoint.version() == Version.V3
                ? authenticateV3(endpoint.base(), auth)
                : authenticateV2(endpoint.base(), auth);
    }

    private Token authenticateV3(URI base, KeystoneAuth auth) {
        auth.checkForV3();
        HttpRequest request = HttpRequest.builder(HttpMethod.POST, URI.create(base + "/auth/tokens"))
                .body(RequestBody.wrap(codec.write(v3Body(auth)), RequestBody.JSON))
                // The token id is in X-Subject-Token; the body (the catalog) holds no secret to learn.
                .attribute(Secrets.RESPONSE_BODY_HOLDS_NO_SECRETS, true)
                .attribute(OperationInfo.ATTRIBUTE, TOKENS_V3)
                .build();
        HttpResponse response = pipeline.send(request);
        String tokenId = response.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new ResponseParseException(
                        request.method(),
                        request.uri(),
                        response.statusCode(),
                        response.requestId().orElse(null),
                        "no X-Subject-Token header in the token response",
                        null));
        V3Token t;
        try {
            t = codec.decode(request, response, "token", V3Token.class);
        } finally {
            response.release();
        }
        Token.Builder b = Token.builder()
                .id(tokenId)
                .identityVersion(Version.V3.label)
                .expiresAt(java.util.Optional.ofNullable(t.expiresAt()))
                .issuedAt(java.util.Optional.ofNullable(t.issuedAt()))
                .systemScoped(t.system() != null)
                .catalog(v3Catalog(t.catalog()));
        if (t.methods() != null) {
            b.methods(t.methods());
        }
        if (t.user() != null) {
            b.user(ref(t.user()));
        }
        if (t.project() != null) {
            b.project(ref(t.project()));
        }
        if (t.domain() != null) {
            b.domain(ref(t.domain()));
        }
        if (t.roles() != null) {
            t.roles().forEach(r -> b.addRoles(ref(r)));
        }
        return b.build();
    }

    private Token authenticateV2(URI base, KeystoneAuth auth) {
        auth.checkForV2();
        HttpRequest request = HttpRequest.builder(HttpMethod.POST, URI.create(base + "/tokens"))
                .body(RequestBody.wrap(codec.write(v2Body(auth)), RequestBody.JSON))
                .attribute(OperationInfo.ATTRIBUTE, TOKENS_V2)
                .build();
        HttpResponse response = pipeline.send(request);
        V2Access a;
        try {
            a = codec.decode(request, response, "access", V2Access.class);
        } finally {
            response.release();
        }
        if (a.token() == null || a.token().id() == null) {
            throw new ResponseParseException(
                    request.method(),
                    request.uri(),
                    response.statusCode(),
                    response.requestId().orElse(null),
                    "no access.token.id in the token response",
                    null);
        }
        Token.Builder b = Token.builder()
                .id(a.token().id())
                .identityVersion(Version.V2.label)
                .expiresAt(java.util.Optional.ofNullable(a.token().expires()))
                .issuedAt(java.util.Optional.ofNullable(a.token().issuedAt()))
                .addMethods(auth.method() == KeystoneAuth.Method.TOKEN ? "token" : "password")
                .catalog(v2Catalog(a.serviceCatalog()));
        if (a.token().tenant() != null) {
            b.project(ref(a.token().tenant()));
        }
        if (a.user() != null) {
            b.user(NamedRef.builder()
                    .id(java.util.Optional.ofNullable(a.user().id()))
                    .name(java.util.Optional.ofNullable(a.user().name()))
                    .build());
            if (a.user().roles() != null) {
                a.user().roles().forEach(r -> b.addRoles(ref(r)));
            }
        }
        return b.build();
    }

    static Map<String, Object> v3Body(KeystoneAuth auth) {
        Map<String, Object> identity = new LinkedHashMap<>();
        switch (auth.method()) {
            case PASSWORD: {
                Map<String, Object> user = user(auth);
                user.put("password", auth.secret());
                identity.put("methods", List.of("password"));
                identity.put("password", Map.of("user", user));
                break;
            }
            case TOKEN:
                identity.put("methods", List.of("token"));
                identity.put("token", Map.of("id", auth.secret()));
                break;
            default: {
                Map<String, Object> cred = new LinkedHashMap<>();
                auth.applicationCredentialId().ifPresent(id -> cred.put("id", id));
                auth.applicationCredentialName().ifPresent(n -> cred.put("name", n));
                if (auth.applicationCredentialName().isPresent()) {
                    cred.put("user", user(auth));
                }
                cred.put("secret", auth.secret());
                identity.put("methods", List.of("application_credential"));
                identity.put("application_credential", cred);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identity", identity);
        Scope scope = auth.scope();
        switch (scope.kind()) {
            case PROJECT: {
                Map<String, Object> project = new LinkedHashMap<>();
                scope.id().ifPresent(id -> project.put("id", id));
                scope.name().ifPresent(n -> project.put("name", n));
                scope.projectDomain().ifPresent(d -> project.put("domain", domain(d)));
                body.put("scope", Map.of("project", project));
                break;
            }
            case DOMAIN: {
                Map<String, Object> domain = new LinkedHashMap<>();
                scope.id().ifPresent(id -> domain.put("id", id));
                scope.name().ifPresent(n -> domain.put("name", n));
                body.put("scope", Map.of("domain", domain));
                break;
            }
            case SYSTEM:
                body.put("scope", Map.of("system", Map.of("all", true)));
                break;
            case UNSCOPED:
                body.put("scope", "unscoped");
                break;
            default:
                // Omitted, as keystoneauth does: Keystone then applies the user's default project, if any.
        }
        return Map.of("auth", body);
    }

    static Map<String, Object> v2Body(KeystoneAuth auth) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (auth.method() == KeystoneAuth.Method.TOKEN) {
            body.put("token", Map.of("id", auth.secret()));
        } else {
            Map<String, Object> creds = new LinkedHashMap<>();
            creds.put("username", auth.username().orElseThrow());
            creds.put("password", auth.secret());
            body.put("passwordCredentials", creds);
        }
        Scope scope = auth.scope();
        if (scope.kind() == Scope.Kind.PROJECT) {
            scope.id().ifPresent(id -> body.put("tenantId", id));
            scope.name().ifPresent(n -> body.put("tenantName", n));
        }
        return Map.of("auth", body);
    }

    private static Map<String, Object> user(KeystoneAuth auth) {
        Map<String, Object> user = new LinkedHashMap<>();
        auth.userId().ifPresent(id -> user.put("id", id));
        auth.username().ifPresent(n -> user.put("name", n));
        auth.userDomain().ifPresent(d -> user.put("domain", domain(d)));
        return user;
    }

    private static Map<String, Object> domain(DomainRef d) {
        return d.domainId().isPresent()
                ? Map.of("id", d.domainId().get())
                : Map.of("name", d.domainName().orElseThrow());
    }

    private static NamedRef ref(Ref r) {
        NamedRef.Builder b = NamedRef.builder()
                .id(java.util.Optional.ofNullable(r.id()))
                .name(java.util.Optional.ofNullable(r.name()));
        if (r.domain() != null) {
            b.domain(ref(r.domain()));
        }
        return b.build();
    }

    private static ServiceCatalog v3Catalog(List<V3Service> services) {
        if (services == null || services.isEmpty()) {
            return ServiceCatalog.empty();
        }
        List<CatalogService> out = new ArrayList<>(services.size());
        for (V3Service s : services) {
            if (s.type() == null) {
                continue;
            }
            CatalogService.Builder b = CatalogService.builder()
                    .type(s.type())
                    .name(java.util.Optional.ofNullable(s.name()))
                    .id(java.util.Optional.ofNullable(s.id()));
            if (s.endpoints() != null) {
                for (V3Endpoint e : s.endpoints()) {
                    URI url = parseUrl(e.url());
                    if (url == null || e.iface() == null) {
                        continue;
                    }
                    b.addEndpoints(CatalogEndpoint.builder()
                            .id(java.util.Optional.ofNullable(e.id()))
                            .interfaceName(e.iface().toLowerCase(Locale.ROOT))
                            .region(java.util.Optional.ofNullable(e.regionId() != null ? e.regionId() : e.region()))
                            .url(url)
                            .build());
                }
            }
            out.add(b.build());
        }
        return ServiceCatalog.of(out);
    }

    private static ServiceCatalog v2Catalog(List<V2Service> services) {
        if (services == null || services.isEmpty()) {
            return ServiceCatalog.empty();
        }
        List<CatalogService> out = new ArrayList<>(services.size());
        for (V2Service s : services) {
            if (s.type() == null) {
                continue;
            }
            CatalogService.Builder b =
                    CatalogService.builder().type(s.type()).name(java.util.Optional.ofNullable(s.name()));
            if (s.endpoints() != null) {
                for (V2Endpoint e : s.endpoints()) {
                    addV2(b, e, "public", e.publicURL());
                    addV2(b, e, "internal", e.internalURL());
                    addV2(b, e, "admin", e.adminURL());
                }
            }
            out.add(b.build());
        }
        return ServiceCatalog.of(out);
    }

    private static void addV2(CatalogService.Builder b, V2Endpoint e, String iface, String url) {
        URI u = parseUrl(url);
        if (u != null) {
            b.addEndpoints(CatalogEndpoint.builder()
                    .id(java.util.Optional.ofNullable(e.id()))
                    .interfaceName(iface)
                    .region(java.util.Optional.ofNullable(e.region()))
                    .url(u)
                    .build());
        }
    }

    // Every re-authentication returns the same catalog, and parsing its dozen URLs was a sixth of the CPU of an
    // authentication: URIs are immutable, so each distinct URL is parsed once. Bounded, by starting over.
    private static final int PARSED_URLS_KEPT = 512;
    private static final Map<String, URI> PARSED_URLS = new ConcurrentHashMap<>();

    private static URI parseUrl(String url) {
        if (url == null) {
            return null;
        }
        URI known = PARSED_URLS.get(url);
        if (known != null) {
            return known;
        }
        if (url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.trim());
            if (!u.isAbsolute()) {
                return null;
            }
            if (PARSED_URLS.size() >= PARSED_URLS_KEPT) {
                PARSED_URLS.clear();
            }
            PARSED_URLS.put(url, u);
            return u;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static String trimSlash(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static URI withPath(URI uri, String path) {
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority(), null, null, null)
                    .resolve(path.isEmpty() ? "/" : path)
                    .normalize();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("authUrl '" + uri + "' is not a valid URL", e);
        }
    }
}
