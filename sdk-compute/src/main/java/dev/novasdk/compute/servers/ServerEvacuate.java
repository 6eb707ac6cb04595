package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of an evacuation (the {@code evacuate} action; administrators only by default): rebuilds a server
 * of a failed compute host on another one. Immutable; the password is never shown by {@code toString()}.
 *
 * <p>Before microversion 2.14 Nova requires {@link #onSharedStorage()}; from 2.14 it detects shared storage
 * itself and refuses the field.
 */
@Value.Immutable
@JsonSerialize(using = ServerActionWriters.Evacuate.class)
public interface ServerEvacuate {
    /** The destination host ({@code host}); the scheduler chooses when absent. */
    Optional<String> host();

    /** The administrator password to set ({@code adminPass}); Nova generates one otherwise. */
    @Value.Redacted
    Optional<String> adminPassword();

    /** Whether the server's disks are on shared storage ({@code onSharedStorage}); 2.13 and earlier. */
    Optional<Boolean> onSharedStorage();

    /** Skip the scheduler's check of {@link #host()} ({@code force}); microversions 2.29 to 2.67. */
    Optional<Boolean> force();

    /** The microversions the fields set here need. */
    @Value.Lazy
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (onSharedStorage().isPresent()) {
            r.add(VersionRequirement.until("onSharedStorage", ServerActionWriters.V2_13));
        } else {
            // evacuate (2.1 to 2.13) requires onSharedStorage; evacuate_v214 removed it.
            r.add(VersionRequirement.since("onSharedStorage", ServerActionWriters.V2_14)
                    .withCondition("left out, which Nova requires before 2.14"));
        }
        if (force().isPresent()) {
            r.add(VersionRequirement.anyOf(
                    "force", MicroversionRange.between(ServerActionWriters.V2_29, ServerActionWriters.V2_67)));
        }
        return List.copyOf(r);
    }

    /** Checks what Nova's schema and API check without a lookup. */
    @Value.Check
    default void check() {
        host().ifPresent(h -> RequestRules.fqdn("host", h));
        if (onSharedStorage().orElse(false) && adminPassword().isPresent()) {
            // evacuate.py before 2.14: "admin password can't be changed on existing disk".
            throw RequestRules.invalid("adminPass", "cannot be set when onSharedStorage is true");
        }
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

    /** Builder of {@link ServerEvacuate}. */
    final class Builder extends ImmutableServerEvacuate.Builder {}
}
