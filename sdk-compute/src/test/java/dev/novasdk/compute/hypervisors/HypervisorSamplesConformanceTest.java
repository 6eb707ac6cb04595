package dev.novasdk.compute.hypervisors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.DocumentConformance;
import dev.novasdk.compute.Samples;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of nova's {@code os-hypervisors/} api-samples (all microversions; fixtures listed in
 * src/test/resources/SOURCES.md) reads into {@link Hypervisor} or {@link HypervisorStatistics} with nothing lost.
 */
class HypervisorSamplesConformanceTest {
    private static final Map<String, Class<?>> NESTED =
            Map.of("service", HypervisorService.class, "servers", HypervisorServer.class);

    static Stream<String> samples() {
        return Samples.list("compute/os-hypervisors", 35).stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void read_apiSample_holdsEverything(String resource) {
        var doc = Samples.tree(DocumentConformance.MAPPER, resource);
        String key = doc.fieldNames().next();
        if (key.equals("hypervisor_statistics")) {
            assertEquals(
                    1,
                    DocumentConformance.check(resource, key, HypervisorStatistics.class, NESTED)
                            .size());
        } else {
            List<Hypervisor> read = DocumentConformance.check(resource, key, Hypervisor.class, NESTED);
            assertFalse(read.isEmpty(), resource);
        }
    }

    @Test
    void cpuInfo_textBefore228AndObjectAfter_readAlike() {
        Hypervisor text = DocumentConformance.check(
                        "compute/os-hypervisors/hypervisors-show-resp.json", "hypervisor", Hypervisor.class, NESTED)
                .get(0);
        Hypervisor object = DocumentConformance.check(
                        "compute/os-hypervisors/v2.28/hypervisors-show-resp.json",
                        "hypervisor",
                        Hypervisor.class,
                        NESTED)
                .get(0);
        assertEquals("x86_64", text.cpuInfo().get("arch"));
        assertEquals(text.cpuInfo(), object.cpuInfo());
        assertEquals("1", text.id());
    }
}
