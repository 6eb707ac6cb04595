package dev.novasdk.compute.servers.metadata;

import java.util.Map;

/**
 * The metadata of a server: string key/value pairs ({@code /servers/{id}/metadata}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#metadata()}. Thread-safe.
 *
 * <p>Keys and values are checked before sending, by Nova's rules: a key is 1 to 255 characters from
 * {@code a-z A-Z 0-9 - _ : .} and space, a value is a string of at most 255 characters. Nova also limits the
 * number of items per server (the {@code metadata_items} quota, 128 by default) and answers 403
 * ({@link dev.novasdk.core.error.ForbiddenException}) "Maximum number of metadata items exceeds 128" beyond it.
 *
 * <pre>{@code
 * nova.servers().metadata().update(serverId, Map.of("role", "web"));
 * String role = nova.servers().metadata().get(serverId, "role");
 * }</pre>
 */
public interface ServerMetadataManager {
    /** Every metadata item of the server, in Nova's order. */
    Map<String, String> list(String serverId);

    /**
     * Replaces every metadata item of the server with {@code metadata} ({@code PUT}); an empty map removes
     * them all.
     *
     * @return the server's metadata afterwards
     * @throws IllegalArgumentException for a key or value Nova's rules refuse, before sending
     */
    Map<String, String> replace(String serverId, Map<String, String> metadata);

    /**
     * Adds {@code metadata} to the server's items, overwriting the values of keys it already has
     * ({@code POST}); other keys are kept.
     *
     * @return the server's metadata afterwards (all of it, not only the keys sent)
     * @throws IllegalArgumentException for a key or value Nova's rules refuse, or an empty map, before sending
     */
    Map<String, String> update(String serverId, Map<String, String> metadata);

    /**
     * The value of one key.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the server has no such key ("Metadata item was not
     *         found") or there is no such server
     */
    String get(String serverId, String key);

    /**
     * Sets one key ({@code PUT /metadata/{key}} with {@code {"meta": {key: value}}}), adding it or replacing
     * its value.
     *
     * @throws IllegalArgumentException for a key or value Nova's rules refuse, before sending
     */
    void set(String serverId, String key, String value);

    /**
     * Deletes one key.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the server has no such key or there is no such
     *         server
     */
    void delete(String serverId, String key);
}
