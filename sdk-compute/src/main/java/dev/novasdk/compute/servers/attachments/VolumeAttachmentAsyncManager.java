package dev.novasdk.compute.servers.attachments;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.concurrent.CompletableFuture;

/**
 * The volumes attached to a server without blocking: every operation of {@link VolumeAttachmentManager},
 * failing the future (or the listing's subscriber) where the blocking method throws; a bad argument or a field
 * no usable microversion accepts fails it before sending. Thread-safe; get it from
 * {@link dev.novasdk.compute.servers.ServerAsyncManager#volumeAttachments()}.
 */
public interface VolumeAttachmentAsyncManager {
    /**
     * {@link VolumeAttachmentManager#list(String, VolumeAttachmentListOptions)}: the server's attachments, with
     * pages fetched as the subscriber asks for items.
     */
    PagedPublisher<VolumeAttachment> list(String serverId, VolumeAttachmentListOptions options);

    /** {@link VolumeAttachmentManager#list(String)}: every attachment of the server. */
    default PagedPublisher<VolumeAttachment> list(String serverId) {
        return list(serverId, VolumeAttachmentListOptions.defaults());
    }

    /** {@link VolumeAttachmentManager#get}: completes with one attachment, by the attached volume's id. */
    CompletableFuture<VolumeAttachment> get(String serverId, String volumeId);

    /** {@link VolumeAttachmentManager#attach}: completes with the new attachment as Nova answers it. */
    CompletableFuture<VolumeAttachment> attach(String serverId, VolumeAttachmentCreate request);

    /** {@link VolumeAttachmentManager#update}: completes once Nova accepted the swap or change (202). */
    CompletableFuture<Void> update(String serverId, String volumeId, VolumeAttachmentUpdate update);

    /** {@link VolumeAttachmentManager#detach}: completes once Nova accepted the detach (202). */
    CompletableFuture<Void> detach(String serverId, String volumeId);
}
