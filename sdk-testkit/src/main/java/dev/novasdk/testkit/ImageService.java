package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Image;
import dev.novasdk.testkit.CloudState.ScopeKind;
import dev.novasdk.testkit.CloudState.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glance v2, read side: version documents, {@code GET /v2/images} with filters, sorting and marker paging,
 * and {@code GET /v2/images/{id}}. Every error is WebOb's body in the format the {@code Accept} header
 * asks for, as in the real Glance.
 */
final class ImageService {
    private static final Set<String> NOT_PROPERTIES = Set.of(
            "limit",
            "marker",
            "sort_key",
            "sort_dir",
            "sort",
            "member_status",
            "name",
            "status",
            "visibility",
            "owner",
            "tag",
            "disk_format",
            "container_format",
            "id",
            "os_hidden",
            "protected",
            "size_min",
            "size_max",
            "created_at",
            "updated_at");

    private final FakeCloud cloud;
    private final CloudState state;

    ImageService(FakeCloud cloud) {
        this.cloud = cloud;
        this.state = cloud.state;
    }

    static boolean visible(Image i, String projectId) {
        return i.visibility.equals("public") || i.visibility.equals("community") || i.owner.equals(projectId);
    }

    /** The images a project sees in a default listing, newest first. */
    static List<Image> visibleSorted(CloudState state, String projectId) {
        List<Image> out = new ArrayList<>();
        for (Image i : state.images.values()) {
            if (i.visibility.equals("public") || i.owner.equals(projectId)) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparing((Image i) -> i.createdAt)
                .thenComparing(i -> i.seq)
                .reversed());
        return out;
    }

