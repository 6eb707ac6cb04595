package dev.novasdk.testkit;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault-injection endpoint of a running {@link FakeCloud}, under {@code /_fake} on the cloud's own port,
 * for programs that cannot call its Java methods (a cloud started with {@code java -jar}). It drives the
 * same knobs: {@link FakeCloud#failNext}, {@link FakeCloud#slowNext}, {@link FakeCloud#expireAllTokens()},
 * {@link FakeClock#advance} and {@link FakeCloud#forceError}. Requests from anything but a loopback address
 * are refused, so a cloud bound to a public interface cannot be disturbed from outside.
 *
 * <p>Bodies are JSON objects; answers are JSON ({@code {"error": "..."}} with 400, 403, 404 or 405 on
 * mistakes).
 */
final class AdminEndpoint {
    static final String PATH = "/_fake";

    private static final List<String> ROUTES = List.of(
            "GET /_fake",
            "POST /_fake/fail {\"service\": \"compute\", \"count\": 2, \"status\": 503, \"retry_after\": 1}",
            "POST /_fake/slow {\"service\": \"compute\", \"count\": 1, \"seconds\": 2.5}",
            "POST /_fake/expire-tokens",
            "POST /_fake/clock/advance {\"seconds\": 30}",
            "POST /_fake/servers/{id}/error {\"code\": 500, \"message\": \"No valid host was found. \"}");

    private final FakeCloud cloud;

    AdminEndpoint(FakeCloud cloud) {
        this.cloud = cloud;
    }

    /** Answers a request whose path is {@code sub} under {@link #PATH}. */
    Resp handle(Req req, String sub, boolean fromLoopback) {
        if (!fromLoopback) {
            return error(403, "the FakeCloud admin endpoint answers loopback clients only");
        }
        String path = sub.endsWith("/") ? sub.substring(0, sub.length() - 1) : sub;
        try {
            if (path.isEmpty()) {
                return req.method.equals("GET") ? Resp.json(200, describe()) : notAllowed("GET");
            }
            if (!req.method.equals("POST")) {
                return notAllowed("POST");
            }
            Map<?, ?> body = body(req);
            switch (path) {
                case "/fail":
                    return fail(body);
                case "/slow":
                    return slow(body);
                case "/expire-tokens":
                    cloud.expireAllTokens();
                    return Resp.json(200, Map.of("expired", true));
                case "/clock/advance":
                    cloud.clock().advance(seconds(body, "seconds", true));
                    return Resp.json(200, Map.of("clock", clock()));
                default:
                    break;
            }
            if (path.startsWith("/servers/") && path.endsWith("/error")) {
                String id = path.substring("/servers/".length(), path.length() - "/error".length());
                int code = integer(body, "code", 500);
                Object message = body.get("message");
                if (message != null && !(message instanceof String)) {
                    throw new IllegalArgumentException("message must be a string");
                }
                cloud.forceError(
                        id, code, message == null ? "FakeCloud forced this server into ERROR." : (String) message);
                return Resp.json(200, Map.of("server", PyJson.obj("id", id, "status", "ERROR")));
            }
            return error(404, "no such admin route; try GET " + PATH);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private Map<String, Object> describe() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("auth_url", cloud.authUrl());
        doc.put("max_microversion", cloud.maxMicroversion());
        doc.put("clock", clock());
        doc.put("servers", cloud.servers().size());
        doc.put("routes", ROUTES);
        return doc;
    }

    private Map<String, Object> clock() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("now", CloudState.MICROS_Z.format(cloud.clock().instant()));
        c.put("ticking", cloud.clock().isTicking());
        return c;
    }

    private Resp fail(Map<?, ?> body) {
        FakeCloud.Service service = service(body);
        int count = integer(body, "count", 1);
        int status = integer(body, "status", 503);
        Duration retryAfter = body.get("retry_after") == null ? null : seconds(body, "retry_after", false);
        cloud.failNext(service, count, status, retryAfter);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", service.name().toLowerCase(Locale.ROOT));
        doc.put("count", count);
        doc.put("status", status);
        return Resp.json(200, Map.of("fail", doc));
    }

    private Resp slow(Map<?, ?> body) {
        FakeCloud.Service service = service(body);
        int count = integer(body, "count", 1);
        Duration delay = seconds(body, "seconds", true);
        cloud.slowNext(service, count, delay);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", service.name().toLowerCase(Locale.ROOT));
        doc.put("count", count);
        doc.put("seconds", body.get("seconds"));
        return Resp.json(200, Map.of("slow", doc));
    }

    private static Map<?, ?> body(Req req) {
        if (req.body.length == 0) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = PyJson.parse(req.body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return (Map<?, ?>) parsed;
    }

    private static FakeCloud.Service service(Map<?, ?> body) {
        Object s = body.get("service");
        if (s == null) {
            return FakeCloud.Service.COMPUTE;
        }
        for (FakeCloud.Service service : FakeCloud.Service.values()) {
            if (service.name().equalsIgnoreCase(String.valueOf(s))) {
                return service;
            }
        }
        throw new IllegalArgumentException("service must be one of compute, identity, image; got " + s);
    }

    private static int integer(Map<?, ?> body, String key, int dflt) {
        Object v = body.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Long) || (Long) v < Integer.MIN_VALUE || (Long) v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return ((Long) v).intValue();
    }

    private static Duration seconds(Map<?, ?> body, String key, boolean required) {
        Object v = body.get(key);
        if (v == null && required) {
            throw new IllegalArgumentException(key + " is required (a number of seconds)");
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException(key + " must be a number of seconds");
        }
        BigDecimal s = new BigDecimal(v.toString());
        if (s.signum() < 0) {
            throw new IllegalArgumentException(key + " must not be negative");
        }
        return Duration.ofNanos(s.movePointRight(9).longValue());
    }

    private static Resp notAllowed(String allowed) {
        return error(405, "use " + allowed).header("Allow", allowed);
    }

    private static Resp error(int status, String message) {
        return Resp.json(status, Map.of("error", message));
    }
}
