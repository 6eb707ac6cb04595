package dev.novasdk.compute.servers.metadata;

import java.util.Collection;
import java.util.List;

/**
 * The tags of a server ({@code /servers/{id}/tags}, compute microversion 2.26 and later): plain strings to
 * label and filter servers by ({@code ServerListOptions.tags}). Get it from
 * {@link dev.novasdk.compute.servers.ServerManager#tags()}. Thread-safe.
 *
 * <p>Tags are checked before sending, by Nova's rules: 1 to 60 characters, neither {@code /} nor {@code ,},
 * and at most 50 per server. A client pinned below 2.26 refuses every call before sending, naming the
 * operation and the versions.
 *
 * <pre>{@code
 * nova.servers().tags().replace(serverId, List.of("web", "prod"));
 * if (nova.servers().tags().contains(serverId, "prod")) { ... }
 * }</pre>
 */
public interface ServerTagManager {
    /** The tags of the server (the lab's Nova lists them sorted). */
    List<String> list(String serverId);

    /**
     * Replaces every tag of the server with {@code tags}; Nova drops repeated tags.
     *
     * @return the server's tags afterwards (sorted on the lab, not in the order sent)
     * @throws IllegalArgumentException for a tag Nova's rules refuse or more than 50 tags, before sending
     */
    List<String> replace(String serverId, Collection<String> tags);

    /**
     * Adds one tag; adding a tag the server has already is harmless.
     *
     * @throws IllegalArgumentException for a tag Nova's rules refuse, before sending
     * @throws dev.novasdk.core.error.BadRequestException when the server has 50 tags already
     */
    void add(String serverId, String tag);

    /**
     * Whether the server has the tag: Nova's 404 for a missing tag reads as {@code false}.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is no such server
     */
    boolean contains(String serverId, String tag);

    /**
     * Removes one tag.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the server has no such tag, or there is no such
     *         server
     */
    void delete(String serverId, String tag);

    /** Removes every tag of the server. */
    void deleteAll(String serverId);
}
