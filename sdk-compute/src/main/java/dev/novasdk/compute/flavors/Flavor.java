package dev.novasdk.compute.flavors;

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
 * A flavor: the size of a server. The plain flavor list sends only id, name and links (plus the description
 * from microversion 2.55), so the sizes are optional; the detailed list and show send them all.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFlavor.class)
@JsonDeserialize(as = ImmutableFlavor.class)
public interface Flavor {
    /** The flavor id; often a UUID, but operators may choose any string ({@code "1"}). */
    String id();

    /** The name, such as {@code m1.small}. */
    String name();

    /** Memory in MiB. */
    Optional<Integer> ram();

    /** Virtual CPUs. */
    Optional<Integer> vcpus();

    /** Root disk in GiB; 0 means the image's size decides (and, in newer clouds, boot from volume only). */
    Optional<Integer> disk();

    /** Ephemeral disk in GiB ({@code OS-FLV-EXT-DATA:ephemeral}). */
    @JsonProperty("OS-FLV-EXT-DATA:ephemeral")
    Optional<Integer> ephemeralGb();

    /**
     * Swap in MiB; 0 for none. Nova sends the empty string for none below microversion 2.75 and the integer 0
     * from 2.75 on; both read as 0. Absent from the plain flavor list.
     */
    @JsonProperty("swap")
    @JsonDeserialize(contentUsing = SwapDeserializer.class)
    Optional<Integer> swapMb();

    /** The bandwidth factor of the removed nova-network; no longer sent from microversion 2.102. */
    @JsonProperty("rxtx_factor")
    Optional<Double> rxtxFactor();

    /** Whether every project may use the flavor ({@code os-flavor-access:is_public}). */
    @JsonProperty("os-flavor-access:is_public")
    Optional<Boolean> isPublic();

    /** Whether the flavor is disabled ({@code OS-FLV-DISABLED:disabled}); no longer sent from 2.102. */
    @JsonProperty("OS-FLV-DISABLED:disabled")
    Optional<Boolean> disabled();

    /** The operator's description (2.55+). */
    Optional<String> description();

    /** The extra specs (2.61+; empty below and when policy hides them from the caller). */
    @JsonProperty("extra_specs")
    Map<String, String> extraSpecs();

    /** Links to the flavor ({@code self}, {@code bookmark}). */
    List<Link> links();

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

    /** Builder of {@link Flavor}. */
    final class Builder extends ImmutableFlavor.Builder {}
}
