package dev.novasdk.compute.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.instanceactions.InstanceAction;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of {@code GET /servers/{id}/os-instance-actions}: {@code {"instanceActions": [...], "links": [...]}}
 * (the links are named plain {@code links} here, not {@code instanceActions_links}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceActionListDocument.class)
@JsonDeserialize(as = ImmutableInstanceActionListDocument.class)
public interface InstanceActionListDocument {
    @JsonProperty("instanceActions")
    List<InstanceAction> instanceActions();

    @JsonProperty("links")
    List<Link> links();

    /** Where the next page is; Nova sends a {@code next} link only when the page was cut by a limit (2.58+). */
    @Value.Lazy
    @JsonIgnore
    default Optional<String> nextHref() {
        return Link.href(links(), "next");
    }
}
