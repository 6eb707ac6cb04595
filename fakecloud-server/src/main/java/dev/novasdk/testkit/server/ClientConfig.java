package dev.novasdk.testkit.server;

import dev.novasdk.testkit.FakeCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an OpenStack client needs to reach a running cloud, in the two usual forms: an {@code openrc} of
 * {@code OS_*} exports per user and a {@code clouds.yaml} with one cloud per user ({@code fakecloud} for
 * the admin, {@code fakecloud-demo} for demo), the same shapes as the lab's {@code start.sh} writes.
 */
final class ClientConfig {
    static final String CLOUD_NAME = "fakecloud";

    private final FakeCloud cloud;
    private final List<String> users = new ArrayList<>();

    ClientConfig(FakeCloud cloud) {
        this.cloud = cloud;
        users.add(cloud.username());
        // the lab's second user, when the seed has one
        if (!cloud.username().equals("demo") && hasUser(cloud, "demo")) {
            users.add("demo");
        }
    }

    private static boolean hasUser(FakeCloud cloud, String name) {
        try {
            cloud.osEnvironment(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    List<String> users() {
        return List.copyOf(users);
    }

    /** {@code export OS_...=...} lines for a user, shell-quoted. */
    String openrc(String user) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : cloud.osEnvironment(user).entrySet()) {
            sb.append("export ")
                    .append(e.getKey())
                    .append('=')
                    .append(shellQuote(e.getValue()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** A whole {@code clouds.yaml} document: {@code fakecloud} (the first user) and {@code fakecloud-<user>}. */
    String cloudsYaml() {
        StringBuilder sb = new StringBuilder("clouds:\n");
        for (int i = 0; i < users.size(); i++) {
            sb.append(cloudEntry(i == 0 ? CLOUD_NAME : CLOUD_NAME + "-" + users.get(i), users.get(i)));
        }
        return sb.toString();
    }

    private String cloudEntry(String name, String user) {
        Map<String, String> env = cloud.osEnvironment(user);
        return "  " + name + ":\n"
                + "    auth:\n"
                + "      auth_url: " + yamlQuote(env.get("OS_AUTH_URL")) + "\n"
                + "      username: " + yamlQuote(env.get("OS_USERNAME")) + "\n"
                + "      password: " + yamlQuote(env.get("OS_PASSWORD")) + "\n"
                + "      project_name: " + yamlQuote(env.get("OS_PROJECT_NAME")) + "\n"
                + "      user_domain_name: " + yamlQuote(env.get("OS_USER_DOMAIN_NAME")) + "\n"
                + "      project_domain_name: " + yamlQuote(env.get("OS_PROJECT_DOMAIN_NAME")) + "\n"
                + "    region_name: " + yamlQuote(env.get("OS_REGION_NAME")) + "\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n";
    }

    /** Writes {@code openrc} (first user), {@code openrc-<user>} for the others and {@code clouds.yaml}. */
    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Path file = dir.resolve(i == 0 ? "openrc" : "openrc-" + users.get(i));
            Files.writeString(file, openrc(users.get(i)), StandardCharsets.UTF_8);
            written.add(file);
        }
        Path yaml = dir.resolve("clouds.yaml");
        Files.writeString(yaml, cloudsYaml(), StandardCharsets.UTF_8);
        written.add(yaml);
        return written;
    }

    static String shellQuote(String value) {
        if (value.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A double-quoted YAML scalar: safe for any text. */
    static String yamlQuote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
