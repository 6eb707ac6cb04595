package dev.novasdk.compute.flavors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of an admin flavor creation ({@code POST /flavors}); written as JSON it is the body inside the
 * {@code flavor} envelope, with Nova's field names ({@code OS-FLV-EXT-DATA:ephemeral},
 * {@code os-flavor-access:is_public}, ...) and only the optional fields set.
 *
 * <pre>{@code
 * FlavorCreate small = FlavorCreate.builder().name("m1.small").ram(2048).vcpus(1).disk(20).build();
 * }</pre>
 *
 * <p>Fields that exist only in some microversions are listed by {@link #versionRequirements()}.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface FlavorCreate {
    /** The name (1-255 characters). */
    @JsonProperty("name")
    String name();

    /** RAM in MiB (>= 1). */
    @JsonProperty("ram")
    int ram();

    /** Virtual CPUs (>= 1). */
    @JsonProperty("vcpus")
    int vcpus();

    /** Root disk in GiB (>= 0). */
    @JsonProperty("disk")
    int disk();

    /** The id; Nova generates a UUID when absent. */
    @JsonProperty("id")
    Optional<String> id();

    /** Ephemeral disk in GiB ({@code OS-FLV-EXT-DATA:ephemeral}). */
    @JsonProperty("OS-FLV-EXT-DATA:ephemeral")
    Optional<Integer> ephemeralGb();

    /** Swap in MiB ({@code swap}). */
    @JsonProperty("swap")
    Optional<Integer> swapMb();

    /** Network bandwidth factor ({@code rxtx_factor}); Nova no longer accepts it from microversion 2.102. */
    @JsonProperty("rxtx_factor")
    Optional<Double> rxtxFactor();

    /** Whether every project may use it ({@code os-flavor-access:is_public}; Nova's default is true). */
    @JsonProperty("os-flavor-access:is_public")
    Optional<Boolean> isPublic();

    /** Description (microversion 2.55+). */
    @JsonProperty("description")
    Optional<String> description();

    /**
     * The microversions the fields set here need: the client checks them against its version before sending.
     */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (rxtxFactor().isPresent()) {
            // create_v2102 dropped rxtx_factor along with nova-network's leftovers.
            r.add(VersionRequirement.until("rxtx_factor", Microversion.of(2, 101)));
        }
        if (description().isPresent()) {
            r.add(VersionRequirement.since("description", Microversion.of(2, 55)));
        }
        return List.copyOf(r);
    }

    /** Checks Nova's schema limits before sending. */
    @Value.Check
    default void check() {
        if (name().isBlank() || name().length() > 255) {
            throw new IllegalArgumentException("name must be 1 to 255 characters and not blank, got '" + name() + "'");
        }
        if (ram() < 1) {
            throw new IllegalArgumentException("ram must be >= 1 MiB, got " + ram());
        }
        if (vcpus() < 1) {
            throw new IllegalArgumentException("vcpus must be >= 1, got " + vcpus());
        }
        if (disk() < 0) {
            throw new IllegalArgumentException("disk must be >= 0 GiB, got " + disk());
        }
        ephemeralGb().filter(v -> v < 0).ifPresent(v -> {
            throw new IllegalArgumentException("ephemeralGb must be >= 0, got " + v);
        });
        swapMb().filter(v -> v < 0).ifPresent(v -> {
            throw new IllegalArgumentException("swapMb must be >= 0, got " + v);
        });
        rxtxFactor().filter(v -> !(v > 0)).ifPresent(v -> {
            throw new IllegalArgumentException("rxtxFactor must be > 0, got " + v);
        });
        description().filter(d -> d.length() > 65535).ifPresent(d -> {
            throw new IllegalArgumentException("description must be at most 65535 characters");
        });
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

    /** Builder of {@link FlavorCreate}. */
    final class Builder extends ImmutableFlavorCreate.Builder {}
}
