package dev.novasdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Binds a {@link FakeCloud}'s HTTP server and names the URL clients reach it at. */
final class Listener {
    private Listener() {}

    /** A server bound to {@code host:port} (port 0: a free one), not yet started. */
    static HttpServer bind(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "FakeCloud cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * {@code http://host:port}. A wildcard address is not a place a client can connect to, so the URLs then
     * name the loopback address; an IPv6 literal gets its brackets.
     */
    static String baseUrl(String host, int port) {
        String h = host;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                h = "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // bind() already resolved it; keep the name as given
        }
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port;
    }
}
