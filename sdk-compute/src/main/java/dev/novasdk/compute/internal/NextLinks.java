package dev.novasdk.compute.internal;

import java.net.URI;

/** Resolves the next-page links services send. Not API. */
final class NextLinks {
    private NextLinks() {}

    /** {@code href} made absolute against {@code base}, on {@code base}'s scheme and host. */
    static URI resolve(URI base, String href) {
        URI h = URI.create(href);
        if (h.isAbsolute()) {
            if (h.getRawAuthority() != null && !h.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
                // Services behind proxies often link to their internal host name. Following it would fail, or
                // send the token to another host, so the link keeps the endpoint's scheme and host.
                return URI.create(base.getScheme() + "://" + base.getRawAuthority() + h.getRawPath()
                        + (h.getRawQuery() == null ? "" : "?" + h.getRawQuery()));
            }
            return h;
        }
        // Glance's next link is a path from its root ("/v2/images?marker=.."); deployments that serve Glance
        // under a prefix ("/image") keep the prefix in the catalog URL, so append rather than resolve.
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + (href.startsWith("/") ? href : "/" + href));
    }
}
