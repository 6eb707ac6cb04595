package dev.novasdk.compute.servers.attachments;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The network interfaces attached to a server without blocking: every operation of
 * {@link InterfaceAttachmentManager}, failing the future where the blocking method throws. Thread-safe; get it
 * from {@link dev.novasdk.compute.servers.ServerAsyncManager#interfaceAttachments()}.
 */
public interface InterfaceAttachmentAsyncManager {
    /** {@link InterfaceAttachmentManager#list}: completes with the server's interfaces. */
    CompletableFuture<List<InterfaceAttachment>> list(String serverId);

    /** {@link InterfaceAttachmentManager#get}: completes with one interface, by port id. */
    CompletableFuture<InterfaceAttachment> get(String serverId, String portId);

    /** {@link InterfaceAttachmentManager#attach}: completes with the new interface as Nova answers it. */
    CompletableFuture<InterfaceAttachment> attach(String serverId, InterfaceAttachmentCreate request);

    /** {@link InterfaceAttachmentManager#detach}: completes once Nova accepted the detach (202). */
    CompletableFuture<Void> detach(String serverId, String portId);
}
