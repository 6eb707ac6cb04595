package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A block device of a server being created ({@code block_device_mapping_v2}): where its data comes from
 * ({@link #sourceType()}), where it lives ({@link #destinationType()}), and how the guest sees it. The named
 * factories cover the common cases; the builder covers the rest.
 *
 * <pre>{@code
 * BlockDeviceMappingV2.bootFromVolume(volumeId);
 * BlockDeviceMappingV2.bootFromImageToNewVolume(imageId, 20, true);
 * BlockDeviceMappingV2.swap(512);
 * BlockDeviceMappingV2.builder()
 *     .sourceType(SourceType.BLANK).destinationType(DestinationType.VOLUME).volumeSize(10)
 *     .bootIndex(-1).build();
 * }</pre>
 *
 * <p>There is no default destination: Nova would guess one, and the guess depends on the source.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface BlockDeviceMappingV2 {
    /** Where a block device's data comes from ({@code source_type}). */
    enum SourceType implements ApiEnum {
        /** An image from the image service; needs a uuid. */
        IMAGE("image"),
        /** An existing volume; needs a uuid. */
        VOLUME("volume"),
        /** A volume snapshot, made into a new volume; needs a uuid. */
        SNAPSHOT("snapshot"),
        /** Nothing: an empty volume, ephemeral disk or swap; has no uuid. */
        BLANK("blank");

        private final String value;

        SourceType(String value) {
            this.value = value;
        }

        /** The JSON value. */
        @JsonValue
        @Override
        public String value() {
            return value;
        }
    }

    /** Where a block device lives ({@code destination_type}). */
    enum DestinationType implements ApiEnum {
        /** A disk local to the compute host: ephemeral, swap, or the image boot disk. */
        LOCAL("local"),
        /** A volume of the block storage service. */
        VOLUME("volume");

        private final String value;

        DestinationType(String value) {
            this.value = value;
        }

        /** The JSON value. */
        @JsonValue
        @Override
        public String value() {
            return value;
        }
    }

    /** Where the data comes from; required unless {@link #noDevice()} is set. */
    @JsonProperty("source_type")
    Optional<SourceType> sourceType();

    /** Where the device lives; required unless {@link #noDevice()} is set. */
    @JsonProperty("destination_type")
    Optional<DestinationType> destinationType();

    /** The id of the image, volume or snapshot named by {@link #sourceType()}; none for {@code blank}. */
    @JsonProperty("uuid")
    Optional<String> uuid();

    /**
     * The boot order: 0 is the boot device, further devices count up from 1 without gaps; negative (or
     * absent) means not bootable.
     */
    @JsonProperty("boot_index")
    Optional<Integer> bootIndex();

    /** Whether the volume is deleted with the server; Nova's default is {@code false}. */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

    /** The file system to create, such as {@code ext4}, {@code xfs}, or {@code swap} for a swap disk. */
    @JsonProperty("guest_format")
    Optional<String> guestFormat();

    /**
     * The size: GiB for volumes and ephemeral disks, but MiB for swap (it is compared with the flavor's swap,
     * which is in MiB). Required for a new volume from an image or from nothing.
     */
    @JsonProperty("volume_size")
    Optional<Integer> volumeSize();

    /** The device name in the guest; most hypervisors ignore it (libvirt has since Liberty). */
    @JsonProperty("device_name")
    Optional<String> deviceName();

    /** The bus, such as {@code virtio}, {@code scsi}, {@code ide} or {@code usb}. */
    @JsonProperty("disk_bus")
    Optional<String> diskBus();

    /** The device type, such as {@code disk} or {@code cdrom}. */
    @JsonProperty("device_type")
    Optional<String> deviceType();

    /**
     * The volume type (id or name) of a new volume; microversion 2.67 and later, and only for a new volume
     * ({@code destination_type volume} from an image, snapshot or nothing).
     */
    @JsonProperty("volume_type")
    Optional<String> volumeType();

    /**
     * A device role tag the guest sees in its metadata. Nova accepts it in microversion 2.32 and from 2.42
     * on; a bug made 2.33 to 2.41 reject it.
     */
    @JsonProperty("tag")
    Optional<String> tag();

    /** Suppresses the device {@link #deviceName()} that the image would otherwise map. */
    @JsonProperty("no_device")
    Optional<Boolean> noDevice();

    /**
     * A swap disk of {@code sizeMb} MiB, as novaclient's {@code --swap}: blank, local, not bootable, deleted
     * with the server. Nova rejects it if the flavor allows less swap.
     */
    static BlockDeviceMappingV2 swap(int sizeMb) {
        return builder()
                .sourceType(SourceType.BLANK)
                .destinationType(DestinationType.LOCAL)
                .guestFormat("swap")
                .bootIndex(-1)
                .deleteOnTermination(true)
                .volumeSize(sizeMb)
                .build();
    }

    /**
     * An ephemeral disk of {@code sizeGb} GiB, as novaclient's {@code --ephemeral size=N}: blank, local, not
     * bootable, deleted with the server, formatted by the cloud's default.
     */
    static BlockDeviceMappingV2 ephemeral(int sizeGb) {
        return builder()
                .sourceType(SourceType.BLANK)
                .destinationType(DestinationType.LOCAL)
                .bootIndex(-1)
                .deleteOnTermination(true)
                .volumeSize(sizeGb)
                .build();
    }

    /** An ephemeral disk of {@code sizeGb} GiB with file system {@code guestFormat}, such as {@code ext4}. */
    static BlockDeviceMappingV2 ephemeral(int sizeGb, String guestFormat) {
        return builder()
                .from(ephemeral(sizeGb))
                .guestFormat(Objects.requireNonNull(guestFormat, "guestFormat"))
                .build();
    }

    /**
     * Boots from the existing volume {@code volumeId}, as novaclient's {@code --boot-volume}; the volume is
     * kept when the server is deleted.
     */
    static BlockDeviceMappingV2 bootFromVolume(String volumeId) {
        return builder()
                .sourceType(SourceType.VOLUME)
                .destinationType(DestinationType.VOLUME)
                .uuid(Objects.requireNonNull(volumeId, "volumeId"))
                .bootIndex(0)
                .deleteOnTermination(false)
                .build();
    }

    /**
     * Boots from a new volume made from the volume snapshot {@code snapshotId}, as novaclient's
     * {@code --snapshot}; the volume is the snapshot's size and is kept when the server is deleted.
     */
    static BlockDeviceMappingV2 bootFromSnapshot(String snapshotId) {
        return builder()
                .sourceType(SourceType.SNAPSHOT)
                .destinationType(DestinationType.VOLUME)
                .uuid(Objects.requireNonNull(snapshotId, "snapshotId"))
                .bootIndex(0)
                .deleteOnTermination(false)
                .build();
    }

    /**
     * Boots from a new {@code sizeGb} GiB volume holding image {@code imageId} ("boot from volume" without
     * an existing volume). Do not set an image on the server as well: the volume is the boot source.
     */
    static BlockDeviceMappingV2 bootFromImageToNewVolume(String imageId, int sizeGb, boolean deleteOnTermination) {
        return builder()
                .sourceType(SourceType.IMAGE)
                .destinationType(DestinationType.VOLUME)
                .uuid(Objects.requireNonNull(imageId, "imageId"))
                .bootIndex(0)
                .volumeSize(sizeGb)
                .deleteOnTermination(deleteOnTermination)
                .build();
    }

    /** Attaches the existing volume {@code volumeId} as a data disk, not bootable, kept when the server is deleted. */
    static BlockDeviceMappingV2 attachVolume(String volumeId) {
        return builder()
                .sourceType(SourceType.VOLUME)
                .destinationType(DestinationType.VOLUME)
                .uuid(Objects.requireNonNull(volumeId, "volumeId"))
                .deleteOnTermination(false)
                .build();
    }

    /** Attaches a new, empty {@code sizeGb} GiB volume as a data disk, not bootable. */
    static BlockDeviceMappingV2 blankVolume(int sizeGb, boolean deleteOnTermination) {
        return builder()
                .sourceType(SourceType.BLANK)
                .destinationType(DestinationType.VOLUME)
                .volumeSize(sizeGb)
                .deleteOnTermination(deleteOnTermination)
                .build();
    }

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

    /**
     * Checks the rules Nova applies to one mapping before looking anything up (block_device.py from_api,
     * compute/api.py _validate_bdm, the API reference): a source and a destination, a uuid exactly when the
     * source is not blank, volumes and snapshots only as volumes, sizes where a new volume needs one, swap
     * only as a local blank disk, volume types only for new volumes, and the schema's string limits.
     */
    @Value.Check
    default void check() {
        String f = "block_device_mapping_v2[].";
        uuid().ifPresent(u -> RequestRules.bdmUuid(f + "uuid", u));
        deviceName().ifPresent(d -> RequestRules.deviceName(f + "device_name", d));
        guestFormat().ifPresent(g -> RequestRules.maxLength(f + "guest_format", g, RequestRules.MAX_STRING));
        diskBus().ifPresent(d -> RequestRules.maxLength(f + "disk_bus", d, RequestRules.MAX_STRING));
        deviceType().ifPresent(d -> RequestRules.maxLength(f + "device_type", d, RequestRules.MAX_STRING));
        volumeType().ifPresent(v -> RequestRules.maxLength(f + "volume_type", v, RequestRules.MAX_STRING));
        tag().ifPresent(t -> RequestRules.tag(f + "tag", t));
        volumeSize().ifPresent(size -> {
            if (size < 1) {
                throw RequestRules.invalid(f + "volume_size", "must be at least 1, got " + size);
            }
        });
        if (noDevice().orElse(false)) {
            return;
        }
        SourceType source = sourceType()
                .orElseThrow(() -> RequestRules.invalid(f + "source_type", "is required unless no_device is true"));
        DestinationType destination = destinationType()
                .orElseThrow(() -> RequestRules.invalid(
                        f + "destination_type", "is required (local or volume); the SDK does not guess one"));
        if (source == SourceType.BLANK && uuid().isPresent()) {
            throw RequestRules.invalid(f + "uuid", "must not be set when source_type is blank");
        }
        if (source != SourceType.BLANK && uuid().isEmpty()) {
            throw RequestRules.invalid(f + "uuid", "is required when source_type is " + source.value());
        }
        if ((source == SourceType.VOLUME || source == SourceType.SNAPSHOT) && destination != DestinationType.VOLUME) {
            throw RequestRules.invalid(f + "destination_type", "must be volume when source_type is " + source.value());
        }
        if (destination == DestinationType.VOLUME
                && (source == SourceType.IMAGE || source == SourceType.BLANK)
                && volumeSize().isEmpty()) {
            throw RequestRules.invalid(
                    f + "volume_size", "is required for a new volume from source_type " + source.value());
        }
        if (guestFormat().filter("swap"::equals).isPresent()
                && (source != SourceType.BLANK || destination != DestinationType.LOCAL)) {
            throw RequestRules.invalid(f + "guest_format", "swap needs source_type blank and destination_type local");
        }
        if (volumeType().isPresent() && (destination != DestinationType.VOLUME || source == SourceType.VOLUME)) {
            throw RequestRules.invalid(
                    f + "volume_type",
                    "applies only to a new volume (destination_type volume, "
                            + "source_type image, snapshot or blank)");
        }
    }

    /** Builder of {@link BlockDeviceMappingV2}. */
    final class Builder extends ImmutableBlockDeviceMappingV2.Builder {}
}
