package dev.novasdk.testkit;

import dev.novasdk.core.http.Microversion;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Image;
import dev.novasdk.testkit.CloudState.Keypair;
import dev.novasdk.testkit.CloudState.ScopeKind;
import dev.novasdk.testkit.CloudState.Token;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nova's compute API v2.1: version documents, microversion negotiation exactly as {@code nova-api} does it,
 * keystonemiddleware's token check, flavors, the image proxy and keypairs. Servers live in
 * {@link ServersApi}; server groups, limits, quotas and availability zones in {@link ComputeResourcesApi}.
 */
final class ComputeService {
    static final Microversion MIN_SUPPORTED = Microversion.of(2, 1);
    static final Microversion MAX_SUPPORTED = Microversion.of(2, 93);
    private static final Pattern VERSION = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");
    private static final Set<String> COLLECTIONS = Set.of("servers", "flavors", "images", "os-keypairs");

    final FakeCloud cloud;
    final CloudState state;
    private final ServersApi servers;
    final ServerSubResources subResources;
    final ComputeResourcesApi resources;

    ComputeService(FakeCloud cloud) {
        this.cloud = cloud;
        this.state = cloud.state;
        this.resources = new ComputeResourcesApi(state);
        this.servers = new ServersApi(this);
        this.subResources = new ServerSubResources(state);
    }

    /** Nova's {@code wsgi.Fault}: thrown by handlers, rendered as {@code {"<faultName>": {code, message}}}. */
    static final class NovaFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        NovaFault(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        static NovaFault badRequest(String message) {
            return new NovaFault(400, message);
        }

        static NovaFault notFound(String message) {
            return new NovaFault(404, message);
        }
    }

