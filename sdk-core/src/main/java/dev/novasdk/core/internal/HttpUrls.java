package dev.novasdk.core.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule for URLs the SDK sends requests to, checked where they are configured so that a bad one fails
 * there, naming the setting, instead of inside a transport on the first call: absolute, scheme http or https,
 * a host, and a port between 1 and 65535 when one is given.
 */
public final class HttpUrls {
    private HttpUrls() {}

    /**
     * {@code url} when it follows the rule.
     *
     * @param name the setting, for the message ({@code authUrl})
     * @throws IllegalArgumentException naming the setting, the rule and what is wrong
     */
    public static URI check(URI url, String name) {
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host, and a port"
                    + " between 1 and 65535 if one is given; got '" + SafeUri.of(url) + "': " + problem);
        }
        return url;
    }

    /** What is wrong with {@code url} ("its port 99999 is out of range"), or {@code null} when nothing is. */
    public static String problem(URI url) {
        if (url == null) {
            return "it is missing";
        }
        if (!url.isAbsolute()) {
            return "it is not absolute";
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "its scheme is " + url.getScheme() + ", not http or https";
        }
        if (url.getHost() == null) {
            // java.net.URI leaves the host unset when the authority does not parse (a port with letters).
            return url.getRawAuthority() == null
                    ? "it has no host"
                    : "its authority '" + authorityWithoutUserInfo(url) + "' is not a host and port";
        }
        int port = url.getPort();
        if (port == 0 || port > 65535) {
            return "its port " + port + " is out of range";
        }
        return null;
    }

    private static String authorityWithoutUserInfo(URI url) {
        String authority = url.getRawAuthority();
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }
}
