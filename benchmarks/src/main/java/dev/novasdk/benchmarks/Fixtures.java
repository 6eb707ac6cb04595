package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The documents and credentials of the loopback cloud, all read or built once.
 *
 * <ul>
 *   <li>{@code server-get-resp.json}: Nova's api-sample {@code doc/api_samples/servers/v2.90/server-get-resp.json}
 *       (2.6 KB);
 *   <li>{@code server-create-resp.json}: Nova's {@code doc/api_samples/servers/v2.90/server-create-resp.json};
 *   <li>{@code version-get-resp.json}: {@code doc/api_samples/versions/v21-version-get-resp.json} with its maximum
 *       set to {@value #MICROVERSION};
 *   <li>{@code token-resp.json}: the shape of Keystone's api-sample
 *       {@code api-ref/source/v3/samples/auth/responses/project-scoped-password.json}, with the catalog of the
 *       project's OpenStack lab (identity, compute, image and placement, each with a public, internal and admin
 *       endpoint in {@value #REGION}) and the roles its {@code admin} user has.
 * </ul>
 */
final class Fixtures {
    /** The id of the server in the sample document. */
    static final String SERVER_ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    /** The image and flavor a create names, from the sample create request. */
    static final String IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";

    static final String FLAVOR_ID = "1";
    /**
     * The token Keystone issues and Nova demands, as long as a Fernet token (183 characters); a fixture, not a
     * secret.
     */
    static final String TOKEN = "gAAAAABnbenchmarkfixture".repeat(8).substring(0, 183);
    /** The highest version the loopback Nova offers, which a negotiating client uses. */
    static final String MICROVERSION = "2.93";
    /** The lab's region and admin credentials; fixtures, not secrets. */
    static final String REGION = "RegionOne";

    static final String USERNAME = "admin";
    static final String PASSWORD = "secretadmin";
    static final String PROJECT = "admin";
    static final String DOMAIN = "Default";

    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT);

    private Fixtures() {}

    /** {@code {"server": {...}}}, about 2.6 KB. */
    static byte[] serverDocument() {
        return resource("server-get-resp.json");
    }

    /** The 202 body of {@code POST /servers}: id, links, disk config, security groups, {@code adminPass}. */
    static byte[] createdServerDocument() {
        return resource("server-create-resp.json");
    }

    /** {@code {"version": {...}}} of {@code GET /v2.1}, offering 2.1 to {@value #MICROVERSION}. */
    static byte[] versionDocument() {
        return resource("version-get-resp.json");
    }

    /**
     * The body of {@code POST /v3/auth/tokens}, compact as Keystone writes it: a project-scoped token issued at
     * {@code issuedAt}, valid for an hour, whose catalog points every service at {@code base} (no trailing
     * slash): identity {@code base/v3/}, compute {@code base/v2.1}, image {@code base/image}, placement
     * {@code base/placement}.
     */
    static byte[] tokenDocument(String base, Instant issuedAt) {
        Objects.requireNonNull(base, "base");
        Instant issued = issuedAt.truncatedTo(ChronoUnit.MICROS);
        String text = new String(resource("token-resp.json"), StandardCharsets.UTF_8)
                .replace("${base}", base)
                .replace("${issued_at}", KEYSTONE_TIME.format(issued.atOffset(ZoneOffset.UTC)))
                .replace(
                        "${expires_at}",
                        KEYSTONE_TIME.format(issued.plusSeconds(3600).atOffset(ZoneOffset.UTC)));
        try {
            ObjectMapper mapper = new ObjectMapper();
            return mapper.writeValueAsBytes(mapper.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the token document", e);
        }
    }

    /** The id of the {@code index}-th server of a listing (from 0); the index can be read back from it. */
    static String listedServerId(int index) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", index, index);
    }

    /** The index of a server id made by {@link #listedServerId}, or -1 for any other text. */
    static int listedServerIndex(String id) {
        if (id == null || id.length() != 36 || !id.startsWith("-0000-4000-8000-", 8)) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(0, 8), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static byte[] resource(String name) {
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
