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
 * The body of attaching a volume ({@code POST /servers/{id}/os-volume_attachments}), written inside the
 * {@code volumeAttachment} envelope.
 *
 * <pre>{@code
 * VolumeAttachmentCreate attach = VolumeAttachmentCreate.builder()
 *         .volumeId(volume).tag("data").deleteOnTermination(true).build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface VolumeAttachmentCreate {
    /** The volume to attach. */
    @JsonProperty("volumeId")
    String volumeId();

    /**
     * The device name to ask for, such as {@code /dev/vdb}; most hypervisors ignore it and pick their own.
     */
    Optional<String> device();

    /** A device tag shown to the guest through the metadata service (2.49+): at most 60 characters, no / or ,. */
    Optional<String> tag();

    /** Whether the volume is deleted with the server (2.79+; Nova's default is false). */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

    /** The microversions the fields set here need. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (tag().isPresent()) {
            r.add(VersionRequirement.since("tag", Microversion.of(2, 49)));
        }
        if (deleteOnTermination().isPresent()) {
            r.add(VersionRequirement.since("delete_on_termination", Microversion.of(2, 79)));
        }
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

    /** Builder of {@link VolumeAttachmentCreate}. */
    final class Builder extends ImmutableVolumeAttachmentCreate.Builder {}
}
