package dev.novasdk.compute.servers.info;

import java.util.Optional;

/**
 * The encrypted administrative password a server's guest posted to the metadata service
 * ({@code /servers/{id}/os-server-password}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#password()}. Thread-safe.
 */
public interface ServerPasswordManager {
    /**
     * The password as Nova holds it: base64 of the password encrypted with the server's key pair's public key
     * (decrypt it with the private key). Empty when none was posted or it was cleared (Nova answers
     * {@code ""}). Never logged.
     */
    Optional<String> get(String serverId);

    /** Removes the stored password; the guest's password itself is unchanged. */
    void clear(String serverId);
}
