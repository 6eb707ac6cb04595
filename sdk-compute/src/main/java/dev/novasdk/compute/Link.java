package dev.novasdk.compute;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.core.value.OpenStackStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A link nova puts in its documents ({@code self}, {@code bookmark}, {@code alternate}, and {@code next} in
 * the {@code *_links} of a listing page). Shared by servers, flavors and images.
 */
@OpenStackStyle // on the type rather than in a package-info, so this package keeps no style of its own
@Value.Immutable
@JsonSerialize(as = ImmutableLink.class)
@JsonDeserialize(as = ImmutableLink.class)
public interface Link {
    /** The relation: {@code self}, {@code bookmark}, {@code alternate}, {@code next}, ... */
    String rel();

    /** The target, usually an absolute URL; nova's {@code bookmark} links carry no version segment. */
    String href();

    /** The media type of the target, sent only on some links (the glance {@code alternate} of an image). */
    Optional<String> type();

    /** A link without a media type. */
    static Link of(String rel, String href) {
        return builder().rel(rel).href(href).build();
    }

    /**
     * The {@code href} of the first link with relation {@code rel}; for a listing, {@code href(links, "next")}
     * is where the next page is.
     */
    static Optional<String> href(List<Link> links, String rel) {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(rel, "rel");
        return links.stream().filter(l -> rel.equals(l.rel())).map(Link::href).findFirst();
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

    /** Builder of {@link Link}. */
    final class Builder extends ImmutableLink.Builder {}
}
