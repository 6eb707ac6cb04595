package dev.novasdk.compute.internal;

import dev.novasdk.compute.Link;
import java.util.List;
import java.util.Optional;

/** What the page documents of the operator resources share: the next link of a {@code *_links} array. Not API. */
final class Pages {
    private Pages() {}

    /** The {@code next} href of {@code links}, which Nova leaves out on the last page. */
    static Optional<String> next(List<Link> linksOrNull) {
        return linksOrNull == null ? Optional.empty() : Link.href(linksOrNull, "next");
    }

    /** {@code items}, or empty when Nova left the member out. */
    static <T> List<T> items(List<T> itemsOrNull) {
        return itemsOrNull == null ? List.of() : itemsOrNull;
    }
}