    Resp handle(Req req, String path, String requestId) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/versions") && req.method.equals("GET")) {
            return Resp.json(200, versions(req));
        }
        if (!(p.equals("/v2") || p.startsWith("/v2/"))) {
            // Glance's version negotiation answers anything outside /v2 with the versions document.
            return Resp.json(300, versions(req));
        }
        Token token = cloud.identity.authenticated(req);
        if (token == null || token.scope != ScopeKind.PROJECT) {
            // Raised before Glance's context middleware adds a request id.
            return WebOb.error(req, 401, WebOb.UNAUTHORIZED)
                    .header("Www-Authenticate", "Keystone uri=\"" + cloud.identityRoot() + "\"");
        }
        Resp r = route(req, p, token);
        return r.header("X-Openstack-Request-Id", requestId);
    }

    /** Glance adopts a caller's request id, adding {@code req-} when missing. */
    static String requestId(Req req) {
        String inbound = req.header("X-Openstack-Request-Id");
        if (inbound == null || inbound.isBlank()) {
            return CloudState.requestId();
        }
        return inbound.startsWith("req-") ? inbound : "req-" + inbound;
    }

    private Map<String, Object> versions(Req req) {
        List<Object> values = new ArrayList<>();
        String[] ids = {"v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"};
        for (String id : ids) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id);
            v.put("status", id.equals("v2.15") ? "CURRENT" : "SUPPORTED");
            v.put("links", List.of(ServerViews.link("self", req.origin + FakeCloud.IMAGE_PATH + "/v2/")));
            values.add(v);
        }
        return Map.of("versions", values);
    }

    private Resp route(Req req, String p, Token token) {
        if (p.equals("/v2/images")) {
            if (!req.method.equals("GET")) {
                return notAllowed(req, "GET");
            }
            return list(req, token);
        }
        if (p.startsWith("/v2/images/") && p.indexOf('/', "/v2/images/".length()) < 0) {
            if (!req.method.equals("GET")) {
                return notAllowed(req, "GET");
            }
            String id = p.substring("/v2/images/".length());
            synchronized (state) {
                // A snapshot's image moves with its server's steps, which apply when anything reads the cloud.
                state.settleAll();
                Image i = state.images.get(id);
                if (i == null || !visible(i, token.project.id)) {
                    return WebOb.error(req, 404, "No image found with ID " + id);
                }
                return Resp.json(200, doc(i));
            }
        }
        return WebOb.error(req, 404, WebOb.NOT_FOUND);
    }

    private static Resp notAllowed(Req req, String allow) {
        return WebOb.error(req, 405, "The method " + req.method + " is not allowed for this resource.")
                .header("Allow", allow);
    }

    private Resp list(Req req, Token token) {
        int limit = 25;
        String limitParam = req.param("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                return WebOb.error(req, 400, "limit param must be an integer");
            }
            if (limit < 0) {
                return WebOb.error(req, 400, "limit param must be positive");
            }
            limit = Math.min(limit, 1000);
        }
        String sortKey = req.param("sort_key") == null ? "created_at" : req.param("sort_key");
        String sortDir = req.param("sort_dir") == null ? "desc" : req.param("sort_dir");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            return WebOb.error(req, 400, "Invalid sort direction: " + sortDir);
        }
        Comparator<Image> order = comparator(sortKey);
        if (order == null) {
            return WebOb.error(
                    req,
                    400,
                    "Invalid sort key: " + sortKey + ". It must be one of the following: name, status,"
                            + " container_format, disk_format, size, id, created_at, updated_at.");
        }
        order = order.thenComparing(i -> i.createdAt).thenComparing(i -> i.seq);
        if (sortDir.equals("desc")) {
            order = order.reversed();
        }
        String projectId = token.project.id;
        String visibility = req.param("visibility");
        synchronized (state) {
            state.settleAll();
            Image markerImage = null;
            String marker = req.param("marker");
            if (marker != null) {
                markerImage = state.images.get(marker);
                if (markerImage == null || !visible(markerImage, projectId)) {
                    return WebOb.error(req, 400, "No image found with ID " + marker);
                }
            }
            List<Image> matching = new ArrayList<>();
            for (Image i : state.images.values()) {
                if (!listed(i, projectId, visibility) || !filtersMatch(req, i)) {
                    continue;
                }
                matching.add(i);
            }
            matching.sort(order);
            List<Object> out = new ArrayList<>();
            String last = null;
            for (Image i : matching) {
                if (out.size() >= limit) {
                    break;
                }
                if (markerImage != null && order.compare(i, markerImage) <= 0) {
                    continue;
                }
                out.add(doc(i));
                last = i.id;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("images", out);
            String query = queryWithoutMarker(req);
            body.put("first", "/v2/images" + (query.isEmpty() ? "" : "?" + query));
            body.put("schema", "/v2/schemas/images");
            if (!out.isEmpty() && out.size() == limit) {
                body.put(
                        "next",
                        "/v2/images?" + (query.isEmpty() ? "" : query + "&") + "marker="
                                + URLEncoder.encode(last, StandardCharsets.UTF_8));
            }
            return Resp.json(200, body);
        }
    }

    private static boolean listed(Image i, String projectId, String visibility) {
        if (visibility == null) {
            return i.visibility.equals("public") || i.owner.equals(projectId);
        }
        if (visibility.equals("all")) {
            return visible(i, projectId);
        }
        return i.visibility.equals(visibility) && visible(i, projectId);
    }

    private static boolean filtersMatch(Req req, Image i) {
        if (req.param("name") != null && !req.param("name").equals(i.name)) {
            return false;
        }
        if (req.param("status") != null && !req.param("status").equalsIgnoreCase(i.status)) {
            return false;
        }
        if (req.param("owner") != null && !req.param("owner").equals(i.owner)) {
            return false;
        }
        if (req.param("disk_format") != null && !req.param("disk_format").equals(i.diskFormat)) {
            return false;
        }
        if (req.param("container_format") != null
                && !req.param("container_format").equals(i.containerFormat)) {
            return false;
        }
        for (String tag : req.params("tag")) {
            if (!i.tags.contains(tag)) {
                return false;
            }
        }
        for (String[] kv : req.query) {
            if (!NOT_PROPERTIES.contains(kv[0]) && !kv[1].equals(i.properties.get(kv[0]))) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<Image> comparator(String key) {
        switch (key) {
            case "name":
                return Comparator.comparing(i -> i.name);
            case "status":
                return Comparator.comparing(i -> i.status);
            case "container_format":
                return Comparator.comparing(i -> i.containerFormat);
            case "disk_format":
                return Comparator.comparing(i -> i.diskFormat);
            case "size":
                return Comparator.comparing(i -> i.size == null ? -1L : i.size);
            case "id":
                return Comparator.comparing(i -> i.id);
            case "created_at":
                return Comparator.comparing(i -> i.createdAt);
            case "updated_at":
                return Comparator.comparing(i -> i.updatedAt);
            default:
                return null;
        }
    }

    private static String queryWithoutMarker(Req req) {
        StringBuilder sb = new StringBuilder();
        for (String[] kv : req.query) {
            if (kv[0].equals("marker")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(kv[0], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static Map<String, Object> doc(Image i) {
        Map<String, Object> m = new LinkedHashMap<>(i.properties);
        m.put("name", i.name);
        m.put("disk_format", i.diskFormat);
        m.put("container_format", i.containerFormat);
        m.put("visibility", i.visibility);
        m.put("size", i.size);
        m.put("virtual_size", i.virtualSize);
        m.put("status", i.status);
        m.put("checksum", i.checksum);
        m.put("protected", false);
        m.put("min_ram", i.minRam);
        m.put("min_disk", i.minDisk);
        m.put("owner", i.owner);
        m.put("os_hidden", false);
        m.put("os_hash_algo", i.hashValue == null ? null : "sha512");
        m.put("os_hash_value", i.hashValue);
        m.put("id", i.id);
        m.put("created_at", CloudState.SECONDS_Z.format(i.createdAt));
        m.put("updated_at", CloudState.SECONDS_Z.format(i.updatedAt));
        m.put("tags", new ArrayList<>(i.tags));
        m.put("self", "/v2/images/" + i.id);
        m.put("file", "/v2/images/" + i.id + "/file");
        m.put("schema", "/v2/schemas/image");
        return m;
    }
}
