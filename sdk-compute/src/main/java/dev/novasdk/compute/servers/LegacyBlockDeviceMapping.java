package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A legacy (v1) block device mapping ({@code block_device_mapping}): a volume or a volume snapshot under a
 * device name. Prefer {@link BlockDeviceMappingV2}; a request cannot mix the two.
 *
 * <pre>{@code
 * LegacyBlockDeviceMapping.ofVolume("vda", volumeId);
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface LegacyBlockDeviceMapping {
    /** The device in the guest, such as {@code vda} or {@code /dev/vdb}. */
    @JsonProperty("device_name")
    String deviceName();

    /** The volume to attach. */
    @JsonProperty("volume_id")
    Optional<String> volumeId();

    /** The volume snapshot to create the volume from. */
    @JsonProperty("snapshot_id")
    Optional<String> snapshotId();

    /** The size in GiB, at least 1. */
    @JsonProperty("volume_size")
    Optional<Integer> volumeSize();

    /** Whether the volume is deleted with the server; Nova's default is {@code false}. */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

    /** Suppresses the device {@link #deviceName()} that the image would otherwise map. */
    @JsonProperty("no_device")
    Optional<Boolean> noDevice();

    /** The volume {@code volumeId} as device {@code deviceName}. */
    static LegacyBlockDeviceMapping ofVolume(String deviceName, String volumeId) {
        return builder()
                .deviceName(Objects.requireNonNull(deviceName, "deviceName"))
                .volumeId(Objects.requireNonNull(volumeId, "volumeId"))
                .build();
    }

    /** A volume made from snapshot {@code snapshotId}, as device {@code deviceName}. */
    static LegacyBlockDeviceMapping ofSnapshot(String deviceName, String snapshotId) {
        return builder()
                .deviceName(Objects.requireNonNull(deviceName, "deviceName"))
                .snapshotId(Objects.requireNonNull(snapshotId, "snapshotId"))
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

    /** Checks the device name against Nova's schema, one source, and a positive size. */
    @Value.Check
    default void check() {
        RequestRules.deviceName("block_device_mapping[].device_name", deviceName());
        boolean noDevice = noDevice().orElse(false);
        if (noDevice) {
            if (volumeId().isPresent() || snapshotId().isPresent()) {
                throw RequestRules.invalid(
                        "block_device_mapping[]", "entry with no_device must not name a volume_id or snapshot_id");
            }
        } else if (volumeId().isPresent() == snapshotId().isPresent()) {
            throw RequestRules.invalid(
                    "block_device_mapping[]",
                    "entry must have exactly one of volume_id or snapshot_id, got "
                            + (volumeId().isPresent() ? "both" : "neither"));
        }
        volumeSize().ifPresent(size -> {
            if (size < 1) {
                throw RequestRules.invalid(
                        "block_device_mapping[].volume_size", "must be at least 1 (GiB), got " + size);
            }
        });
    }

    /** Builder of {@link LegacyBlockDeviceMapping}. */
    final class Builder extends ImmutableLegacyBlockDeviceMapping.Builder {}
}
