package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The documents the loopback Nova serves, all read or built once. The server document is Nova's api-sample
 * {@code doc/api_samples/servers/v2.90/server-get-resp.json}; the version document is
 * {@code doc/api_samples/versions/v21-version-get-resp.json} with its maximum set to {@value #MICROVERSION}.
 */
final class Fixtures {
    /** The id of the server in the sample document. */
    static final String SERVER_ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    /** The token every client sends and the loopback server demands; a fixture, not a secret. */
    static final String TOKEN = "tok";
    /** The highest version the loopback server offers, and the one every client uses. */
    static final String MICROVERSION = "2.93";
    /** Servers per page of the listing. */
    static final int PAGE_SIZE = 100;
    /** Pages of the listing. */
    static final int PAGES = 3;

    private Fixtures() {}

    /** {@code {"server": {...}}}, about 2.6 KB. */
    static byte[] serverDocument() {
        return resource("server-get-resp.json");
    }

    /** {@code {"version": {...}}} of {@code GET /v2.1}, offering 2.1 to {@value #MICROVERSION}. */
    static byte[] versionDocument() {
        return resource("version-get-resp.json");
    }

    /** The id of the {@code index}-th server of the listing (from 0). */
    static String listedServerId(int index) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", index, index);
    }

    /**
     * The pages of {@code GET {endpoint}/servers/detail?limit=}{@value #PAGE_SIZE}: {@value #PAGES} documents of
     * {@value #PAGE_SIZE} copies of the sample server each, with distinct ids and names. Every page but the last
     * carries a {@code next} link with the last id as marker, as Nova sends it.
     */
    static List<byte[]> serverListPages(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        ObjectMapper mapper = new ObjectMapper();
        try {
            ObjectNode template = (ObjectNode) mapper.readTree(serverDocument()).get("server");
            List<byte[]> pages = new ArrayList<>();
            for (int p = 0; p < PAGES; p++) {
                ObjectNode page = mapper.createObjectNode();
                ArrayNode servers = page.putArray("servers");
                String lastId = null;
                for (int i = p * PAGE_SIZE; i < (p + 1) * PAGE_SIZE; i++) {
                    lastId = listedServerId(i);
                    servers.add(template.deepCopy().put("id", lastId).put("name", "server-" + i));
                }
                ArrayNode links = page.putArray("servers_links");
                if (p < PAGES - 1) {
                    links.addObject()
                            .put("rel", "next")
                            .put("href", endpoint + "/servers/detail?limit=" + PAGE_SIZE + "&marker=" + lastId);
                }
                pages.add(mapper.writeValueAsBytes(page));
            }
            return List.copyOf(pages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the listing pages", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/benchmarks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /benchmarks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /benchmarks/" + name, e);
        }
    }
}