    /** Thrown for a URL or method Nova's router does not know: WebOb's bare 404, no version headers. */
    static final class Unrouted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrouted() {
            super(null, null, false, false);
        }
    }

    /** What a handler knows about the request it serves. */
    static final class Ctx {
        final Req req;
        final Token token;
        final Microversion version;
        final String requestId;
        final boolean admin;
        final String projectPrefix;

        Ctx(Req req, Token token, Microversion version, String requestId, String projectPrefix) {
            this.req = req;
            this.token = token;
            this.version = version;
            this.requestId = requestId;
            this.admin = token.isAdmin();
            this.projectPrefix = projectPrefix;
        }

        /** An absolute link under the versioned endpoint, as Nova builds it from the request's host. */
        String link(String rel) {
            return req.origin + FakeCloud.COMPUTE_PATH + "/v2.1" + projectPrefix + "/" + rel;
        }

        /** A bookmark link: Nova's links without the version segment. */
        String bookmark(String rel) {
            return req.origin + FakeCloud.COMPUTE_PATH + projectPrefix + "/" + rel;
        }

        boolean at(int minor) {
            return NovaSchemas.at(version, minor);
        }

        String projectId() {
            return token.project.id;
        }

        String userId() {
            return token.user.id;
        }
    }

    static String faultName(int status) {
        switch (status) {
            case 400:
                return "badRequest";
            case 401:
                return "unauthorized";
            case 403:
                return "forbidden";
            case 404:
                return "itemNotFound";
            case 405:
                return "badMethod";
            case 409:
                return "conflictingRequest";
            case 413:
                return "overLimit";
            case 415:
                return "badMediaType";
            case 429:
                return "overLimit";
            case 501:
                return "notImplemented";
            case 503:
                return "serviceUnavailable";
            default:
                return "computeFault";
        }
    }

    static Resp fault(int status, String message, String retryAfter) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status);
        inner.put("message", message);
        if (retryAfter != null && (status == 413 || status == 429)) {
            inner.put("retryAfter", retryAfter);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(faultName(status), inner);
        Resp r = new Resp(status).header("Content-Type", Resp.JSON_UTF8).body(PyJson.dumps(doc));
        if (retryAfter != null) {
            r.header("Retry-After", retryAfter);
        }
        return r;
    }

    static Resp versionHeaders(Resp r, Microversion v) {
        String text = v.major() + "." + v.minor();
        return r.header("OpenStack-API-Version", "compute " + text)
                .header("X-OpenStack-Nova-API-Version", text)
                .header("Vary", "OpenStack-API-Version")
                .header("Vary", "X-OpenStack-Nova-API-Version");
    }

    /** keystonemiddleware's 401: Keystone's body shape, not a Nova fault. */
    Resp unauthorized() {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", 401);
        err.put("title", "Unauthorized");
        err.put("message", IdentityService.AUTH_REQUIRED);
        return new Resp(401)
                .header("Content-Type", Resp.JSON)
                .body(PyJson.dumps(Map.of("error", err)))
                .header("WWW-Authenticate", "Keystone uri=\"" + cloud.identityRoot() + "\"");
    }

    Resp handle(Req req, String path, String requestId) {
        if (path.isEmpty() || path.equals("/")) {
            // The root versions app sits outside the request-id middleware: no request id here.
            return Resp.json(200, rootVersions(req));
        }
        Resp r = handleV21(req, path, requestId);
        return r.header("x-openstack-request-id", requestId).header("x-compute-request-id", requestId);
    }

    private Map<String, Object> rootVersions(Req req) {
        Map<String, Object> v20 = new LinkedHashMap<>();
        v20.put("id", "v2.0");
        v20.put("status", "SUPPORTED");
        v20.put("version", "");
        v20.put("min_version", "");
        v20.put("updated", "2011-01-21T11:33:21Z");
        v20.put("links", List.of(ServerViews.link("self", req.origin + FakeCloud.COMPUTE_PATH + "/v2/")));
        Map<String, Object> v21 = new LinkedHashMap<>();
        v21.put("id", "v2.1");
        v21.put("status", "CURRENT");
        v21.put("version", versionText(cloud.maxMicroversion));
        v21.put("min_version", versionText(cloud.minMicroversion));
        v21.put("updated", "2013-07-23T11:33:21Z");
        v21.put("links", List.of(ServerViews.link("self", req.origin + FakeCloud.COMPUTE_PATH + "/v2.1/")));
        return Map.of("versions", List.of(v20, v21));
    }

    static String versionText(Microversion v) {
        return v.major() + "." + v.minor();
    }

    private Map<String, Object> versionDoc(Req req) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.1");
        v.put("status", "CURRENT");
        v.put("version", versionText(cloud.maxMicroversion));
        v.put("min_version", versionText(cloud.minMicroversion));
        v.put("updated", "2013-07-23T11:33:21Z");
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("rel", "describedby");
        described.put("type", "text/html");
        described.put("href", "http://docs.openstack.org/");
        v.put("links", List.of(ServerViews.link("self", req.origin + FakeCloud.COMPUTE_PATH + "/v2.1/"), described));
        v.put(
                "media-types",
                List.of(PyJson.obj(
                        "base", "application/json", "type", "application/vnd.openstack.compute+json;version=2.1")));
        return Map.of("version", v);
    }

    /**
     * The request's microversion as {@code microversion_parse} reads it: the standard header's
     * {@code compute} entry (the last one wins, an entry without a service name is ignored), else the legacy
     * header, else 2.1.
     *
     * @throws NovaFault 400 for a malformed version (no version headers), 406 outside the range (echoed)
     */
    private Microversion requestedVersion(Req req, Resp[] rejected) {
        String value = null;
        for (String item : req.headerValues("OpenStack-API-Version")) {
            String[] parts = item.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equalsIgnoreCase("compute")) {
                value = parts[1];
            }
        }
        if (value == null) {
            String legacy = req.header("X-OpenStack-Nova-API-Version");
            if (legacy != null) {
                value = legacy.trim();
            }
        }
        if (value == null) {
            return MIN_SUPPORTED;
        }
        if (value.equalsIgnoreCase("latest")) {
            return cloud.maxMicroversion;
        }
        Matcher m = VERSION.matcher(value);
        if (!m.matches()) {
            rejected[0] = fault(
                    400,
                    "API Version String " + value + " is of invalid format. Must be of format" + " MajorNum.MinorNum.",
                    null);
            return null;
        }
        Microversion v;
        try {
            v = Microversion.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            rejected[0] = fault(
                    400,
                    "API Version String " + value + " is of invalid format. Must be of format" + " MajorNum.MinorNum.",
                    null);
            return null;
        }
        if (v.compareTo(cloud.minMicroversion) < 0 || v.compareTo(cloud.maxMicroversion) > 0) {
            rejected[0] = versionHeaders(
                    fault(
                            406,
                            "Version " + versionText(v) + " is not supported by the API. Minimum is "
                                    + versionText(cloud.minMicroversion) + " and maximum is "
                                    + versionText(cloud.maxMicroversion) + ".",
                            null),
                    v);
            return null;
        }
        return v;
    }

    private Resp handleV21(Req req, String path, String requestId) {
        if (!(path.equals("/v2.1") || path.startsWith("/v2.1/"))) {
            return WebOb.error(req, 404, WebOb.NOT_FOUND);
        }
        String rest = path.substring("/v2.1".length());
        if (rest.isEmpty() || rest.equals("/")) {
            Resp[] rejected = new Resp[1];
            Microversion v = requestedVersion(req, rejected);
            if (v == null) {
                return rejected[0];
            }
            if (!req.method.equals("GET")) {
                return WebOb.error(req, 404, WebOb.NOT_FOUND);
            }
            return versionHeaders(Resp.json(200, versionDoc(req)), v);
        }
        Token token = cloud.identity.authenticated(req);
        if (token == null || token.scope != ScopeKind.PROJECT) {
            return unauthorized();
        }
        Resp[] rejected = new Resp[1];
        Microversion v = requestedVersion(req, rejected);
        if (v == null) {
            return rejected[0];
        }
        List<String> segments = new ArrayList<>(List.of(rest.substring(1).split("/", -1)));
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        String projectPrefix = "";
        if (segments.size() >= 2 && !collection(segments.get(0)) && collection(segments.get(1))) {
            String urlProject = segments.remove(0);
            if (!urlProject.equals(token.project.id)) {
                return versionHeaders(
                        fault(
                                400,
                                "Malformed request URL: URL's project_id '" + urlProject
                                        + "' doesn't match Context's project_id '" + token.project.id + "'",
                                null),
                        v);
            }
            projectPrefix = "/" + urlProject;
        }
        Ctx ctx = new Ctx(req, token, v, requestId, projectPrefix);
        try {
            return versionHeaders(route(ctx, segments), v);
        } catch (NovaFault f) {
            return versionHeaders(fault(f.status, f.getMessage(), null), v);
        } catch (Unrouted u) {
            return WebOb.error(req, 404, WebOb.NOT_FOUND);
        }
    }

    private static boolean collection(String segment) {
        return COLLECTIONS.contains(segment) || ComputeResourcesApi.COLLECTIONS.contains(segment);
    }

    private Resp route(Ctx ctx, List<String> s) {
        String m = ctx.req.method;
        if (s.isEmpty()) {
            throw new Unrouted();
        }
        synchronized (state) {
            // The conductor works while clients talk to Nova: each request is one step of its progress.
            state.computeRequests++;
        }
        switch (s.get(0)) {
            case "servers":
                return ServerSubResources.handles(s) ? subResources.route(ctx, s) : servers.route(ctx, s);
            case "flavors":
                return flavors(ctx, s, m);
            case "images":
                return images(ctx, s, m);
            case "os-keypairs":
                return keypairs(ctx, s, m);
            default:
                if (ComputeResourcesApi.COLLECTIONS.contains(s.get(0))) {
                    return resources.route(ctx, s);
                }
                throw new Unrouted();
        }
    }

    /** The body as parsed JSON; an empty body is Python's None, an unparsable one "Malformed request body". */
    static Object body(Req req) {
        if (req.body.length == 0) {
            return null;
        }
        try {
            return PyJson.parse(req.body);
        } catch (IOException e) {
            throw NovaFault.badRequest("Malformed request body");
        }
    }

    static void validate(Schema schema, Object body) {
        Schema.Failure f = schema.validate(body);
        if (f != null) {
            throw NovaFault.badRequest(f.novaMessage());
        }
    }

    static void requireAdmin(Ctx ctx, String rule) {
        if (!ctx.admin) {
            throw new NovaFault(403, "Policy doesn't allow " + rule + " to be performed.");
        }
    }

    /** The last path segment of an id or href, as Nova's {@code common.get_id_from_href}. */
    static String idFromHref(String href) {
        String s = href;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** Nova's collection links: a "next" link when the page is full, with sorted params and the marker last. */
    static List<Object> nextLinks(Ctx ctx, String collectionPath, int pageSize, String lastId, int maxLimit) {
        String limitParam = ctx.req.param("limit");
        int maxItems = maxLimit;
        if (limitParam != null) {
            try {
                maxItems = Math.min(Integer.parseInt(limitParam), maxLimit);
            } catch (NumberFormatException e) {
                maxItems = maxLimit;
            }
        }
        if (maxItems == 0 || pageSize != maxItems || lastId == null) {
            return null;
        }
        // Python: OrderedDict(sorted(request.params.items())); params["marker"] = id; urlencode(params)
        List<String[]> sorted = new ArrayList<>(ctx.req.query);
        sorted.sort(Comparator.<String[], String>comparing(kv -> kv[0]).thenComparing(kv -> kv[1]));
        Map<String, String> params = new LinkedHashMap<>();
        for (String[] kv : sorted) {
            params.put(kv[0], kv[1]);
        }
        params.put("marker", lastId);
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return List.of(ServerViews.link("next", ctx.link(collectionPath) + "?" + q));
    }

    static int parseLimit(Ctx ctx, int maxLimit) {
        String limit = ctx.req.param("limit");
        if (limit == null) {
            return maxLimit;
        }
        if (!limit.matches("^[0-9]*$") || limit.isEmpty()) {
            throw NovaFault.badRequest("Invalid input for query parameters limit. Value: " + limit + ". "
                    + PyJson.repr(limit) + " does not match '^[0-9]*$'");
        }
        try {
            return Math.min(Integer.parseInt(limit), maxLimit);
        } catch (NumberFormatException e) {
            return maxLimit;
        }
    }

    // ------------------------------------------------------------------ flavors

    private Resp flavors(Ctx ctx, List<String> s, String m) {
        if (s.size() == 1 && m.equals("GET")) {
            return flavorList(ctx, false);
        }
        if (s.size() == 1 && m.equals("POST")) {
            return flavorCreate(ctx);
        }
        if (s.size() == 2 && s.get(1).equals("detail") && m.equals("GET")) {
            return flavorList(ctx, true);
        }
        if (s.size() == 2 && m.equals("GET")) {
            synchronized (state) {
                return Resp.json(200, Map.of("flavor", flavorDoc(ctx, flavor(s.get(1)), true)));
            }
        }
        if (s.size() == 2 && m.equals("DELETE")) {
            requireAdmin(ctx, "os_compute_api:os-flavor-manage:delete");
            synchronized (state) {
                flavor(s.get(1));
                state.flavors.remove(s.get(1));
            }
            return Resp.empty(202).header("Content-Type", Resp.JSON);
        }
        if (s.size() == 3 && s.get(2).equals("os-extra_specs") && m.equals("GET")) {
            synchronized (state) {
                return Resp.json(200, Map.of("extra_specs", new LinkedHashMap<>(flavor(s.get(1)).extraSpecs)));
            }
        }
        if (s.size() == 4 && s.get(2).equals("os-extra_specs") && m.equals("GET")) {
            synchronized (state) {
                Flavor f = flavor(s.get(1));
                String value = f.extraSpecs.get(s.get(3));
                if (value == null) {
                    throw NovaFault.notFound("Flavor " + f.id + " has no extra specs with key " + s.get(3) + ".");
                }
                return Resp.json(200, Map.of(s.get(3), value));
            }
        }
        throw new Unrouted();
    }

    private Flavor flavor(String id) {
        Flavor f = state.flavors.get(id);
        if (f == null) {
            throw NovaFault.notFound("Flavor " + id + " could not be found.");
        }
        return f;
    }

    private Resp flavorList(Ctx ctx, boolean detail) {
        int limit = parseLimit(ctx, 1000);
        String marker = ctx.req.param("marker");
        synchronized (state) {
            List<Flavor> all = new ArrayList<>(state.flavors.values());
            all.sort(Comparator.comparing(f -> f.id));
            int start = 0;
            if (marker != null) {
                start = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).id.equals(marker)) {
                        start = i + 1;
                    }
                }
                if (start < 0) {
                    throw NovaFault.badRequest("marker [" + marker + "] not found");
                }
            }
            String minRam = ctx.req.param("minRam");
            String minDisk = ctx.req.param("minDisk");
            List<Object> out = new ArrayList<>();
            String last = null;
            for (int i = start; i < all.size() && out.size() < limit; i++) {
                Flavor f = all.get(i);
                if (minRam != null && minRam.matches("[0-9]+") && f.ramMb < Integer.parseInt(minRam)) {
                    continue;
                }
                if (minDisk != null && minDisk.matches("[0-9]+") && f.diskGb < Integer.parseInt(minDisk)) {
                    continue;
                }
                out.add(flavorDoc(ctx, f, detail));
                last = f.id;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("flavors", out);
            List<Object> links = nextLinks(ctx, detail ? "flavors/detail" : "flavors", out.size(), last, 1000);
            if (links != null) {
                doc.put("flavors_links", links);
            }
            return Resp.json(200, doc);
        }
    }

    Map<String, Object> flavorDoc(Ctx ctx, Flavor f, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id);
        m.put("name", f.name);
        if (detail) {
            m.put("ram", f.ramMb);
            m.put("disk", f.diskGb);
            // Nova writes a swap of 0 as "" before 2.75.
            m.put("swap", f.swapMb == 0 && !ctx.at(75) ? "" : (Object) f.swapMb);
            m.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb);
            m.put("OS-FLV-DISABLED:disabled", false);
            m.put("vcpus", f.vcpus);
            m.put("os-flavor-access:is_public", f.isPublic);
            m.put("rxtx_factor", f.rxtxFactor);
        }
        m.put("links", ServerViews.links(ctx.link("flavors/" + f.id), ctx.bookmark("flavors/" + f.id)));
        if (ctx.at(55)) {
            m.put("description", f.description);
        }
        if (detail && ctx.at(61)) {
            m.put("extra_specs", new LinkedHashMap<>(f.extraSpecs));
        }
        return m;
    }

    private Resp flavorCreate(Ctx ctx) {
        requireAdmin(ctx, "os_compute_api:os-flavor-manage:create");
        Object body = body(ctx.req);
        validate(NovaSchemas.flavorCreate(ctx.version), body);
        Map<?, ?> f = (Map<?, ?>) ((Map<?, ?>) body).get("flavor");
        String name = (String) f.get("name");
        Object idValue = f.get("id");
        String id = idValue == null ? CloudState.uuid() : PyJson.str(idValue);
        synchronized (state) {
            for (Flavor existing : state.flavors.values()) {
                if (existing.name.equals(name)) {
                    throw new NovaFault(409, "Flavor with name " + name + " already exists.");
                }
            }
            if (state.flavors.containsKey(id)) {
                throw new NovaFault(409, "Flavor with ID " + id + " already exists.");
            }
            Object isPublic = f.get("os-flavor-access:is_public");
            Object rxtx = f.get("rxtx_factor");
            Flavor flavor = new Flavor(
                    id,
                    name,
                    intOf(f.get("ram"), 0),
                    intOf(f.get("vcpus"), 0),
                    intOf(f.get("disk"), 0),
                    intOf(f.get("swap"), 0),
                    intOf(f.get("OS-FLV-EXT-DATA:ephemeral"), 0),
                    isPublic == null || truthy(isPublic),
                    (String) f.get("description"),
                    new LinkedHashMap<>(),
                    rxtx == null ? 1.0 : Double.parseDouble(PyJson.str(rxtx)));
            state.flavors.put(id, flavor);
            return Resp.json(200, Map.of("flavor", flavorDoc(ctx, flavor, true)));
        }
    }

    static int intOf(Object o, int dflt) {
        if (o == null) {
            return dflt;
        }
        if (o instanceof Number) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) o).longValue()));
        }
        String s = o.toString().trim();
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(s)));
        } catch (NumberFormatException e) {
            // schemas only let digits through; anything longer than a long is "a lot"
            return Integer.MAX_VALUE;
        }
    }

    /** oslo's {@code strutils.bool_from_string}. */
    static boolean truthy(Object o) {
        if (o instanceof Boolean) {
            return (Boolean) o;
        }
        if (o == null) {
            return false;
        }
        String s = o.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("1") || s.equals("t") || s.equals("true") || s.equals("on") || s.equals("y") || s.equals("yes");
    }

    // ------------------------------------------------------------------ images (proxy to Glance, gone at 2.36)

    private Resp images(Ctx ctx, List<String> s, String m) {
        if (ctx.at(36)) {
            // Nova answers a method removed at this microversion with an opaque 404 Fault.
            if (m.equals("GET") || m.equals("DELETE")) {
                throw NovaFault.notFound("The resource could not be found.");
            }
            throw new Unrouted();
        }
        if (!m.equals("GET")) {
            throw new Unrouted();
        }
        synchronized (state) {
            if (s.size() == 1 || (s.size() == 2 && s.get(1).equals("detail"))) {
                boolean detail = s.size() == 2;
                List<Object> out = new ArrayList<>();
                for (Image i : ImageService.visibleSorted(state, ctx.projectId())) {
                    out.add(novaImage(ctx, i, detail));
                }
                return Resp.json(200, Map.of("images", out));
            }
            if (s.size() == 2) {
                Image i = state.images.get(s.get(1));
                if (i == null || !ImageService.visible(i, ctx.projectId())) {
                    throw NovaFault.notFound("Image not found.");
                }
                return Resp.json(200, Map.of("image", novaImage(ctx, i, true)));
            }
        }
        throw new Unrouted();
    }

    private Map<String, Object> novaImage(Ctx ctx, Image i, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id);
        m.put("name", i.name);
        if (detail) {
            m.put("minRam", i.minRam);
            m.put("minDisk", i.minDisk);
            m.put("metadata", new LinkedHashMap<>(i.properties));
            m.put("created", CloudState.SECONDS_Z.format(i.createdAt));
            m.put("updated", CloudState.SECONDS_Z.format(i.updatedAt));
            String status;
            int progress;
            switch (i.status) {
                case "active":
                    status = "ACTIVE";
                    progress = 100;
                    break;
                case "queued":
                    status = "SAVING";
                    progress = 25;
                    break;
                case "saving":
                    status = "SAVING";
                    progress = 50;
                    break;
                case "deleted":
                case "pending_delete":
                    status = "DELETED";
                    progress = 0;
                    break;
                case "killed":
                    status = "ERROR";
                    progress = 0;
                    break;
                default:
                    status = "UNKNOWN";
                    progress = 0;
            }
            m.put("status", status);
            m.put("progress", progress);
            m.put("OS-EXT-IMG-SIZE:size", i.size == null ? 0 : i.size);
        }
        List<Object> links = ServerViews.links(ctx.link("images/" + i.id), ctx.bookmark("images/" + i.id));
        Map<String, Object> alternate = new LinkedHashMap<>();
        alternate.put("rel", "alternate");
        alternate.put("type", "application/vnd.openstack.image");
        // Nova joins the Glance URL and path with a doubled slash; the lab shows the same.
        alternate.put("href", cloud.imageEndpoint() + "//images/" + i.id);
        links.add(alternate);
        m.put("links", links);
        return m;
    }

    // ------------------------------------------------------------------ keypairs

    private Resp keypairs(Ctx ctx, List<String> s, String m) {
        if (s.size() == 1 && m.equals("GET")) {
            return keypairList(ctx);
        }
        if (s.size() == 1 && m.equals("POST")) {
            return keypairCreate(ctx);
        }
        if (s.size() == 2 && m.equals("GET")) {
            synchronized (state) {
                Keypair k = keypair(ctx, s.get(1), "show");
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", k.name);
                doc.put("public_key", k.publicKey);
                doc.put("fingerprint", k.fingerprint);
                doc.put("user_id", k.userId);
                doc.put("created_at", CloudState.MICROS.format(k.createdAt));
                doc.put("deleted", false);
                doc.put("deleted_at", null);
                doc.put("id", k.id);
                doc.put("updated_at", null);
                if (ctx.at(2)) {
                    doc.put("type", k.type);
                }
                return Resp.json(200, Map.of("keypair", doc));
            }
        }
        if (s.size() == 2 && m.equals("DELETE")) {
            synchronized (state) {
                Keypair k = keypair(ctx, s.get(1), "delete");
                state.keypairs.get(k.userId).remove(k.name);
            }
            return Resp.empty(ctx.at(2) ? 204 : 202).header("Content-Type", Resp.JSON);
        }
        throw new Unrouted();
    }

    private Keypair keypair(Ctx ctx, String name, String rule) {
        String user = keypairUser(ctx, ctx.at(10) ? ctx.req.param("user_id") : null, rule);
        Map<String, Keypair> mine = state.keypairs.get(user);
        Keypair k = mine == null ? null : mine.get(name);
        if (k == null) {
            throw NovaFault.notFound("Keypair " + name + " not found for user " + user);
        }
        return k;
    }

    /** Whose keypairs a request is about: another user's ({@code user_id}, 2.10+) only for an admin. */
    private static String keypairUser(Ctx ctx, String requested, String rule) {
        if (requested == null || requested.equals(ctx.userId())) {
            return ctx.userId();
        }
        requireAdmin(ctx, "os_compute_api:os-keypairs:" + rule);
        return requested;
    }

    private Resp keypairList(Ctx ctx) {
        synchronized (state) {
            String user = keypairUser(ctx, ctx.at(10) ? ctx.req.param("user_id") : null, "index");
            List<Keypair> mine =
                    new ArrayList<>(state.keypairs.getOrDefault(user, Map.of()).values());
            mine.sort(Comparator.comparing(k -> k.name));
            int start = 0;
            int limit = Integer.MAX_VALUE;
            if (ctx.at(35)) {
                limit = parseLimit(ctx, 1000);
                String marker = ctx.req.param("marker");
                if (marker != null) {
                    start = -1;
                    for (int i = 0; i < mine.size(); i++) {
                        if (mine.get(i).name.equals(marker)) {
                            start = i + 1;
                        }
                    }
                    if (start < 0) {
                        throw NovaFault.badRequest("marker [" + marker + "] not found");
                    }
                }
            }
            List<Object> out = new ArrayList<>();
            String last = null;
            for (int i = start; i < mine.size() && out.size() < limit; i++) {
                Keypair k = mine.get(i);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", k.name);
                doc.put("public_key", k.publicKey);
                doc.put("fingerprint", k.fingerprint);
                if (ctx.at(2)) {
                    doc.put("type", k.type);
                }
                out.add(Map.of("keypair", doc));
                last = k.name;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("keypairs", out);
            if (ctx.at(35)) {
                List<Object> links = nextLinks(ctx, "os-keypairs", out.size(), last, 1000);
                if (links != null) {
                    doc.put("keypairs_links", links);
                }
            }
            return Resp.json(200, doc);
        }
    }

    private Resp keypairCreate(Ctx ctx) {
        Object body = body(ctx.req);
        validate(NovaSchemas.keypairCreate(ctx.version), body);
        Map<?, ?> k = (Map<?, ?>) ((Map<?, ?>) body).get("keypair");
        String name = (String) k.get("name");
        // Nova's keypair_name format checker, whose message lists the characters (2.92 added '@' and '.').
        String allowed = ctx.at(92) ? "@._- " : "_- ";
        String digitsLetters = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        if (!name.chars().allMatch(c -> allowed.indexOf(c) >= 0 || digitsLetters.indexOf(c) >= 0)) {
            throw NovaFault.badRequest("An invalid 'name' value was provided. The name must be: Only expected"
                    + " characters: [" + allowed + digitsLetters + "]");
        }
        String type = k.get("type") == null ? "ssh" : (String) k.get("type");
        String publicKey = (String) k.get("public_key");
        String owner = keypairUser(ctx, (String) k.get("user_id"), "create");
        String privateKey = null;
        if (publicKey == null) {
            String[] generated = generateSshKey();
            publicKey = generated[0];
            privateKey = generated[1];
        }
        String fingerprint = fingerprint(publicKey, type);
        if (fingerprint == null) {
            throw NovaFault.badRequest("Keypair data is invalid: failed to generate fingerprint");
        }
        synchronized (state) {
            Map<String, Keypair> mine = state.keypairs.computeIfAbsent(owner, u -> new LinkedHashMap<>());
            if (mine.containsKey(name)) {
                throw new NovaFault(409, "Key pair '" + name + "' already exists.");
            }
            Keypair kp = new Keypair(++state.keypairSeq, name, owner, publicKey, fingerprint, type, state.now());
            mine.put(name, kp);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        if (ctx.at(2)) {
            doc.put("type", type);
        }
        doc.put("name", name);
        doc.put("public_key", publicKey);
        doc.put("fingerprint", fingerprint);
        doc.put("user_id", owner);
        if (privateKey != null) {
            doc.put("private_key", privateKey);
        }
        return Resp.json(ctx.at(2) ? 201 : 200, Map.of("keypair", doc));
    }

    /** Nova's MD5 fingerprint of an OpenSSH public key, or null when the key cannot be read. */
    static String fingerprint(String publicKey, String type) {
        try {
            byte[] der;
            String algorithm;
            if ("x509".equals(type)) {
                String pem = publicKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                der = Base64.getDecoder().decode(pem);
                algorithm = "SHA-1";
            } else {
                String[] parts = publicKey.trim().split("\\s+");
                if (parts.length < 2 || !parts[0].startsWith("ssh-") && !parts[0].startsWith("ecdsa-")) {
                    return null;
                }
                der = Base64.getDecoder().decode(parts[1]);
                algorithm = "MD5";
            }
            if (der.length == 0) {
                return null;
            }
            byte[] d = MessageDigest.getInstance(algorithm).digest(der);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** A fresh RSA key as Nova generates one before 2.92: OpenSSH public key and PEM private key. */
    static String[] generateSshKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeSshString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeSshString(out, pub.getPublicExponent().toByteArray());
            writeSshString(out, pub.getModulus().toByteArray());
            String publicKey =
                    "ssh-rsa " + Base64.getEncoder().encodeToString(out.toByteArray()) + " Generated-by-Nova";
            String privateKey = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(kp.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new String[] {publicKey, privateKey};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static void writeSshString(ByteArrayOutputStream out, byte[] data) {
        int n = data.length;
        out.write((n >>> 24) & 0xff);
        out.write((n >>> 16) & 0xff);
        out.write((n >>> 8) & 0xff);
        out.write(n & 0xff);
        out.write(data, 0, n);
    }
}
