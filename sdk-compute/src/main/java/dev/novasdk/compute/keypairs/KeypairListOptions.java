package dev.novasdk.compute.keypairs;

import dev.novasdk.compute.ListOptions;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.internal.ListQuery;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whose keypairs to list and the page size. Nova pages keypairs from microversion 2.35 ({@link #limit()},
 * {@link #marker()}: a keypair name); an admin lists another user's from 2.10 ({@link #userId()}).
 */
@Value.Immutable
public interface KeypairListOptions extends ListOptions {
    /** The caller's keypairs, unpaged. */
    static KeypairListOptions defaults() {
        return builder().build();
    }

    /** The user whose keypairs to list (admin, 2.10+). */
    Optional<String> userId();

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("user_id", userId().orElse(null))
                .page(this)
                .build();
    }

    /** The microversions the options set here need. */
    @Value.Derived
    @Value.Auxiliary
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (userId().isPresent()) {
            r.add(VersionRequirement.since("user_id", Microversion.of(2, 10)));
        }
        if (limit().isPresent()) {
            r.add(VersionRequirement.since("limit", Microversion.of(2, 35)));
        }
        if (marker().isPresent()) {
            r.add(VersionRequirement.since("marker", Microversion.of(2, 35)));
        }
        return List.copyOf(r);
    }

    /** Rejects values Nova would refuse. */
    @Value.Check
    default void check() {
        userId().filter(String::isBlank).ifPresent(u -> {
            throw new IllegalArgumentException("userId must not be blank");
        });
    }

    /** A builder holding these options, to change some of them. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link KeypairListOptions}. */
    final class Builder extends ImmutableKeypairListOptions.Builder {}
}
