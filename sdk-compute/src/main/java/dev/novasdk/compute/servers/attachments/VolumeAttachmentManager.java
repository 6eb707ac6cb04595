package dev.novasdk.compute.servers.attachments;

import dev.novasdk.core.paging.PagedIterable;

/**
 * The volumes attached to a server ({@code /servers/{id}/os-volume_attachments}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#volumeAttachments()}. Thread-safe. Attaching and detaching
 * are asynchronous in Nova: poll {@link #list} (or the volume in Cinder) to see them finish.
 */
public interface VolumeAttachmentManager {
    /** A lazy listing of the server's attachments, paged by {@link VolumeAttachmentListOptions}. */
    PagedIterable<VolumeAttachment> list(String serverId, VolumeAttachmentListOptions options);

    /** Every attachment of the server. */
    default PagedIterable<VolumeAttachment> list(String serverId) {
        return list(serverId, VolumeAttachmentListOptions.defaults());
    }

    /**
     * One attachment, by the attached volume's id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the volume is not attached to the server
     */
    VolumeAttachment get(String serverId, String volumeId);

    /**
     * Attaches a volume. Fields a usable microversion does not accept ({@code tag} before 2.49,
     * {@code delete_on_termination} before 2.79) fail before sending.
     *
     * @return the new attachment as Nova answers it (device names may be a guess the hypervisor overrides)
     * @throws dev.novasdk.core.error.ConflictException when the volume or the server is in a state that
     *         cannot attach
     */
    VolumeAttachment attach(String serverId, VolumeAttachmentCreate request);

    /**
     * Swaps the attached volume {@code volumeId} for {@code update.volumeId()}, or changes its
     * {@code delete_on_termination} (2.85+). Nova answers 202; a swap runs asynchronously.
     *
     * @throws dev.novasdk.core.error.NotFoundException when {@code volumeId} is not attached ("No volume Block
     *         Device Mapping with id ...")
     */
    void update(String serverId, String volumeId, VolumeAttachmentUpdate update);

    /**
     * Detaches the volume. Nova answers 202 and detaches asynchronously.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the volume is not attached to the server
     */
    void detach(String serverId, String volumeId);
}
