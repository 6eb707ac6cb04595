package dev.novasdk.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders that never read the real environment or home directory, and the sample files. */
final class TestClouds {
    /** The lab's admin openrc. */
    static final Map<String, String> LAB_OPENRC = Map.of(
            "OS_AUTH_URL", "http://127.0.0.1:5000/v3",
            "OS_USERNAME", "admin",
            "OS_PASSWORD", "lab-admin-pw",
            "OS_PROJECT_NAME", "admin",
            "OS_USER_DOMAIN_NAME", "Default",
            "OS_PROJECT_DOMAIN_NAME", "Default",
            "OS_REGION_NAME", "RegionOne",
            "OS_IDENTITY_API_VERSION", "3",
            "OS_INTERFACE", "public");

    private TestClouds() {}

    /** A builder reading only {@code env} and searching only {@code dir}. */
    static CloudConfig.Builder builder(Map<String, String> env, Path dir) {
        return CloudConfig.builder().environment(env).searchPaths(List.of(dir));
    }

    /** {@code base} plus {@code key=value} pairs. */
    static Map<String, String> env(Map<String, String> base, String... pairs) {
        Map<String, String> out = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static Map<String, String> env(String... pairs) {
        return env(Map.of(), pairs);
    }

    /** Copies the sample {@code clouds.yaml} and {@code secure.yaml} (src/test/resources/cloudconfig) to {@code dir}. */
    static void copySamples(Path dir) {
        copy("clouds.yaml", dir);
        copy("secure.yaml", dir);
    }

    static Path copy(String sample, Path dir) {
        try (InputStream in = TestClouds.class.getResourceAsStream("/cloudconfig/" + sample)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cloudconfig/" + sample);
            }
            Path target = dir.resolve(sample);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
