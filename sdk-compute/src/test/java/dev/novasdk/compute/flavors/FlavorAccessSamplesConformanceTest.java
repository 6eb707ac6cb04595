package dev.novasdk.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Samples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response of nova's {@code flavor-access/} api-samples reads into {@link FlavorAccess} with nothing
 * lost; the request samples are produced by {@link FlavorOperatorTest}.
 */
class FlavorAccessSamplesConformanceTest {
    static Stream<String> samples() {
        return Samples.list("compute/flavor-access", 8).stream().filter(r -> r.endsWith("-resp.json"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        int expected = resource.contains("remove") ? 0 : 1;
        assertEquals(
                expected,
                DocumentConformance.check(resource, "flavor_access", FlavorAccess.class, Map.of())
                        .size());
    }
}
