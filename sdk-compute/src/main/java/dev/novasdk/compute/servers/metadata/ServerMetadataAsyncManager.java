package dev.novasdk.compute.servers.metadata;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The metadata of a server without blocking: every operation of {@link ServerMetadataManager}, failing the
 * future where the blocking method throws; a key or value Nova's rules refuse fails it before sending.
 * Thread-safe; get it from {@link dev.novasdk.compute.servers.ServerAsyncManager#metadata()}.
 */
public interface ServerMetadataAsyncManager {
    /** {@link ServerMetadataManager#list}: completes with every metadata item of the server. */
    CompletableFuture<Map<String, String>> list(String serverId);

    /** {@link ServerMetadataManager#replace}: completes with the server's metadata afterwards. */
    CompletableFuture<Map<String, String>> replace(String serverId, Map<String, String> metadata);

    /** {@link ServerMetadataManager#update}: completes with all of the server's metadata afterwards. */
    CompletableFuture<Map<String, String>> update(String serverId, Map<String, String> metadata);

    /** {@link ServerMetadataManager#get}: completes with the value of one key. */
    CompletableFuture<String> get(String serverId, String key);

    /** {@link ServerMetadataManager#set}: completes once the key is set. */
    CompletableFuture<Void> set(String serverId, String key, String value);

    /** {@link ServerMetadataManager#delete}: completes once the key is deleted. */
    CompletableFuture<Void> delete(String serverId, String key);
}
