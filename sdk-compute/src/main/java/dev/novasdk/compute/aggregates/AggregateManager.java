package dev.novasdk.compute.aggregates;

import dev.novasdk.core.paging.PagedIterable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host aggregates (admin): create, list, get, find, update, delete, add and remove hosts, set metadata and
 * (2.81+) pre-cache images on the aggregate's hosts. A non-admin gets
 * {@link dev.novasdk.core.error.ForbiddenException} with Nova's policy message. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#aggregates()}.
 *
 * <pre>{@code
 * Aggregate ssd = nova.aggregates().create(AggregateCreate.builder().name("ssd").build());
 * nova.aggregates().addHost(ssd.id(), "compute-1");
 * nova.aggregates().setMetadata(ssd.id(), Map.of("ssd", "true"));
 * }</pre>
 */
public interface AggregateManager {
    /**
     * Creates an aggregate; the answer has no hosts or metadata yet.
     *
     * @throws dev.novasdk.core.error.ConflictException when the name is taken ("Aggregate x already exists.")
     */
    Aggregate create(AggregateCreate aggregate);

    /** Every aggregate (one page: Nova does not page aggregates). */
    PagedIterable<Aggregate> list();

    /**
     * The aggregate with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Aggregate get(String id);

    /**
     * The aggregate with this id, else the one with exactly this name.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several aggregates have the name
     */
    Optional<Aggregate> find(String nameOrId);

    /** Renames the aggregate or changes its zone. */
    Aggregate update(String id, AggregateUpdate update);

    /**
     * Deletes the aggregate.
     *
     * @throws dev.novasdk.core.error.BadRequestException while it still has hosts
     */
    void delete(String id);

    /**
     * Adds a compute host.
     *
     * @throws dev.novasdk.core.error.NotFoundException for an unknown host
     * @throws dev.novasdk.core.error.ConflictException when the host is already in the aggregate
     */
    Aggregate addHost(String id, String host);

    /**
     * Removes a compute host.
     *
     * @throws dev.novasdk.core.error.NotFoundException when the host is not in the aggregate
     */
    Aggregate removeHost(String id, String host);

    /**
     * Sets metadata keys, keeping the others; a key mapped to {@code null} (in a map that allows it) is
     * removed. Keys are 1-255 characters, values at most 255.
     */
    Aggregate setMetadata(String id, Map<String, String> metadata);

    /**
     * Asks the aggregate's hosts to cache these images (microversion 2.81+). Nova answers 202 and caches in
     * the background.
     *
     * @throws dev.novasdk.core.error.BadRequestException for an unknown image
     */
    void cacheImages(String id, List<String> imageIds);
}
