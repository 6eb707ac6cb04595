package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.internal.SwapDeserializer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The flavor of a server. Below microversion 2.47 nova sends a reference ({@link #id()} and
 * {@link #links()}); from 2.47 on it embeds the flavor's values as they were when the server was built or
 * last resized ({@link #originalName()}, sizes and extra specs) and sends no id, because the flavor may since
 * have been changed or deleted.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerFlavor.class)
@JsonDeserialize(as = ImmutableServerFlavor.class)
public interface ServerFlavor {
    /** The flavor id; sent below microversion 2.47 only. */
    Optional<String> id();

    /** Links to the flavor; sent below microversion 2.47 only. */
    List<Link> links();

    /** The flavor's name when the server got it (2.47+). */
    @JsonProperty("original_name")
    Optional<String> originalName();

    /** Memory in MiB (2.47+). */
    Optional<Integer> ram();

    /** Virtual CPUs (2.47+). */
    Optional<Integer> vcpus();

    /** Root disk in GiB (2.47+). */
    Optional<Integer> disk();

    /** Ephemeral disk in GiB (2.47+). */
    @JsonProperty("ephemeral")
    Optional<Integer> ephemeralGb();

    /** Swap in MiB (2.47+). */
    @JsonProperty("swap")
    @JsonDeserialize(contentUsing = SwapDeserializer.class)
    Optional<Integer> swapMb();

    /**
     * The flavor's extra specs (2.47+); empty below 2.47 and when policy hides them from the caller.
     */
    @JsonProperty("extra_specs")
    Map<String, String> extraSpecs();

    /** Whether nova embedded the flavor's values (2.47+) rather than sending a reference. */
    @Value.Lazy
    @JsonIgnore
    default boolean embedded() {
        return id().isEmpty() && (originalName().isPresent() || ram().isPresent());
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

    /** Builder of {@link ServerFlavor}. */
    final class Builder extends ImmutableServerFlavor.Builder {}
}
