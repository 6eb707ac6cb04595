package dev.novasdk.compute.images;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An image, read from either of the two documents that describe one: glance's v2 image
 * ({@code min_disk}, {@code created_at}, custom properties as top-level keys) and nova's {@code /images}
 * proxy ({@code minDisk}, {@code created}, {@code OS-EXT-IMG-SIZE:size}, properties under {@code metadata},
 * upper-case status). Both land in the same accessors; fields only one of them sends are optional.
 *
 * <p>Written as JSON, an image takes glance's shape, with {@link #properties()} as top-level keys and nova's
 * {@link #progress()} and {@link #links()} under their nova names. Not modelled: glance's {@code locations}
 * (admin only), and nova's {@code server} (a snapshot's instance, also in the {@code instance_uuid} property)
 * and {@code OS-DCF:diskConfig} (derived from the {@code auto_disk_config} property).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableImage.class)
@JsonDeserialize(using = ImageDeserializer.class)
public interface Image {
    /** The image id. */
    String id();

    /** The name; glance allows images without one. */
    Optional<String> name();

    /** The status exactly as sent: lower case from glance, upper case from nova's proxy. */
    @JsonProperty("status")
    Optional<String> statusRaw();

    /** The status; {@link ImageStatus#UNKNOWN} for a value this SDK does not know, or none. */
    @Value.Lazy
    @JsonIgnore
    default ImageStatus status() {
        return ImageStatus.fromValue(statusRaw().orElse(null));
    }

    /** The visibility exactly as glance sent it; nova's proxy does not send one. */
    @JsonProperty("visibility")
    Optional<String> visibilityRaw();

    /** The visibility; {@link ImageVisibility#UNKNOWN} for a value this SDK does not know. */
    @Value.Lazy
    @JsonIgnore
    default Optional<ImageVisibility> visibility() {
        return visibilityRaw().map(ImageVisibility::fromValue);
    }

    /** The smallest root disk, in GiB, a server booted from the image needs (glance {@code min_disk}, nova {@code minDisk}). */
    @JsonProperty("min_disk")
    Optional<Integer> minDisk();

    /** The least memory, in MiB, a server booted from the image needs (glance {@code min_ram}, nova {@code minRam}). */
    @JsonProperty("min_ram")
    Optional<Integer> minRam();

    /** The size of the image data in bytes (glance {@code size}, nova {@code OS-EXT-IMG-SIZE:size}); absent until uploaded. */
    Optional<Long> size();

    /** The size of the virtual disk in bytes, when glance knows it. */
    @JsonProperty("virtual_size")
    Optional<Long> virtualSize();

    /** When the image was created (glance {@code created_at}, nova {@code created}). */
    @JsonProperty("created_at")
    Optional<Instant> createdAt();

    /** When the image was last changed (glance {@code updated_at}, nova {@code updated}). */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** The MD5 of the image data (glance). */
    Optional<String> checksum();

    /** The algorithm of {@link #hashValue()}, such as {@code sha512} (glance 2.7+). */
    @JsonProperty("os_hash_algo")
    Optional<String> hashAlgo();

    /** The secure hash of the image data (glance 2.7+). */
    @JsonProperty("os_hash_value")
    Optional<String> hashValue();

    /** The disk format, such as {@code qcow2} or {@code raw} (glance). */
    @JsonProperty("disk_format")
    Optional<String> diskFormat();

    /** The container format, such as {@code bare} (glance). */
    @JsonProperty("container_format")
    Optional<String> containerFormat();

    /** The owning project (glance). */
    Optional<String> owner();

    /** Whether the image is protected from deletion (glance {@code protected}). */
    @JsonProperty("protected")
    Optional<Boolean> isProtected();

    /** Whether the image is hidden from default listings (glance {@code os_hidden}, 2.7+). */
    @JsonProperty("os_hidden")
    Optional<Boolean> hidden();

    /** The image's tags (glance). */
    List<String> tags();

    /** The location of the data in the backing store, when the cloud exposes it (glance). */
    @JsonProperty("direct_url")
    Optional<String> directUrl();

    /** The path of the image in glance's API ({@code /v2/images/<id>}). */
    Optional<String> self();

    /** The path of the image data in glance's API ({@code /v2/images/<id>/file}). */
    Optional<String> file();

    /** The path of the JSON schema of the document ({@code /v2/schemas/image}). */
    Optional<String> schema();

    /** Snapshot progress in percent (nova's proxy only). */
    Optional<Integer> progress();

    /** Links to the image (nova's proxy only: {@code self}, {@code bookmark}, glance {@code alternate}). */
    List<Link> links();

    /**
     * The image properties: every top-level key of a glance document that is not one of the fields above
     * (such as {@code hw_disk_bus}, {@code os_distro} or {@code architecture}), or the {@code metadata} of a
     * nova proxy document. Properties glance sends as {@code null} are left out; values that are not strings
     * keep their JSON text. Glance forbids property names that equal its fields, and so should callers
     * building an image: such a property would be written as a second member of the same name.
     */
    @JsonAnyGetter
    Map<String, String> properties();

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Image}. */
    final class Builder extends ImmutableImage.Builder {
        /** Sets the status from the enum; {@link Image#statusRaw()} gets glance's spelling. */
        public Builder status(ImageStatus status) {
            statusRaw(Objects.requireNonNull(status, "status").value());
            return this;
        }

        /** Sets the visibility from the enum; {@link Image#visibilityRaw()} gets its wire value. */
        public Builder visibility(ImageVisibility visibility) {
            visibilityRaw(Objects.requireNonNull(visibility, "visibility").value());
            return this;
        }
    }
}
