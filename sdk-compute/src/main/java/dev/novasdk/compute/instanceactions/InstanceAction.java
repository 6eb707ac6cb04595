package dev.novasdk.compute.instanceactions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One action done to a server ({@code create}, {@code pause}, {@code shelve}, ...), named by the request that
 * started it. A listing carries no events; {@link InstanceActionManager#get} adds them.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceAction.class)
@JsonDeserialize(as = ImmutableInstanceAction.class)
public interface InstanceAction {
    /** The action's name as Nova records it, such as {@code create}, {@code reboot}, {@code unshelve}. */
    @JsonProperty("action")
    String action();

    /** The request id that started it ({@code req-...}): the key of {@link InstanceActionManager#get}. */
    @JsonProperty("request_id")
    String requestId();

    /** The server acted on. */
    @JsonProperty("instance_uuid")
    Optional<String> instanceUuid();

    /** The user who started it. */
    @JsonProperty("user_id")
    Optional<String> userId();

    /** The project of that user. */
    @JsonProperty("project_id")
    Optional<String> projectId();

    /** When it started. */
    @JsonProperty("start_time")
    Optional<Instant> startTime();

    /** When it last changed (2.58+): its listing's sort and {@code changes-since} key. */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** A message Nova recorded, such as {@code Error} after a failed step; usually absent. */
    @JsonProperty("message")
    Optional<String> message();

    /** Its steps, oldest first as Nova sends them; empty in listings and for non-admins before 2.51. */
    @JsonProperty("events")
    List<InstanceActionEvent> events();

    /** The steps that failed. */
    @JsonIgnore
    default List<InstanceActionEvent> failedEvents() {
        return events().stream().filter(InstanceActionEvent::failed).collect(java.util.stream.Collectors.toList());
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

    /** Builder of {@link InstanceAction}. */
    final class Builder extends ImmutableInstanceAction.Builder {}
}
