package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The image a server was booted from, as the server document references it. A server booted from a volume
 * has none: nova sends {@code "image": ""}, which {@link Server#image()} reports as empty.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerImage.class)
@JsonDeserialize(as = ImmutableServerImage.class)
public interface ServerImage {
    /** The image id; resolve it with the images API if more is needed. */
    String id();

    /** Links to the image ({@code bookmark}). */
    List<Link> links();

    /**
     * The image properties captured when the server was built (microversion 2.98+, with the show and list
     * details calls); empty otherwise.
     */
    Map<String, String> properties();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerImage}. */
    final class Builder extends ImmutableServerImage.Builder {}
}
