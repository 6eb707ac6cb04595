package dev.novasdk.compute.instanceactions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One step of an instance action ({@code compute_stop_instance}, {@code compute_shelve_instance}, ...), as
 * Nova reports it in {@link InstanceActionManager#get}: shown to everyone from microversion 2.51, to admins
 * only before. Which fields appear depends on the version and the caller's role, so all but the name are
 * optional.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceActionEvent.class)
@JsonDeserialize(as = ImmutableInstanceActionEvent.class)
public interface InstanceActionEvent {
    /** The step's name, such as {@code compute_pause_instance}. */
    @JsonProperty("event")
    String event();

    /** When the step started. */
    @JsonProperty("start_time")
    Optional<Instant> startTime();

    /** When the step ended; absent while it runs. */
    @JsonProperty("finish_time")
    Optional<Instant> finishTime();

    /** The result exactly as Nova sent it ({@code Success}, {@code Error}); absent while the step runs. */
    @JsonProperty("result")
    Optional<String> resultRaw();

    /** The result; {@link EventResult#UNKNOWN} for a value this SDK does not know; absent while it runs. */
    @JsonIgnore
    default Optional<EventResult> result() {
        return resultRaw().map(EventResult::fromValue);
    }

    /** Whether the step failed ({@code result} is {@code Error}). */
    @JsonIgnore
    default boolean failed() {
        return result().orElse(null) == EventResult.ERROR;
    }

    /** The Python traceback of a failed step; admins only. */
    @JsonProperty("traceback")
    Optional<String> traceback();

    /** An obfuscated id of the host the step ran on, unique per project (2.62+). */
    @JsonProperty("hostId")
    Optional<String> hostId();

    /** The name of the host the step ran on (2.62+, admins only). */
    @JsonProperty("host")
    Optional<String> host();

    /** Details of a failure that are safe to show the server's owner, such as a fault message (2.84+). */
    @JsonProperty("details")
    Optional<String> details();

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

    /** Builder of {@link InstanceActionEvent}. */
    final class Builder extends ImmutableInstanceActionEvent.Builder {}
}
