package dev.novasdk.compute.servers.info;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The encrypted administrative password of a server without blocking: every operation of
 * {@link ServerPasswordManager}. Thread-safe; get it from
 * {@link dev.novasdk.compute.servers.ServerAsyncManager#password()}.
 */
public interface ServerPasswordAsyncManager {
    /** {@link ServerPasswordManager#get}: completes with the encrypted password, empty when none is stored. */
    CompletableFuture<Optional<String>> get(String serverId);

    /** {@link ServerPasswordManager#clear}: completes once the stored password is removed. */
    CompletableFuture<Void> clear(String serverId);
}
