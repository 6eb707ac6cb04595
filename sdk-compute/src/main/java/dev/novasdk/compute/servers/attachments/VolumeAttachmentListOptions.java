package dev.novasdk.compute.servers.attachments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How to list a server's volume attachments: the page size ({@code limit}) and where to start
 * ({@code offset}). Nova pages this listing by offset and sends no next links, so the listing asks for the
 * next page while a page comes back full.
 */
@Value.Immutable
public interface VolumeAttachmentListOptions {
    /** Every attachment, in pages of Nova's maximum ({@code max_limit}, 1000 by default). */
    static VolumeAttachmentListOptions defaults() {
        return builder().build();
    }

    /** The page size; Nova caps it at its {@code max_limit}. */
    Optional<Integer> limit();

    /** How many attachments to skip before the first. */
    Optional<Integer> offset();

    /** The query parameters. */
    @Value.NonAttribute
    default Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        limit().ifPresent(l -> q.put("limit", List.of(Integer.toString(l))));
        offset().ifPresent(o -> q.put("offset", List.of(Integer.toString(o))));
        return q;
    }

    /** Rejects a page size below 1 and a negative offset. */
    @Value.Check
    default void check() {
        limit().filter(l -> l < 1).ifPresent(l -> {
            throw new IllegalArgumentException("limit must be at least 1, got " + l);
        });
        offset().filter(o -> o < 0).ifPresent(o -> {
            throw new IllegalArgumentException("offset must not be negative, got " + o);
        });
    }

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link VolumeAttachmentListOptions}. */
    final class Builder extends ImmutableVolumeAttachmentListOptions.Builder {}
}
