package dev.novasdk.compute.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.ImageListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link Image} reads glance's and nova's image documents into the same accessors. */
class ImageDeserializationTest {
    private final ObjectMapper mapper = JsonCodec.defaultMapper();
    private final JsonCodec codec = JsonCodec.of(mapper);

    private Image read(String json) {
        return codec.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Image.class);
    }

    @Test
    void read_glanceDocument_readsStandardFields() {
        Image image = codec.read(Samples.bytes("image/v2/image-show-response.json"), Image.class);

        assertEquals("1bea47ed-f6a9-463b-b423-14b9cca9ad27", image.id());
        assertEquals(Optional.of("cirros-0.3.2-x86_64-disk"), image.name());
        assertEquals(ImageStatus.ACTIVE, image.status());
        assertEquals(Optional.of(ImageVisibility.PUBLIC), image.visibility());
        assertEquals(Optional.of(0), image.minDisk());
        assertEquals(Optional.of(0), image.minRam());
        assertEquals(Optional.of(13167616L), image.size());
        assertEquals(Optional.empty(), image.virtualSize());
        assertEquals(Optional.of(Instant.parse("2014-05-05T17:15:10Z")), image.createdAt());
        assertEquals(Optional.of("qcow2"), image.diskFormat());
        assertEquals(Optional.of("bare"), image.containerFormat());
        assertEquals(Optional.of(false), image.isProtected());
        assertEquals(Optional.of(false), image.hidden());
        assertEquals(Optional.of("sha512"), image.hashAlgo());
        assertEquals(Optional.of("/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27/file"), image.file());
        assertEquals(Map.of(), image.properties());
    }

    @Test
    void properties_glanceCustomTopLevelKeys_landInProperties() {
        Image image = read("{'id': 'i1', 'status': 'active', 'min_disk': 1, 'hw_disk_bus': 'scsi',"
                + " 'os_distro': 'ubuntu', 'kernel_id': null, 'hw_numa_nodes': 2, 'os_glance_failed_import': '',"
                + " 'locations': [], 'self': '/v2/images/i1'}");

        assertEquals(
                Map.of(
                        "hw_disk_bus",
                        "scsi",
                        "os_distro",
                        "ubuntu",
                        "hw_numa_nodes",
                        "2",
                        "os_glance_failed_import",
                        ""),
                image.properties());
        assertEquals(Optional.of(1), image.minDisk());
        assertEquals(Optional.of("/v2/images/i1"), image.self());
    }

    @Test
    void properties_written_asTopLevelKeysAndReadBack() {
        Image image = Image.builder()
                .id("i1")
                .status(ImageStatus.ACTIVE)
                .putProperties("hw_disk_bus", "scsi")
                .build();

        JsonNode json = mapper.valueToTree(image);

        assertEquals("scsi", json.get("hw_disk_bus").asText());
        assertEquals("active", json.get("status").asText());
        assertFalse(json.has("properties"));
        assertEquals(image, mapper.convertValue(json, Image.class));
    }

    @Test
    void read_novaProxyDocument_readsIntoGlanceAccessors() {
        Image image = codec.readEnveloped(Samples.bytes("compute/images/image-get-resp.json"), "image", Image.class);

        assertEquals(Optional.of("fakeimage7"), image.name());
        assertEquals(ImageStatus.ACTIVE, image.status());
        assertEquals(Optional.of("ACTIVE"), image.statusRaw());
        assertEquals(Optional.of(0), image.minDisk());
        assertEquals(Optional.of(0), image.minRam());
        assertEquals(Optional.of(74185822L), image.size());
        assertEquals(Optional.of(100), image.progress());
        assertEquals(Optional.of(Instant.parse("2011-01-01T01:02:03Z")), image.createdAt());
        assertEquals(Optional.of(Instant.parse("2011-01-01T01:02:03Z")), image.updatedAt());
        assertEquals(Optional.empty(), image.visibility());
        assertEquals(
                Optional.of("http://glance.openstack.example.com/images/70a599e0-31e7-49b7-b260-868f441e862b"),
                Link.href(image.links(), "alternate"));
    }

    @Test
    void properties_novaProxyMetadata_landInProperties() {
        Image image = codec.readEnveloped(Samples.bytes("compute/images/image-get-resp.json"), "image", Image.class);

        assertEquals(
                Map.of(
                        "architecture",
                        "x86_64",
                        "auto_disk_config",
                        "True",
                        "kernel_id",
                        "nokernel",
                        "ramdisk_id",
                        "nokernel"),
                image.properties());
    }

    @Test
    void properties_novaProxyUnknownKeys_areNotProperties() {
        Image image = read("{'id': 'i1', 'status': 'SAVING', 'progress': 25, 'minRam': 0, 'metadata': {'a': 'b'},"
                + " 'server': {'id': 's1'}, 'OS-DCF:diskConfig': 'AUTO'}");

        assertEquals(Map.of("a", "b"), image.properties());
        assertEquals(ImageStatus.SAVING, image.status());
        assertEquals(Optional.of(25), image.progress());
    }

    @Test
    void status_novaUpperCaseAndGlanceLowerCase_readSameMember() {
        assertEquals(
                ImageStatus.DELETED, read("{'id': 'i1', 'status': 'DELETED'}").status());
        assertEquals(
                ImageStatus.DELETED, read("{'id': 'i1', 'status': 'deleted'}").status());
        assertEquals(ImageStatus.ERROR, read("{'id': 'i1', 'status': 'ERROR'}").status());
        assertEquals(
                ImageStatus.PENDING_DELETE,
                read("{'id': 'i1', 'status': 'pending_delete'}").status());
    }

    @Test
    void status_unknownValue_readsUnknownAndKeepsRaw() {
        Image image = read("{'id': 'i1', 'status': 'reticulating', 'visibility': 'galactic'}");

        assertEquals(ImageStatus.UNKNOWN, image.status());
        assertEquals(Optional.of("reticulating"), image.statusRaw());
        assertEquals(Optional.of(ImageVisibility.UNKNOWN), image.visibility());
        assertEquals(Optional.of("galactic"), image.visibilityRaw());
    }

    @Test
    void read_glanceNulls_areEmpty() {
        Image image = codec.read(Samples.bytes("image/v2/image-create-response.json"), Image.class);

        assertEquals(ImageStatus.QUEUED, image.status());
        assertEquals(Optional.empty(), image.size());
        assertEquals(Optional.empty(), image.checksum());
        assertEquals(Optional.empty(), image.hashAlgo());
        assertEquals(Map.of(), image.properties());
    }

    @Test
    void read_tags_readInOrder() {
        Image image = codec.read(Samples.bytes("image/v2/image-update-response.json"), Image.class);

        assertEquals(List.of("beefy", "fedora"), image.tags());
        assertEquals(Optional.of(ImageVisibility.PRIVATE), image.visibility());
    }

    @Test
    void read_withoutId_fails() {
        assertThrows(UncheckedIOException.class, () -> read("{'name': 'no id'}"));
        assertThrows(UncheckedIOException.class, () -> read("['not', 'an', 'object']"));
    }

    @Test
    void nextHref_glancePage_isRelativeNext() {
        ImageListDocument page = codec.read(
                "{\"images\": [], \"next\": \"/v2/images?marker=abc\"}".getBytes(StandardCharsets.UTF_8),
                ImageListDocument.class);

        assertEquals(Optional.of("/v2/images?marker=abc"), page.nextHref());
    }

    @Test
    void nextHref_novaPage_isNextLink() {
        ImageListDocument page = codec.read(
                ("{'images': [], 'images_links': [{'rel': 'next',"
                                + " 'href': 'https://nova/v2.1/images?marker=abc'}]}")
                        .replace('\'', '"')
                        .getBytes(StandardCharsets.UTF_8),
                ImageListDocument.class);

        assertEquals(Optional.of("https://nova/v2.1/images?marker=abc"), page.nextHref());
    }

    @Test
    void nextHref_lastPage_isEmpty() {
        ImageListDocument page =
                codec.read(Samples.bytes("image/v2/images-list-response.json"), ImageListDocument.class);

        assertEquals(2, page.images().size());
        assertEquals(Optional.empty(), page.nextHref());
    }
}
