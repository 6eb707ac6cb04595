package dev.novasdk.compute.servers.info;

/**
 * Hypervisor diagnostics of a server ({@code /servers/{id}/diagnostics}, admin by default). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#diagnostics()}. Thread-safe.
 */
public interface ServerDiagnosticsManager {
    /**
     * The server's diagnostics: typed fields from compute microversion 2.48, the driver's free-form values
     * ({@link ServerDiagnostics#legacyValues()}) before.
     *
     * @throws dev.novasdk.core.error.ForbiddenException for a non-admin under the default policy
     * @throws dev.novasdk.core.error.ConflictException when the server is in a state the driver cannot read
     */
    ServerDiagnostics get(String serverId);
}
