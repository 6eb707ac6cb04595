package dev.novasdk.compute.servers.metadata;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tags of a server without blocking (compute microversion 2.26 and later): every operation of
 * {@link ServerTagManager}, failing the future where the blocking method throws; a tag Nova's rules refuse,
 * or a client pinned below 2.26, fails it before sending. Thread-safe; get it from
 * {@link dev.novasdk.compute.servers.ServerAsyncManager#tags()}.
 */
public interface ServerTagAsyncManager {
    /** {@link ServerTagManager#list}: completes with the tags of the server. */
    CompletableFuture<List<String>> list(String serverId);

    /** {@link ServerTagManager#replace}: completes with the server's tags afterwards. */
    CompletableFuture<List<String>> replace(String serverId, Collection<String> tags);

    /** {@link ServerTagManager#add}: completes once the tag is added. */
    CompletableFuture<Void> add(String serverId, String tag);

    /** {@link ServerTagManager#contains}: completes with whether the server has the tag. */
    CompletableFuture<Boolean> contains(String serverId, String tag);

    /** {@link ServerTagManager#delete}: completes once the tag is removed. */
    CompletableFuture<Void> delete(String serverId, String tag);

    /** {@link ServerTagManager#deleteAll}: completes once every tag is removed. */
    CompletableFuture<Void> deleteAll(String serverId);
}
