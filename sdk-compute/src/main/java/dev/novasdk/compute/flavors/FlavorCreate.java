package dev.novasdk.compute.flavors;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of an admin flavor creation ({@code POST /flavors}). Description needs microversion 2.55.
 */
@Value.Immutable
public interface FlavorCreate {
    /** The name (1-255 characters). */
    String name();

    /** RAM in MiB (>= 1). */
    int ram();

    /** Virtual CPUs (>= 1). */
    int vcpus();

    /** Root disk in GiB (>= 0). */
    int disk();

    /** The id; Nova generates a UUID when absent. */
    Optional<String> id();

    /** Ephemeral disk in GiB. */
    Optional<Integer> ephemeralGb();

    /** Swap in MiB. */
    Optional<Integer> swapMb();

    /** Network bandwidth factor. */
    Optional<Double> rxtxFactor();

    /** Whether every project may use it (default true). */
    Optional<Boolean> isPublic();

    /** Description (microversion 2.55+). */
    Optional<String> description();

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
