package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;

/**
 * What nova is doing to a server ({@code OS-EXT-STS:task_state}); absent when nothing is in progress. The
 * members are nova's task states; values this SDK does not know read as {@link #UNKNOWN}, and
 * {@link Server#taskStateRaw()} keeps what was sent.
 */
public enum TaskState implements ApiEnum {
    /** Create: waiting for the scheduler to pick a host. */
    SCHEDULING("scheduling"),
    /** Create: its block devices are being prepared. */
    BLOCK_DEVICE_MAPPING("block_device_mapping"),
    /** Create: its ports are being set up. */
    NETWORKING("networking"),
    /** Create: the hypervisor is starting it. */
    SPAWNING("spawning"),
    /** Snapshot: the snapshot has been requested. */
    IMAGE_SNAPSHOT("image_snapshot"),
    /** Snapshot: waiting for the hypervisor to take it. */
    IMAGE_SNAPSHOT_PENDING("image_snapshot_pending"),
    /** Snapshot: taken, waiting to be uploaded. */
    IMAGE_PENDING_UPLOAD("image_pending_upload"),
    /** Snapshot: being uploaded to the image service. */
    IMAGE_UPLOADING("image_uploading"),
    /** Backup: an image backup is being made. */
    IMAGE_BACKUP("image_backup"),
    /** Its admin password is being set. */
    UPDATING_PASSWORD("updating_password"),
    /** Resize or cold migration: preparing. */
    RESIZE_PREP("resize_prep"),
    /** Resize or cold migration: the disks are being moved. */
    RESIZE_MIGRATING("resize_migrating"),
    /** Resize or cold migration: the disks have been moved. */
    RESIZE_MIGRATED("resize_migrated"),
    /** Resize or cold migration: finishing on the new host. */
    RESIZE_FINISH("resize_finish"),
    /** A resize is being reverted. */
    RESIZE_REVERTING("resize_reverting"),
    /** A resize is being confirmed. */
    RESIZE_CONFIRMING("resize_confirming"),
    /** Soft reboot: requested. */
    REBOOTING("rebooting"),
    /** Soft reboot: waiting for the compute host. */
    REBOOT_PENDING("reboot_pending"),
    /** Soft reboot: under way. */
    REBOOT_STARTED("reboot_started"),
    /** Hard reboot: requested. */
    REBOOTING_HARD("rebooting_hard"),
    /** Hard reboot: waiting for the compute host. */
    REBOOT_PENDING_HARD("reboot_pending_hard"),
    /** Hard reboot: under way. */
    REBOOT_STARTED_HARD("reboot_started_hard"),
    /** Being paused. */
    PAUSING("pausing"),
    /** Being unpaused. */
    UNPAUSING("unpausing"),
    /** Being suspended. */
    SUSPENDING("suspending"),
    /** Being resumed. */
    RESUMING("resuming"),
    /** Being stopped ({@code powering-off}). */
    POWERING_OFF("powering-off"),
    /** Being started ({@code powering-on}). */
    POWERING_ON("powering-on"),
    /** Entering rescue mode. */
    RESCUING("rescuing"),
    /** Leaving rescue mode. */
    UNRESCUING("unrescuing"),
    /** Rebuild: requested. */
    REBUILDING("rebuilding"),
    /** Rebuild: its block devices are being prepared. */
    REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
    /** Rebuild: the hypervisor is starting it. */
    REBUILD_SPAWNING("rebuild_spawning"),
    /** Being live-migrated. */
    MIGRATING("migrating"),
    /** Being deleted. */
    DELETING("deleting"),
    /** Being soft-deleted ({@code soft-deleting}). */
    SOFT_DELETING("soft-deleting"),
    /** Being restored from soft deletion. */
    RESTORING("restoring"),
    /** Shelve: requested. */
    SHELVING("shelving"),
    /** Shelve: its image is waiting to be uploaded. */
    SHELVING_IMAGE_PENDING_UPLOAD("shelving_image_pending_upload"),
    /** Shelve: its image is being uploaded. */
    SHELVING_IMAGE_UPLOADING("shelving_image_uploading"),
    /** Being removed from its host after shelving. */
    SHELVING_OFFLOADING("shelving_offloading"),
    /** Being unshelved. */
    UNSHELVING("unshelving"),
    /** A task state this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private static final ApiEnums<TaskState> VALUES = ApiEnums.of(values(), UNKNOWN);

    private final String value;

    TaskState(String value) {
        this.value = value;
    }

    /** The value on the wire, such as {@code spawning} or {@code powering-off}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static TaskState fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
