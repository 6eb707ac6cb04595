package dev.novasdk.compute.servers.attachments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A volume attached to a server. Fields by compute microversion: {@link #id()} until 2.88, {@link #tag()} from
 * 2.70, {@link #deleteOnTermination()} from 2.79, {@link #attachmentId()} and {@link #bdmUuid()} from 2.89.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVolumeAttachment.class)
@JsonDeserialize(as = ImmutableVolumeAttachment.class)
public interface VolumeAttachment {
    /** The volume's id. */
    @JsonProperty("volumeId")
    String volumeId();

    /** The server's id. */
    @JsonProperty("serverId")
    Optional<String> serverId();

    /** The attachment's id, which is the volume's id (until 2.88). */
    Optional<String> id();

    /** The device name in the guest, such as {@code /dev/vdb}; empty when Nova sends none. */
    Optional<String> device();

    /** The device tag (2.70+); empty when untagged. */
    Optional<String> tag();

    /** Whether the volume is deleted with the server (2.79+). */
    @JsonProperty("delete_on_termination")
    Optional<Boolean> deleteOnTermination();

    /** The Cinder attachment's id (2.89+). */
    @JsonProperty("attachment_id")
    Optional<String> attachmentId();

    /** The block device mapping's UUID (2.89+). */
    @JsonProperty("bdm_uuid")
    Optional<String> bdmUuid();
}
