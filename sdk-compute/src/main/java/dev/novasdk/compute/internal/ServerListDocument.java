package dev.novasdk.compute.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.servers.Server;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One page of {@code GET /servers} or {@code /servers/detail}: {@code {"servers": [...], "servers_links": [...]}}. */
@Value.Immutable
@JsonSerialize(as = ImmutableServerListDocument.class)
@JsonDeserialize(as = ImmutableServerListDocument.class)
public interface ServerListDocument {
    List<Server> servers();

    @JsonProperty("servers_links")
    List<Link> serversLinks();

    /** Where the next page is; nova sends a {@code next} link only when the page was cut by a limit. */
    @Value.Lazy
    @JsonIgnore
    default Optional<String> nextHref() {
        return Link.href(serversLinks(), "next");
    }
}
