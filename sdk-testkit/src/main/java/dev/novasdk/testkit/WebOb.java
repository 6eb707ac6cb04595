package dev.novasdk.testkit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * WebOb's default error body, the shape of every Glance error and of Nova's unrouted URLs. The format
 * follows the request's {@code Accept} header the way {@code webob.exc.WSGIHTTPException} picks it: JSON
 * only when JSON is preferred, HTML for browsers and {@code *}{@code /*}, plain text otherwise.
 */
final class WebOb {
    static final String UNAUTHORIZED = "This server could not verify that you are authorized to access the document you"
            + " requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not"
            + " understand how to supply the credentials required.";
    static final String NOT_FOUND = "The resource could not be found.";

    private WebOb() {}

    static Resp error(Req req, int status, String message) {
        String title = reason(status);
        String statusLine = status + " " + title;
        Resp r = new Resp(status);
        switch (offer(req == null ? null : req.header("Accept"))) {
            case "application/json": {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("message", message + "<br /><br />\n\n\n");
                doc.put("code", statusLine);
                doc.put("title", title);
                return r.header("Content-Type", "application/json").body(PyJson.dumps(doc));
            }
            case "text/html":
                return r.header("Content-Type", "text/html; charset=UTF-8")
                        .body("<html>\n <head>\n  <title>" + statusLine
                                + "</title>\n </head>\n <body>\n  <h1>" + statusLine + "</h1>\n  " + message
                                + "<br /><br />\n\n\n\n </body>\n</html>");
            default:
                return r.header("Content-Type", "text/plain; charset=UTF-8")
                        .body(statusLine + "\n\n" + message + "\n\n   ");
        }
    }

    /** WebOb offers text/html then application/json; the higher q wins and a tie goes to HTML. */
    static String offer(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text/plain";
        }
        double html = quality(accept, "text", "html");
        double json = quality(accept, "application", "json");
        if (html <= 0 && json <= 0) {
            return "text/plain";
        }
        return json > html ? "application/json" : "text/html";
    }

    private static double quality(String accept, String type, String subtype) {
        double best = 0;
        int bestSpecificity = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String range = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            int specificity;
            if (range.equals(type + "/" + subtype)) {
                specificity = 2;
            } else if (range.equals(type + "/*")) {
                specificity = 1;
            } else if (range.equals("*/*") || range.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                best = q;
            }
        }
        return best;
    }

    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 201:
                return "Created";
            case 202:
                return "Accepted";
            case 204:
                return "No Content";
            case 300:
                return "Multiple Choices";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 406:
                return "Not Acceptable";
            case 409:
                return "Conflict";
            case 413:
                return "Request Entity Too Large";
            case 415:
                return "Unsupported Media Type";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 501:
                return "Not Implemented";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Error";
        }
    }
}
