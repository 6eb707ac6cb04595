package dev.novasdk.compute.usage;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Samples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of nova's {@code os-simple-tenant-usage/} api-samples reads into {@link TenantUsage} with
 * nothing lost.
 */
class UsageSamplesConformanceTest {
    static Stream<String> samples() {
        return Samples.list("compute/os-simple-tenant-usage", 7).stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        String key = resource.contains("specific") ? "tenant_usage" : "tenant_usages";
        assertFalse(
                DocumentConformance.check(resource, key, TenantUsage.class, Map.of("server_usages", ServerUsage.class))
                        .isEmpty());
    }
}
