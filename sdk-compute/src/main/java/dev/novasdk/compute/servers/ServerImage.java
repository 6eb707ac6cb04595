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
     * The image properties captured when the server was built; empty otherwise. Nova sends them with the
     * show and detailed list calls from microversion 2.98 on, above the highest version this SDK asks for
     * ({@link dev.novasdk.compute.ComputeClient#SDK_MAX_MICROVERSION}, 2.96), so servers fetched through its
     * clients have none; the field is read when a document of a later version is parsed.
     */
    Map<String, String> properties();

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

    /** Builder of {@link ServerImage}. */
    final class Builder extends ImmutableServerImage.Builder {}
}
