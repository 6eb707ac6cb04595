package dev.novasdk.compute.servers.info;

import java.util.concurrent.CompletableFuture;

/**
 * Hypervisor diagnostics of a server without blocking: the operation of {@link ServerDiagnosticsManager}.
 * Thread-safe; get it from {@link dev.novasdk.compute.servers.ServerAsyncManager#diagnostics()}.
 */
public interface ServerDiagnosticsAsyncManager {
    /** {@link ServerDiagnosticsManager#get}: completes with the server's diagnostics. */
    CompletableFuture<ServerDiagnostics> get(String serverId);
}
