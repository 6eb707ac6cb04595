package dev.novasdk.compute.migrations;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.Samples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document of nova's {@code os-migrations/} api-samples reads into {@link Migration} with nothing lost. */
class MigrationSamplesConformanceTest {
    static Stream<String> samples() {
        return Samples.list("compute/os-migrations", 17).stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        assertFalse(DocumentConformance.check(resource, "migrations", Migration.class, Map.of("links", Link.class))
                .isEmpty());
    }
}
