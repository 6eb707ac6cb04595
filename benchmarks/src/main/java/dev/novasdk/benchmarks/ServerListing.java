package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The pages of {@code GET /servers/detail} over a listing of {@code total} copies of the sample server with
 * distinct ids ({@link Fixtures#listedServerId}) and names ({@code server-<index>}), written compactly as Nova
 * writes them. Every page but the last carries a {@code next} link whose marker is its last id, as Nova sends it.
 *
 * <p>Pages are assembled on request from the pre-serialised server split around its id and name, so that a
 * listing of any length costs the server no memory beyond one page and no JSON work. Immutable, thread-safe.
 */
final class ServerListing {
    /** Nova's default {@code max_limit}: larger {@code limit}s are cut to it. */
    static final int MAX_LIMIT = 1000;

    private static final String ID_MARK = "@@id@@";
    private static final String NAME_MARK = "@@name@@";

    private final int total;
    private final byte[] beforeId;
    private final byte[] betweenIdAndName;
    private final byte[] afterName;

    ServerListing(int total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, got " + total);
        }
        this.total = total;
        ObjectMapper mapper = new ObjectMapper();
        try {
            ObjectNode server =
                    (ObjectNode) mapper.readTree(Fixtures.serverDocument()).get("server");
            server.put("id", ID_MARK).put("name", NAME_MARK);
            String text = mapper.writeValueAsString(server);
            int id = text.indexOf(ID_MARK);
            int name = text.indexOf(NAME_MARK);
            if (id < 0 || name < id) {
                throw new IllegalStateException("the sample server must have its id before its name: " + text);
            }
            this.beforeId = utf8(text.substring(0, id));
            this.betweenIdAndName = utf8(text.substring(id + ID_MARK.length(), name));
            this.afterName = utf8(text.substring(name + NAME_MARK.length()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample server", e);
        }
    }

    /** How many servers the listing holds. */
    int total() {
        return total;
    }

    /**
     * The page of at most {@code limit} servers after the one with id {@code marker} (from the first when
     * null), with a {@code next} link under {@code endpoint} (the compute base URL) unless it is the last; null
     * when the marker names no server of this listing.
     */
    byte[] page(String endpoint, int limit, String marker) {
        Objects.requireNonNull(endpoint, "endpoint");
        int from = 0;
        if (marker != null) {
            int index = Fixtures.listedServerIndex(marker);
            if (index < 0 || index >= total) {
                return null;
            }
            from = index + 1;
        }
        int size = Math.max(0, Math.min(Math.min(limit, MAX_LIMIT), total - from));
        int serverBytes = beforeId.length + 36 + betweenIdAndName.length + 16 + afterName.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * serverBytes + 256);
        out.writeBytes(utf8("{\"servers\":["));
        String lastId = null;
        for (int i = from; i < from + size; i++) {
            if (i > from) {
                out.write(',');
            }
            lastId = Fixtures.listedServerId(i);
            out.writeBytes(beforeId);
            out.writeBytes(utf8(lastId));
            out.writeBytes(betweenIdAndName);
            out.writeBytes(utf8("server-" + i));
            out.writeBytes(afterName);
        }
        out.write(']');
        if (from + size < total && lastId != null) {
            String next = endpoint + "/servers/detail?limit=" + limit + "&marker=" + lastId;
            out.writeBytes(utf8(",\"servers_links\":[{\"href\":\"" + next + "\",\"rel\":\"next\"}]"));
        }
        out.write('}');
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
