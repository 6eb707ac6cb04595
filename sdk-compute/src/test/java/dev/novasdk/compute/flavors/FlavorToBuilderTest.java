package dev.novasdk.compute.flavors;

import static dev.novasdk.compute.ToBuilderChecks.assertToBuilder;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novasdk.compute.Samples;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.core.json.JsonCodec;
import org.junit.jupiter.api.Test;

/** Flavors, flavor creations and flavor list options copy themselves with {@code toBuilder()}. */
class FlavorToBuilderTest {
    @Test
    void flavor_fullDocument_copiesAndStaysIndependent() {
        Flavor full = JsonCodec.create()
                .readEnveloped(Samples.bytes("compute/flavors/v2.75/flavor-get-resp.json"), "flavor", Flavor.class);
        assertFalse(full.links().isEmpty());
        assertToBuilder(full, Flavor::toBuilder, Flavor.Builder::build, b -> b.putExtraSpecs("hw:cpu_policy", "x"));
    }

    @Test
    void flavorCreate_copiesAndStaysIndependent() {
        FlavorCreate create = FlavorCreate.builder()
                .name("m1.small")
                .ram(2048)
                .vcpus(1)
                .disk(20)
                .id("42")
                .ephemeralGb(5)
                .swapMb(512)
                .rxtxFactor(1.5)
                .isPublic(false)
                .description("small")
                .build();
        assertToBuilder(create, FlavorCreate::toBuilder, FlavorCreate.Builder::build, b -> b.ram(4096));
    }

    @Test
    void flavorListOptions_copyAndStayIndependent() {
        FlavorListOptions options = FlavorListOptions.builder()
                .detail(false)
                .visibility(FlavorListOptions.Visibility.ALL)
                .minDisk(1)
                .minRam(512)
                .sortKey("name")
                .sortDir(SortDirection.DESC)
                .limit(5)
                .marker("m")
                .build();
        assertToBuilder(
                options,
                FlavorListOptions::toBuilder,
                FlavorListOptions.Builder::build,
                b -> b.sortDir(SortDirection.ASC));
    }
}
