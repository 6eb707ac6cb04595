package dev.novasdk.compute.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.flavors.Flavor;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One page of {@code GET /flavors} or {@code /flavors/detail}: {@code {"flavors": [...], "flavors_links": [...]}}. */
@Value.Immutable
@JsonSerialize(as = ImmutableFlavorListDocument.class)
@JsonDeserialize(as = ImmutableFlavorListDocument.class)
public interface FlavorListDocument {
    List<Flavor> flavors();

    @JsonProperty("flavors_links")
    List<Link> flavorsLinks();

    /** Where the next page is; nova sends a {@code next} link only when the page was cut by a limit. */
    @Value.Lazy
    @JsonIgnore
    default Optional<String> nextHref() {
        return Link.href(flavorsLinks(), "next");
    }
}
