package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where to unshelve a {@code SHELVED_OFFLOADED} server: into an availability zone (2.77+, which also pins the
 * server to it), onto a host (2.91+, admin), or unpinned from its zone (2.91+). Without any of them use
 * {@link ServerManager#unshelve(String)}, which sends {@code {"unshelve": null}}; Nova refuses
 * {@code {"unshelve": {}}}.
 *
 * <pre>{@code
 * ServerUnshelve toZone = ServerUnshelve.builder().availabilityZone("az-2").build();
 * ServerUnshelve unpinnedOnHost = ServerUnshelve.builder().unpinAvailabilityZone(true).host("compute-7").build();
 * }</pre>
 *
 * <p>Nova accepts these only for a {@code SHELVED_OFFLOADED} server (409 for {@code SHELVED}).
 */
@Value.Immutable
public interface ServerUnshelve {
    /** The availability zone to unshelve into and pin the server to ({@code availability_zone}); 2.77+. */
    Optional<String> availabilityZone();

    /**
     * Whether to unpin the server from any availability zone ({@code "availability_zone": null}); 2.91+.
     * Excludes {@link #availabilityZone()}.
     */
    @Value.Default
    default boolean unpinAvailabilityZone() {
        return false;
    }

    /** The compute host to unshelve onto ({@code host}), by name; 2.91+, admin. */
    Optional<String> host();

    /** The microversions the fields set here need: the client checks them against its version before sending. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (availabilityZone().isPresent()) {
            r.add(VersionRequirement.since("availability_zone", Microversion.of(2, 77)));
        }
        if (unpinAvailabilityZone()) {
            r.add(VersionRequirement.since("availability_zone", Microversion.of(2, 91))
                    .withCondition("null"));
        }
        if (host().isPresent()) {
            r.add(VersionRequirement.since("host", Microversion.of(2, 91)));
        }
        return List.copyOf(r);
    }

    /** Rejects an empty request and values Nova's schema refuses, naming the field. */
    @Value.Check
    default void check() {
        if (availabilityZone().isEmpty() && !unpinAvailabilityZone() && host().isEmpty()) {
            throw new IllegalArgumentException("an unshelve request needs availabilityZone, "
                    + "unpinAvailabilityZone or host (Nova refuses {\"unshelve\": {}}); use unshelve(id) for none");
        }
        if (availabilityZone().isPresent() && unpinAvailabilityZone()) {
            throw new IllegalArgumentException(
                    "availability_zone: set either availabilityZone or unpinAvailabilityZone, not both");
        }
        availabilityZone().ifPresent(az -> RequestRules.name("availability_zone", az));
        host().ifPresent(h -> RequestRules.fqdn("host", h));
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

    /** Builder of {@link ServerUnshelve}. */
    final class Builder extends ImmutableServerUnshelve.Builder {}
}
