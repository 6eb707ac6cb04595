package dev.novasdk.compute.images;

import static dev.novasdk.compute.ToBuilderChecks.assertToBuilder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.Samples;
import dev.novasdk.compute.SortDirection;
import dev.novasdk.core.json.JsonCodec;
import org.junit.jupiter.api.Test;

/** Images and image list options copy themselves with {@code toBuilder()}. */
class ImageToBuilderTest {
    @Test
    void image_fullGlanceDocument_copiesAndStaysIndependent() {
        Image full = JsonCodec.create().read(Samples.bytes("image/v2/image-show-response.json"), Image.class);
        assertTrue(full.checksum().isPresent() && full.hashValue().isPresent());
        assertToBuilder(full, Image::toBuilder, Image.Builder::build, b -> b.status(ImageStatus.DEACTIVATED));
        assertToBuilder(full, Image::toBuilder, Image.Builder::build, b -> b.putProperties("os_distro", "other"));
    }

    @Test
    void imageListOptions_copyAndStayIndependent() {
        ImageListOptions options = ImageListOptions.builder()
                .name("cirros")
                .status(ImageStatus.ACTIVE)
                .visibility(ImageVisibility.SHARED)
                .owner("p1")
                .addTags("small")
                .addSort("name", SortDirection.ASC)
                .limit(3)
                .marker("m")
                .build();
        assertToBuilder(options, ImageListOptions::toBuilder, ImageListOptions.Builder::build, b -> b.owner("p2"));
    }
}
