package dev.novasdk.compute.servers.attachments;

import java.util.List;

/**
 * The network interfaces attached to a server ({@code /servers/{id}/os-interface}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#interfaceAttachments()}. Thread-safe.
 */
public interface InterfaceAttachmentManager {
    /** The server's interfaces (Nova does not page them). */
    List<InterfaceAttachment> list(String serverId);

    /**
     * One interface, by port id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the port is not attached to the server
     */
    InterfaceAttachment get(String serverId, String portId);

    /**
     * Attaches an interface. A {@code tag} fails before sending on a client pinned below 2.49.
     *
     * @throws dev.novasdk.core.error.BadRequestException when no network is given and the project has none
     *         or several
     * @throws dev.novasdk.core.error.ConflictException when the port is in use or the server cannot take one
     */
    InterfaceAttachment attach(String serverId, InterfaceAttachmentCreate request);

    /**
     * Detaches the interface; Nova answers 202 and detaches asynchronously.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the port is not attached to the server
     */
    void detach(String serverId, String portId);
}
