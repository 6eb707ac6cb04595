package dev.novasdk.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server as the {@link FakeCloud} holds it at one moment, for assertions that should not go through the
 * API under test (for example "the client really created two servers"). Immutable; taking a snapshot
 * applies any lifecycle step that is due on the cloud's clock.
 */
public final class ServerSnapshot {
    private final String id;
    private final String name;
    private final String projectId;
    private final String status;
    private final String vmState;
    private final String taskState;
    private final int powerState;
    private final String flavorId;
    private final String imageId;
    private final Map<String, String> metadata;
    private final String faultMessage;
    private final Instant created;

    ServerSnapshot(
            String id,
            String name,
            String projectId,
            String status,
            String vmState,
            String taskState,
            int powerState,
            String flavorId,
            String imageId,
            Map<String, String> metadata,
            String faultMessage,
            Instant created) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.projectId = projectId;
        this.status = status;
        this.vmState = vmState;
        this.taskState = taskState;
        this.powerState = powerState;
        this.flavorId = flavorId;
        this.imageId = imageId;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.faultMessage = faultMessage;
        this.created = created;
    }

    /** The server's UUID. */
    public String id() {
        return id;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** The owning project's id. */
    public String projectId() {
        return projectId;
    }

    /** Nova's status ({@code BUILD}, {@code ACTIVE}, {@code SHUTOFF}, {@code ERROR}, {@code DELETED}, ...). */
    public String status() {
        return status;
    }

    /** {@code OS-EXT-STS:vm_state}. */
    public String vmState() {
        return vmState;
    }

    /** {@code OS-EXT-STS:task_state}; empty when no task runs. */
    public Optional<String> taskState() {
        return Optional.ofNullable(taskState);
    }

    /** {@code OS-EXT-STS:power_state}: 0 no state, 1 running, 4 shut down. */
    public int powerState() {
        return powerState;
    }

    /** The id of the flavor the server was booted with. */
    public String flavorId() {
        return flavorId;
    }

    /** The boot image's id; empty text for a server booted from a block device mapping. */
    public String imageId() {
        return imageId;
    }

    /** The server's metadata. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The fault message of a server in ERROR. */
    public Optional<String> faultMessage() {
        return Optional.ofNullable(faultMessage);
    }

    /** When the server was created, on the cloud's clock. */
    public Instant created() {
        return created;
    }

    @Override
    public String toString() {
        return "ServerSnapshot{" + id + " " + name + " " + status + (taskState == null ? "" : "/" + taskState) + "}";
    }
}
