package dev.novasdk.compute.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.keypairs.Keypair;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of {@code GET /os-keypairs}: {@code {"keypairs": [{"keypair": {...}}], "keypairs_links": [...]}}, each
 * keypair in its own envelope.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKeypairListDocument.class)
@JsonDeserialize(as = ImmutableKeypairListDocument.class)
public interface KeypairListDocument {
    List<Entry> keypairs();

    @JsonProperty("keypairs_links")
    List<Link> keypairsLinks();

    /** The keypairs, out of their envelopes. */
    @Value.Lazy
    @JsonIgnore
    default List<Keypair> items() {
        return keypairs().stream().map(Entry::keypair).toList();
    }

    /** Where the next page is (2.35+, when the page was cut by a limit). */
    @Value.Lazy
    @JsonIgnore
    default Optional<String> nextHref() {
        return Link.href(keypairsLinks(), "next");
    }

    /** {@code {"keypair": {...}}}. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableEntry.class)
    @JsonDeserialize(as = ImmutableEntry.class)
    interface Entry {
        Keypair keypair();
    }
}
