package dev.novasdk.compute.services;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Samples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response of nova's {@code os-services/} api-samples reads into {@link Service} with nothing lost; the
 * request samples are produced by {@link ServiceManagerTest}.
 */
class ServiceSamplesConformanceTest {
    static Stream<String> samples() {
        return Samples.list("compute/os-services", 26).stream().filter(r -> !r.endsWith("-req.json"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        String key = resource.contains("services-list") ? "services" : "service";
        assertFalse(DocumentConformance.check(resource, key, Service.class, Map.of())
                .isEmpty());
    }
}
