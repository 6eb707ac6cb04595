package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The api-sample fixtures under {@code src/test/resources} (see SOURCES.md there) and the comparison the
 * conformance tests make between a sample and the JSON a model writes back.
 */
public final class Samples {
    private Samples() {}

    /**
     * The resource paths of the {@code .json} files under {@code dir} (a resource directory such as
     * {@code compute/servers}), sorted; fails when there are fewer than {@code atLeast}, so a lost fixture
     * directory cannot make a conformance test pass vacuously.
     */
    public static List<String> list(String dir, int atLeast) {
        URL url = Samples.class.getClassLoader().getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no test resource directory " + dir);
        }
        try {
            Path root = Paths.get(url.toURI());
            Path base = root.getParent();
            for (int i = 1; i < Paths.get(dir).getNameCount(); i++) {
                base = base.getParent();
            }
            Path resourceRoot = base;
            try (Stream<Path> files = Files.walk(root)) {
                List<String> found = files.filter(p -> p.toString().endsWith(".json"))
                        .map(p -> resourceRoot.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .collect(Collectors.toList());
                if (found.size() < atLeast) {
                    throw new IllegalStateException(
                            "expected at least " + atLeast + " samples under " + dir + ", found " + found.size());
                }
                return found;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a resource. */
    public static byte[] bytes(String resource) {
        try (var in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource as a JSON tree. */
    public static JsonNode tree(ObjectMapper mapper, String resource) {
        try {
            return mapper.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON bytes (a sample, or what the codec wrote) as a tree, for order-insensitive comparison. */
    public static JsonNode tree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON tree written with single quotes for readability: {@code json("{'name': 'n'}")}. */
    public static JsonNode json(String singleQuoted) {
        return tree(singleQuoted.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Asserts that {@code written} (a model written back as JSON) holds every value of {@code sample}:
     * objects member by member, arrays element by element, strings equal or, when both are timestamps, the
     * same instant (nova writes {@code ...Z} and zone-less times), numbers by value. A {@code null} in the
     * sample may be absent or an empty collection in {@code written}, which may add nothing but empty
     * collections (the models never return null ones).
     */
    public static void assertHoldsEverything(ObjectMapper mapper, JsonNode sample, JsonNode written, String where) {
        compare(mapper, sample, written, where);
    }

    private static void compare(ObjectMapper mapper, JsonNode expected, JsonNode actual, String path) {
        if (expected.isNull()) {
            assertTrue(
                    actual == null
                            || actual.isMissingNode()
                            || actual.isNull()
                            || (actual.isContainerNode() && actual.isEmpty()),
                    path + ": null in the sample but " + actual + " written");
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            fail(path + ": " + expected + " in the sample but nothing written");
        }
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + ": expected an object, written " + actual);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(mapper, e.getValue(), actual.path(e.getKey()), path + "." + e.getKey());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!expected.has(e.getKey())) {
                    assertTrue(
                            e.getValue().isContainerNode() && e.getValue().isEmpty(),
                            path + "." + e.getKey() + ": written (" + e.getValue() + ") but not in the sample");
                }
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": expected an array, written " + actual);
            assertEquals(expected.size(), actual.size(), path + ": array length");
            for (int i = 0; i < expected.size(); i++) {
                compare(mapper, expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": expected a number, written " + actual);
            assertEquals(
                    0,
                    expected.decimalValue().compareTo(actual.decimalValue()),
                    path + ": " + expected + " vs " + actual);
        } else if (expected.isTextual()
                && actual.isTextual()
                && !expected.asText().equals(actual.asText())) {
            assertEquals(
                    instant(mapper, expected.asText(), path),
                    instant(mapper, actual.asText(), path),
                    path + ": " + expected + " vs " + actual);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static Instant instant(ObjectMapper mapper, String text, String path) {
        try {
            return mapper.convertValue(new TextNode(text), Instant.class);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(path + ": '" + text + "' differs and is not a timestamp", e);
        }
    }
}
