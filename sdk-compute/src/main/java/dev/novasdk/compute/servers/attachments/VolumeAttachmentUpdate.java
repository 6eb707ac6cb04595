package dev.novasdk.compute.servers.attachments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /servers/{id}/os-volume_attachments/{volumeId}}, inside the {@code volumeAttachment}
 * envelope: a {@link #volumeId()} other than the attached one swaps the volume (admin by default; Cinder calls
 * this during a volume migration); from compute microversion 2.85 the same volume id with
 * {@link #deleteOnTermination()} changes that flag. {@link #id()}, {@link #serverId()}, {@link #device()} and
 * {@link #tag()} (2.85+) may be sent but must equal the current values.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface VolumeAttachmentUpdate {
    /** The volume to have attached: the current one, or the one to swap to. */
    @JsonProperty("volumeId")
    String volumeId();

    /** Whether the volume is deleted with the server (2.85+). */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

    /** The attachment's id, unchanged (2.85+). */
    Optional<String> id();

    /** The server's id, unchanged (2.85+). */
    @JsonProperty("serverId")
    Optional<String> serverId();

    /** The device name, unchanged (2.85+). */
    Optional<String> device();

    /** The device tag, unchanged (2.85+). */
    Optional<String> tag();

    /** The microversions the fields set here need. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        Microversion v285 = Microversion.of(2, 85);
        deleteOnTermination().ifPresent(x -> r.add(VersionRequirement.since("delete_on_termination", v285)));
        id().ifPresent(x -> r.add(VersionRequirement.since("id", v285)));
        serverId().ifPresent(x -> r.add(VersionRequirement.since("serverId", v285)));
        device().ifPresent(x -> r.add(VersionRequirement.since("device", v285)));
        tag().ifPresent(x -> r.add(VersionRequirement.since("tag", v285)));
        return List.copyOf(r);
    }

    /** Rejects values Nova's schema refuses, naming the field. */
    @Value.Check
    default void check() {
        AttachmentRules.requireNonBlank("volumeId", volumeId());
        device().ifPresent(AttachmentRules::device);
        tag().ifPresent(AttachmentRules::tag);
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

    /** Builder of {@link VolumeAttachmentUpdate}. */
    final class Builder extends ImmutableVolumeAttachmentUpdate.Builder {}
}
