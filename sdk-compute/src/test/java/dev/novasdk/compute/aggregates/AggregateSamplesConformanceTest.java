package dev.novasdk.compute.aggregates;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Samples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response of nova's {@code os-aggregates/} api-samples reads into {@link Aggregate} with nothing lost;
 * the request samples are produced by {@link AggregateManagerTest}.
 */
class AggregateSamplesConformanceTest {
    static Stream<String> samples() {
        return Samples.list("compute/os-aggregates", 37).stream().filter(r -> !r.endsWith("-req.json"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        String key = resource.contains("aggregates-list") ? "aggregates" : "aggregate";
        assertFalse(DocumentConformance.check(resource, key, Aggregate.class, Map.of())
                .isEmpty());
    }
}
