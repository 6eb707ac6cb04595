package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.AppCred;
import dev.novasdk.testkit.CloudState.Domain;
import dev.novasdk.testkit.CloudState.Project;
import dev.novasdk.testkit.CloudState.Role;
import dev.novasdk.testkit.CloudState.ScopeKind;
import dev.novasdk.testkit.CloudState.Token;
import dev.novasdk.testkit.CloudState.User;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keystone: version discovery, v3 tokens (password, token and application-credential methods; project,
 * domain, system and explicitly unscoped tokens), validation and revocation, application credentials,
 * and optionally the v2.0 token API that old clouds still offer.
 */
final class IdentityService {
    static final String AUTH_REQUIRED = "The request you have made requires authentication.";
    private static final String MALFORMED = " The server could not comply with the request since it is either malformed"
            + " or otherwise incorrect. The client is assumed to be in error.";

    private final FakeCloud cloud;
    private final CloudState state;

    IdentityService(FakeCloud cloud) {
        this.cloud = cloud;
        this.state = cloud.state;
    }

    /** Thrown by handlers; rendered as Keystone's {@code {"error": {...}}}. */
    static final class KeystoneError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        KeystoneError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    Resp handle(Req req, String path) {
        Resp resp;
        try {
            resp = route(req, path);
        } catch (KeystoneError e) {
            resp = error(e.status, e.getMessage());
        }
        return resp.header("Vary", "X-Auth-Token");
    }

