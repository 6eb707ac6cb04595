package dev.novasdk.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.FlavorListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link Flavor} reads nova's flavor documents across microversions, swap above all. */
class FlavorDeserializationTest {
    private final ObjectMapper mapper = JsonCodec.defaultMapper();
    private final JsonCodec codec = JsonCodec.of(mapper);

    private Flavor read(String json) {
        return codec.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Flavor.class);
    }

    @Test
    void swap_emptyStringBelow275_readsZero() {
        Flavor flavor =
                codec.readEnveloped(Samples.bytes("compute/flavors/flavor-get-resp.json"), "flavor", Flavor.class);

        assertEquals(Optional.of(0), flavor.swapMb());
    }

    @Test
    void swap_integerZeroFrom275_readsZero() {
        Flavor flavor = codec.readEnveloped(
                Samples.bytes("compute/flavors/v2.75/flavor-get-resp.json"), "flavor", Flavor.class);

        assertEquals(Optional.of(0), flavor.swapMb());
    }

    @Test
    void swap_sizes_readAsMebibytes() {
        assertEquals(
                Optional.of(1024),
                read("{'id': '1', 'name': 'f', 'swap': 1024}").swapMb());
        assertEquals(
                Optional.of(512),
                read("{'id': '1', 'name': 'f', 'swap': '512'}").swapMb());
    }

    @Test
    void swap_nullOrAbsent_isEmpty() {
        assertEquals(
                Optional.empty(), read("{'id': '1', 'name': 'f', 'swap': null}").swapMb());
        assertEquals(Optional.empty(), read("{'id': '1', 'name': 'f'}").swapMb());
    }

    @Test
    void swap_notANumber_failsToParse() {
        assertThrows(UncheckedIOException.class, () -> read("{'id': '1', 'name': 'f', 'swap': 'lots'}"));
    }

    @Test
    void swap_zero_writtenAsInteger() {
        Flavor flavor = read("{'id': '1', 'name': 'f', 'swap': ''}");

        assertEquals(0, mapper.valueToTree(flavor).get("swap").intValue());
    }

    @Test
    void read_plainListEntry_hasNoSizes() {
        FlavorListDocument page =
                codec.read(Samples.bytes("compute/flavors/flavors-list-resp.json"), FlavorListDocument.class);

        Flavor tiny = page.flavors().get(0);
        assertEquals("1", tiny.id());
        assertEquals("m1.tiny", tiny.name());
        assertEquals(Optional.empty(), tiny.ram());
        assertEquals(Optional.empty(), tiny.swapMb());
        assertEquals(
                Optional.of("http://openstack.example.com/v2/6f70656e737461636b20342065766572/flavors/1"),
                Link.href(tiny.links(), "self"));
    }

    @Test
    void read_detail_readsEveryExtension() {
        Flavor flavor = codec.readEnveloped(
                Samples.bytes("compute/flavors/v2.75/flavor-get-resp.json"), "flavor", Flavor.class);

        assertEquals(Optional.of(2048), flavor.ram());
        assertEquals(Optional.of(1), flavor.vcpus());
        assertEquals(Optional.of(20), flavor.disk());
        assertEquals(Optional.of(0), flavor.ephemeralGb());
        assertEquals(Optional.of(1.0), flavor.rxtxFactor());
        assertEquals(Optional.of(true), flavor.isPublic());
        assertEquals(Optional.of(false), flavor.disabled());
        assertEquals(Optional.of("test description"), flavor.description());
        assertEquals(Map.of("hw:cpu_policy", "shared", "hw:numa_nodes", "1"), flavor.extraSpecs());
    }

    @Test
    void read_from2102_hasNoRxtxFactorOrDisabled() {
        Flavor flavor = codec.readEnveloped(
                Samples.bytes("compute/flavors/v2.102/flavor-get-resp.json"), "flavor", Flavor.class);

        assertEquals(Optional.empty(), flavor.rxtxFactor());
        assertEquals(Optional.empty(), flavor.disabled());
    }

    @Test
    void nextHref_pageWithNextLink_isTheLinksHref() {
        FlavorListDocument page = codec.read(
                ("{'flavors': [], 'flavors_links': [{'rel': 'next', 'href': "
                                + "'https://nova/v2.1/flavors/detail?marker=7'}]}")
                        .replace('\'', '"')
                        .getBytes(StandardCharsets.UTF_8),
                FlavorListDocument.class);

        assertEquals(Optional.of("https://nova/v2.1/flavors/detail?marker=7"), page.nextHref());
    }
}
