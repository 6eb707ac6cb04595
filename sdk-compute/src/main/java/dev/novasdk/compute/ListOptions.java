package dev.novasdk.compute;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the options of every listing share ({@code ServerListOptions}, {@code FlavorListOptions},
 * {@code ImageListOptions}): the page size and where to start. Listings fetch page after page as iteration
 * reaches them, following the service's {@code next} links, so neither limits how many items a listing
 * yields.
 */
public interface ListOptions {
    /**
     * The page size ({@code limit}): how many items one request asks for, not a total. Services cap it at
     * their own maximum (nova: {@code max_limit}, usually 1000).
     */
    Optional<Integer> limit();

    /** Start after the item with this id ({@code marker}). */
    Optional<String> marker();

    /** Rejects a page size the services would refuse. */
    @Value.Check
    default void checkPage() {
        limit().ifPresent(l -> {
            if (l < 1) {
                throw new IllegalArgumentException("limit must be >= 1 (it is the page size), got " + l);
            }
        });
    }
}