    Resp error(int status, String message) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", status);
        err.put("message", message);
        err.put("title", WebOb.reason(status));
        Resp r = new Resp(status)
                .header("Content-Type", Resp.JSON)
                .body(PyJson.dumpsCompactSorted(Map.of("error", err)));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"" + cloud.identityRoot() + "v3\"");
        }
        return r;
    }

    private Resp route(Req req, String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String m = req.method;
        if (p.isEmpty() || p.equals("/")) {
            requireMethod(m, "GET");
            List<Object> values = new ArrayList<>();
            values.add(versionV3());
            if (cloud.keystoneV2) {
                values.add(versionV2());
            }
            return Resp.json(300, Map.of("versions", Map.of("values", values)))
                    .header("Location", cloud.identityRoot() + "v3/");
        }
        if (p.equals("/v3")) {
            requireMethod(m, "GET");
            return Resp.json(200, Map.of("version", versionV3()));
        }
        if (p.equals("/v3/auth/tokens")) {
            switch (m) {
                case "POST":
                    return issueV3(req);
                case "GET":
                    return validate(req, false);
                case "HEAD":
                    return validate(req, true);
                case "DELETE":
                    return revoke(req);
                default:
                    throw methodNotAllowed();
            }
        }
        if (p.startsWith("/v3/users/")) {
            String[] parts = p.substring("/v3/users/".length()).split("/");
            if (parts.length >= 2 && parts[1].equals("application_credentials")) {
                if (parts.length == 2 && m.equals("POST")) {
                    return createAppCred(req, parts[0]);
                }
                if (parts.length == 3 && m.equals("DELETE")) {
                    return deleteAppCred(req, parts[0], parts[2]);
                }
                if (parts.length == 3 && m.equals("GET")) {
                    return showAppCred(req, parts[0], parts[2]);
                }
            }
        }
        if (p.startsWith("/v3/domains/") && m.equals("PUT")) {
            // PUT /v3/domains/{domain}/users/{user}/roles/{role}: the grant the lab's admin needs for domain scope.
            String[] parts = p.substring("/v3/domains/".length()).split("/");
            if (parts.length == 5 && parts[1].equals("users") && parts[3].equals("roles")) {
                return grantDomainRole(req, parts[0], parts[2], parts[4]);
            }
        }
        if (cloud.keystoneV2 && p.equals("/v2.0")) {
            requireMethod(m, "GET");
            return Resp.json(200, Map.of("version", versionV2()));
        }
        if (cloud.keystoneV2 && p.equals("/v2.0/tokens")) {
            requireMethod(m, "POST");
            return issueV2(req);
        }
        return notFoundPage();
    }

    private static void requireMethod(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw methodNotAllowed();
        }
    }

    private static KeystoneError methodNotAllowed() {
        return new KeystoneError(405, "The method is not allowed for the requested URL.");
    }

    /** werkzeug's page for a URL Keystone does not route. */
    static Resp notFoundPage() {
        return new Resp(404)
                .header("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html>\n<html lang=en>\n"
                        + "<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server."
                        + " If you entered the URL manually please check your spelling and try again.</p>\n");
    }

    private Map<String, Object> versionV3() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        v.put("links", List.of(link("self", cloud.identityRoot() + "v3/")));
        v.put(
                "media-types",
                List.of(PyJson.obj("base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
        return v;
    }

    private Map<String, Object> versionV2() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.0");
        v.put("status", "deprecated");
        v.put("updated", "2016-08-04T00:00:00Z");
        v.put("links", List.of(link("self", cloud.identityRoot() + "v2.0/")));
        v.put(
                "media-types",
                List.of(PyJson.obj(
                        "base", "application/json", "type", "application/vnd.openstack.identity-v2.0+json")));
        return v;
    }

    private static Map<String, Object> link(String rel, String href) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("href", href);
        return l;
    }

    // ------------------------------------------------------------------ v3 tokens

    private static Map<?, ?> map(Object o) {
        return o instanceof Map ? (Map<?, ?>) o : null;
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof String ? (String) v : null;
    }

    private static Map<?, ?> body(Req req) {
        if (req.body.length == 0) {
            return Map.of();
        }
        try {
            Object o = PyJson.parse(req.body);
            if (o instanceof Map) {
                return (Map<?, ?>) o;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new KeystoneError(400, "Expecting to find valid JSON in request body." + MALFORMED);
    }

    private Resp issueV3(Req req) {
        cloud.authentications.incrementAndGet();
        Map<?, ?> auth = map(body(req).get("auth"));
        if (auth == null) {
            throw new KeystoneError(400, "Expecting to find auth in request body." + MALFORMED);
        }
        Map<?, ?> identity = map(auth.get("identity"));
        if (identity == null || !(identity.get("methods") instanceof List)) {
            throw new KeystoneError(400, "Expecting to find identity in auth." + MALFORMED);
        }
        List<?> methods = (List<?>) identity.get("methods");
        synchronized (state) {
            Instant now = CloudState.seconds(state.now());
            User user = null;
            Token source = null;
            AppCred appCred = null;
            List<String> methodNames = new ArrayList<>();
            for (Object method : methods) {
                String name = String.valueOf(method);
                switch (name) {
                    case "password":
                        user = passwordUser(map(identity.get("password")));
                        break;
                    case "token":
                        source = tokenSource(map(identity.get("token")), now);
                        user = source.user;
                        break;
                    case "application_credential":
                        appCred = appCredential(map(identity.get("application_credential")), now);
                        user = appCred.user;
                        break;
                    default:
                        throw new KeystoneError(401, AUTH_REQUIRED);
                }
                methodNames.add(name);
            }
            if (user == null) {
                throw new KeystoneError(400, "Expecting to find methods in identity." + MALFORMED);
            }
            if (source != null) {
                for (String m : source.methods) {
                    if (!methodNames.contains(m)) {
                        methodNames.add(m);
                    }
                }
            }
            Token token = scopedToken(user, auth.get("scope"), appCred, source, methodNames, now);
            state.tokens.put(token.id, token);
            return Resp.json(
                            201,
                            Map.of(
                                    "token",
                                    tokenBody(token, !req.params("nocatalog").isEmpty())))
                    .header("X-Subject-Token", token.id);
        }
    }

    private User passwordUser(Map<?, ?> password) {
        Map<?, ?> u = password == null ? null : map(password.get("user"));
        if (u == null) {
            throw new KeystoneError(400, "Expecting to find user in password." + MALFORMED);
        }
        User user = findUser(u);
        String secret = string(u, "password");
        if (user == null || secret == null || !secret.equals(user.password)) {
            throw new KeystoneError(401, AUTH_REQUIRED);
        }
        return user;
    }

    private User findUser(Map<?, ?> u) {
        String id = string(u, "id");
        if (id != null) {
            return state.users.get(id);
        }
        String name = string(u, "name");
        if (name == null) {
            throw new KeystoneError(400, "Expecting to find id or name in user." + MALFORMED);
        }
        Map<?, ?> d = map(u.get("domain"));
        if (d == null) {
            throw new KeystoneError(400, "Expecting to find domain in user." + MALFORMED);
        }
        Domain domain = findDomain(d);
        if (domain == null) {
            return null;
        }
        for (User user : state.users.values()) {
            if (user.name.equals(name) && user.domain == domain) {
                return user;
            }
        }
        return null;
    }

    private Domain findDomain(Map<?, ?> d) {
        String id = string(d, "id");
        String name = string(d, "name");
        for (Domain domain : state.domains.values()) {
            if (id != null ? domain.id.equals(id) : domain.name.equals(name)) {
                return domain;
            }
        }
        return null;
    }

    private Token tokenSource(Map<?, ?> t, Instant now) {
        String id = string(t, "id");
        Token token = id == null ? null : state.tokens.get(id);
        if (token == null) {
            throw new KeystoneError(404, "Could not recognize Fernet token");
        }
        if (!token.validAt(now)) {
            throw new KeystoneError(404, "Failed to validate token");
        }
        return token;
    }

    private AppCred appCredential(Map<?, ?> a, Instant now) {
        if (a == null) {
            throw new KeystoneError(400, "Expecting to find application_credential in identity." + MALFORMED);
        }
        String id = string(a, "id");
        AppCred found = null;
        if (id != null) {
            found = state.appCreds.get(id);
        } else {
            String name = string(a, "name");
            Map<?, ?> u = map(a.get("user"));
            User user = u == null ? null : findUser(u);
            for (AppCred c : state.appCreds.values()) {
                if (user != null && c.user == user && c.name.equals(name)) {
                    found = c;
                }
            }
        }
        String secret = string(a, "secret");
        if (found == null
                || secret == null
                || !found.secret.equals(secret)
                || (found.expiresAt != null && !now.isBefore(found.expiresAt))) {
            throw new KeystoneError(401, AUTH_REQUIRED);
        }
        return found;
    }

    private Token scopedToken(
            User user, Object scope, AppCred appCred, Token source, List<String> methods, Instant now) {
        Instant expires = source != null ? source.expiresAt : now.plus(state.tokenLifetime);
        if (appCred != null && appCred.expiresAt != null && appCred.expiresAt.isBefore(expires)) {
            expires = appCred.expiresAt;
        }
        List<String> audits = new ArrayList<>();
        audits.add(CloudState.randomToken(16).substring(0, 22));
        if (source != null) {
            audits.add(source.auditIds.get(0));
        }
        String id = "gAAAAA" + CloudState.randomToken(135);
        if (appCred != null) {
            return new Token(
                    id,
                    user,
                    ScopeKind.PROJECT,
                    appCred.project,
                    null,
                    appCred.roles,
                    methods,
                    audits,
                    now,
                    expires,
                    appCred,
                    "v3");
        }
        if (scope == null || "unscoped".equals(scope)) {
            return new Token(
                    id, user, ScopeKind.UNSCOPED, null, null, List.of(), methods, audits, now, expires, null, "v3");
        }
        Map<?, ?> s = map(scope);
        if (s == null) {
            throw new KeystoneError(400, "Invalid input for field 'scope'." + MALFORMED);
        }
        if (s.containsKey("project")) {
            Project project = findProject(map(s.get("project")));
            List<Role> roles = project == null ? null : user.projectRoles.get(project.id);
            if (roles == null || roles.isEmpty()) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            return new Token(
                    id, user, ScopeKind.PROJECT, project, null, roles, methods, audits, now, expires, null, "v3");
        }
        if (s.containsKey("domain")) {
            Map<?, ?> d = map(s.get("domain"));
            Domain domain = d == null ? null : findDomain(d);
            if (domain == null || user.domainRoles.isEmpty()) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            return new Token(
                    id,
                    user,
                    ScopeKind.DOMAIN,
                    null,
                    domain,
                    user.domainRoles,
                    methods,
                    audits,
                    now,
                    expires,
                    null,
                    "v3");
        }
        if (s.containsKey("system")) {
            if (user.systemRoles.isEmpty()) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            return new Token(
                    id,
                    user,
                    ScopeKind.SYSTEM,
                    null,
                    null,
                    user.systemRoles,
                    methods,
                    audits,
                    now,
                    expires,
                    null,
                    "v3");
        }
        throw new KeystoneError(400, "Invalid input for field 'scope'." + MALFORMED);
    }

    private Project findProject(Map<?, ?> p) {
        if (p == null) {
            return null;
        }
        String id = string(p, "id");
        if (id != null) {
            return state.projects.get(id);
        }
        String name = string(p, "name");
        Map<?, ?> d = map(p.get("domain"));
        if (d == null) {
            throw new KeystoneError(400, "Expecting to find domain in project." + MALFORMED);
        }
        Domain domain = findDomain(d);
        for (Project project : state.projects.values()) {
            if (project.name.equals(name) && project.domain == domain) {
                return project;
            }
        }
        return null;
    }

    private Map<String, Object> tokenBody(Token t, boolean noCatalog) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("methods", t.methods);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("domain", ref(t.user.domain.id, t.user.domain.name));
        user.put("id", t.user.id);
        user.put("name", t.user.name);
        user.put("password_expires_at", null);
        b.put("user", user);
        b.put("audit_ids", t.auditIds);
        b.put("expires_at", CloudState.MICROS_Z.format(t.expiresAt));
        b.put("issued_at", CloudState.MICROS_Z.format(t.issuedAt));
        switch (t.scope) {
            case PROJECT: {
                Map<String, Object> project = new LinkedHashMap<>();
                project.put("domain", ref(t.project.domain.id, t.project.domain.name));
                project.put("id", t.project.id);
                project.put("name", t.project.name);
                b.put("project", project);
                b.put("is_domain", false);
                b.put("roles", roles(t.roles));
                break;
            }
            case DOMAIN:
                b.put("domain", ref(t.domain.id, t.domain.name));
                b.put("roles", roles(t.roles));
                break;
            case SYSTEM:
                b.put("roles", roles(t.roles));
                b.put("system", Map.of("all", true));
                break;
            default:
                return b;
        }
        if (!noCatalog) {
            b.put("catalog", catalogV3());
        }
        if (t.appCred != null) {
            Map<String, Object> ac = new LinkedHashMap<>();
            ac.put("id", t.appCred.id);
            ac.put("name", t.appCred.name);
            ac.put("restricted", !t.appCred.unrestricted);
            b.put("application_credential", ac);
        }
        return b;
    }

    private static Map<String, Object> ref(String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    private static List<Object> roles(List<Role> roles) {
        List<Object> out = new ArrayList<>();
        for (Role r : roles) {
            out.add(ref(r.id, r.name));
        }
        return out;
    }

    private List<Object> catalogV3() {
        List<Object> services = new ArrayList<>();
        for (FakeCloud.CatalogService s : cloud.catalog) {
            List<Object> endpoints = new ArrayList<>();
            for (String[] ep : s.endpoints) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", ep[0]);
                e.put("interface", ep[1]);
                e.put("region_id", cloud.region);
                e.put("url", s.url);
                e.put("region", cloud.region);
                endpoints.add(e);
            }
            Map<String, Object> svc = new LinkedHashMap<>();
            svc.put("endpoints", endpoints);
            svc.put("id", s.id);
            svc.put("type", s.type);
            svc.put("name", s.name);
            services.add(svc);
        }
        return services;
    }

    /** The valid token a request presents in {@code X-Auth-Token}, or null. */
    Token authenticated(Req req) {
        String id = req.header("X-Auth-Token");
        if (id == null) {
            return null;
        }
        synchronized (state) {
            Token t = state.tokens.get(id);
            return t != null && t.validAt(state.now()) ? t : null;
        }
    }

    private Resp validate(Req req, boolean head) {
        synchronized (state) {
            if (authenticated(req) == null) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            String subject = req.header("X-Subject-Token");
            Token t = subject == null ? null : state.tokens.get(subject);
            if (t == null || !t.validAt(state.now())) {
                throw new KeystoneError(404, "Failed to validate token");
            }
            if (head) {
                return Resp.empty(200).header("X-Subject-Token", t.id);
            }
            return Resp.json(
                            200,
                            Map.of(
                                    "token",
                                    tokenBody(t, !req.params("nocatalog").isEmpty())))
                    .header("X-Subject-Token", t.id);
        }
    }

    private Resp revoke(Req req) {
        synchronized (state) {
            if (authenticated(req) == null) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            String subject = req.header("X-Subject-Token");
            Token t = subject == null ? null : state.tokens.get(subject);
            if (t == null || !t.validAt(state.now())) {
                throw new KeystoneError(404, "Failed to validate token");
            }
            t.revoked = true;
            return Resp.empty(204);
        }
    }

    // ------------------------------------------------------------------ application credentials

    private Token requireUser(Req req, String userId) {
        Token t = authenticated(req);
        if (t == null) {
            throw new KeystoneError(401, AUTH_REQUIRED);
        }
        if (!t.user.id.equals(userId)) {
            throw new KeystoneError(403, "You are not authorized to perform the requested action.");
        }
        return t;
    }

    private Resp grantDomainRole(Req req, String domainId, String userId, String roleId) {
        synchronized (state) {
            Token t = authenticated(req);
            if (t == null) {
                throw new KeystoneError(401, AUTH_REQUIRED);
            }
            if (t.roles.stream().noneMatch(r -> r.name.equals("admin"))) {
                throw new KeystoneError(403, "You are not authorized to perform the requested action.");
            }
            if (!state.domains.containsKey(domainId)) {
                throw new KeystoneError(404, "Could not find domain: " + domainId + ".");
            }
            CloudState.User user = state.users.get(userId);
            if (user == null) {
                throw new KeystoneError(404, "Could not find user: " + userId + ".");
            }
            CloudState.Role role = state.roles.values().stream()
                    .filter(r -> r.id.equals(roleId))
                    .findFirst()
                    .orElseThrow(() -> new KeystoneError(404, "Could not find role: " + roleId + "."));
            if (!user.domainRoles.contains(role)) {
                user.domainRoles.add(role);
            }
        }
        return Resp.empty(204);
    }

    private Resp createAppCred(Req req, String userId) {
        Map<?, ?> b = body(req);
        synchronized (state) {
            Token t = requireUser(req, userId);
            if (t.scope != ScopeKind.PROJECT) {
                throw new KeystoneError(400, "Application credentials need a project-scoped token." + MALFORMED);
            }
            if (t.appCred != null) {
                throw new KeystoneError(403, "You are not authorized to perform the requested action.");
            }
            Map<?, ?> a = map(b.get("application_credential"));
            String name = string(a, "name");
            if (name == null) {
                throw new KeystoneError(
                        400, "Invalid input for field 'name': 'name' is a required property" + MALFORMED);
            }
            for (AppCred c : state.appCreds.values()) {
                if (c.user == t.user && c.name.equals(name)) {
                    throw new KeystoneError(
                            409,
                            "Conflict occurred attempting to store application_credential" + " - Duplicate entry.");
                }
            }
            Instant expires = null;
            String exp = string(a, "expires_at");
            if (exp != null) {
                try {
                    expires = Instant.parse(exp.endsWith("Z") ? exp : exp + "Z");
                } catch (DateTimeParseException e) {
                    throw new KeystoneError(400, "Invalid input for field 'expires_at'." + MALFORMED);
                }
            }
            String secret = string(a, "secret");
            if (secret == null) {
                secret = CloudState.randomToken(64);
            }
            boolean unrestricted = Boolean.TRUE.equals(a.get("unrestricted"));
            AppCred c = new AppCred(
                    CloudState.hexId(),
                    name,
                    string(a, "description"),
                    secret,
                    t.user,
                    t.project,
                    List.copyOf(t.roles),
                    expires,
                    unrestricted);
            state.appCreds.put(c.id, c);
            Map<String, Object> doc = appCredDoc(c);
            doc.put("secret", c.secret);
            doc.put("links", Map.of("self", cloud.identityRoot() + "v3/application_credentials/" + c.id));
            return Resp.json(201, Map.of("application_credential", doc));
        }
    }

    private Map<String, Object> appCredDoc(AppCred c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", c.id);
        doc.put("name", c.name);
        doc.put("description", c.description);
        doc.put("user_id", c.user.id);
        doc.put("project_id", c.project.id);
        doc.put("system", null);
        doc.put("expires_at", c.expiresAt == null ? null : CloudState.MICROS.format(c.expiresAt));
        doc.put("unrestricted", c.unrestricted ? Boolean.TRUE : null);
        List<Object> roles = new ArrayList<>();
        for (Role r : c.roles) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("id", r.id);
            role.put("name", r.name);
            role.put("domain_id", null);
            role.put("description", null);
            role.put("options", Map.of("immutable", true));
            roles.add(role);
        }
        doc.put("roles", roles);
        return doc;
    }

    private Resp showAppCred(Req req, String userId, String id) {
        synchronized (state) {
            requireUser(req, userId);
            AppCred c = state.appCreds.get(id);
            if (c == null || !c.user.id.equals(userId)) {
                throw new KeystoneError(404, "Could not find Application Credential: " + id + ".");
            }
            Map<String, Object> doc = appCredDoc(c);
            doc.put("links", Map.of("self", cloud.identityRoot() + "v3/application_credentials/" + c.id));
            return Resp.json(200, Map.of("application_credential", doc));
        }
    }

    private Resp deleteAppCred(Req req, String userId, String id) {
        synchronized (state) {
            requireUser(req, userId);
            AppCred c = state.appCreds.get(id);
            if (c == null || !c.user.id.equals(userId)) {
                throw new KeystoneError(404, "Could not find Application Credential: " + id + ".");
            }
            state.appCreds.remove(id);
            // Keystone revokes every token issued from a deleted application credential.
            for (Token t : state.tokens.values()) {
                if (t.appCred == c) {
                    t.revoked = true;
                }
            }
            return Resp.empty(204);
        }
    }

    // ------------------------------------------------------------------ v2.0

    private Resp issueV2(Req req) {
        cloud.authentications.incrementAndGet();
        Map<?, ?> auth = map(body(req).get("auth"));
        if (auth == null) {
            throw new KeystoneError(400, "Expecting to find auth in request body." + MALFORMED);
        }
        synchronized (state) {
            Instant now = CloudState.seconds(state.now());
            Domain defaultDomain = state.domains.get("default");
            User user = null;
            Token source = null;
            Map<?, ?> creds = map(auth.get("passwordCredentials"));
            if (creds != null) {
                String name = string(creds, "username");
                String userId = string(creds, "userId");
                for (User u : state.users.values()) {
                    if (u.domain == defaultDomain && (userId != null ? u.id.equals(userId) : u.name.equals(name))) {
                        user = u;
                    }
                }
                String password = string(creds, "password");
                if (user == null || password == null || !password.equals(user.password)) {
                    throw new KeystoneError(401, AUTH_REQUIRED);
                }
            } else if (map(auth.get("token")) != null) {
                String id = string(map(auth.get("token")), "id");
                source = id == null ? null : state.tokens.get(id);
                if (source == null || !source.validAt(now)) {
                    throw new KeystoneError(401, AUTH_REQUIRED);
                }
                user = source.user;
            } else {
                throw new KeystoneError(400, "Expecting to find passwordCredentials or token in auth." + MALFORMED);
            }
            Project project = null;
            String tenantId = string(auth, "tenantId");
            String tenantName = string(auth, "tenantName");
            if (tenantId != null || tenantName != null) {
                for (Project p : state.projects.values()) {
                    if (p.domain == defaultDomain
                            && (tenantId != null ? p.id.equals(tenantId) : p.name.equals(tenantName))) {
                        project = p;
                    }
                }
                if (project == null || user.projectRoles.get(project.id) == null) {
                    throw new KeystoneError(401, AUTH_REQUIRED);
                }
            }
            Instant expires = source != null ? source.expiresAt : now.plus(state.tokenLifetime);
            List<String> audits = new ArrayList<>();
            audits.add(CloudState.randomToken(16).substring(0, 22));
            List<Role> roles = project == null ? List.of() : user.projectRoles.get(project.id);
            Token t = new Token(
                    "gAAAAA" + CloudState.randomToken(135),
                    user,
                    project == null ? ScopeKind.UNSCOPED : ScopeKind.PROJECT,
                    project,
                    null,
                    roles,
                    List.of(source != null ? "token" : "password"),
                    audits,
                    now,
                    expires,
                    null,
                    "v2.0");
            state.tokens.put(t.id, t);
            return Resp.json(200, Map.of("access", accessBody(t)));
        }
    }

    private Map<String, Object> accessBody(Token t) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("issued_at", CloudState.MICROS.format(t.issuedAt));
        token.put("expires", CloudState.SECONDS_Z.format(t.expiresAt));
        token.put("id", t.id);
        if (t.project != null) {
            Map<String, Object> tenant = new LinkedHashMap<>();
            tenant.put("description", t.project.description);
            tenant.put("enabled", true);
            tenant.put("id", t.project.id);
            tenant.put("name", t.project.name);
            token.put("tenant", tenant);
        }
        token.put("audit_ids", t.auditIds);
        List<Object> catalog = new ArrayList<>();
        if (t.project != null) {
            for (FakeCloud.CatalogService s : cloud.catalog) {
                String url = s.type.equals("identity") ? cloud.identityRoot() + "v2.0" : s.url;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("adminURL", url);
                e.put("region", cloud.region);
                e.put("internalURL", url);
                e.put("id", s.endpoints.get(0)[0]);
                e.put("publicURL", url);
                Map<String, Object> svc = new LinkedHashMap<>();
                svc.put("endpoints", List.of(e));
                svc.put("endpoints_links", List.of());
                svc.put("type", s.type);
                svc.put("name", s.name);
                catalog.add(svc);
            }
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", t.user.name);
        user.put("roles_links", List.of());
        user.put("id", t.user.id);
        List<Object> roleNames = new ArrayList<>();
        List<Object> roleIds = new ArrayList<>();
        for (Role r : t.roles) {
            roleNames.add(Map.of("name", r.name));
            roleIds.add(r.id);
        }
        user.put("roles", roleNames);
        user.put("name", t.user.name);
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("token", token);
        access.put("serviceCatalog", catalog);
        access.put("user", user);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("is_admin", 0);
        metadata.put("roles", roleIds);
        access.put("metadata", metadata);
        return access;
    }
}
