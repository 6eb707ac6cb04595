package dev.novasdk.compute.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.images.Image;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of an image listing, from glance ({@code {"images": [...], "next": "/v2/images?marker=..."}}) or
 * from nova's proxy ({@code {"images": [...], "images_links": [...]}}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableImageListDocument.class)
@JsonDeserialize(as = ImmutableImageListDocument.class)
public interface ImageListDocument {
    List<Image> images();

    /** Nova's paging links. */
    @JsonProperty("images_links")
    List<Link> imagesLinks();

    /** Glance's next page: a path relative to the image endpoint's root, such as {@code /v2/images?marker=...}. */
    Optional<String> next();

    /**
     * Where the next page is: glance's {@code next} as sent (relative), or the {@code href} of nova's
     * {@code rel="next"} link (absolute).
     */
    @Value.Lazy
    @JsonIgnore
    default Optional<String> nextHref() {
        return next().or(() -> Link.href(imagesLinks(), "next"));
    }
}
