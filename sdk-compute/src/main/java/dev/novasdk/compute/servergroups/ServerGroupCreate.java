package dev.novasdk.compute.servergroups;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A server group creation ({@code POST /os-server-groups}). The manager writes it as Nova's version wants it:
 * {@code {"name", "policies": [policy]}} below microversion 2.64, {@code {"name", "policy", "rules"}} from 2.64.
 *
 * <pre>{@code
 * ServerGroupCreate spread = ServerGroupCreate.builder().name("web").policy(ServerGroupPolicy.ANTI_AFFINITY)
 *         .maxServerPerHost(2).build();
 * }</pre>
 */
@Value.Immutable
public interface ServerGroupCreate {
    /** The name (1-255 characters, no leading or trailing spaces). */
    String name();

    /** The policy. */
    ServerGroupPolicy policy();

    /** The {@code max_server_per_host} rule (anti-affinity only, microversion 2.64+, at least 1). */
    Optional<Integer> maxServerPerHost();

    /** The microversions the fields set here need; the client checks them before sending. */
    @Value.Lazy
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (policy() == ServerGroupPolicy.SOFT_AFFINITY || policy() == ServerGroupPolicy.SOFT_ANTI_AFFINITY) {
            r.add(VersionRequirement.since("policy", Microversion.of(2, 15)).withCondition(policy().value()));
        }
        if (maxServerPerHost().isPresent()) {
            r.add(VersionRequirement.since("rules", Microversion.of(2, 64)));
        }
        return List.copyOf(r);
    }

    /** Checks Nova's schema and rules before sending. */
    @Value.Check
    default void check() {
        if (name().isEmpty() || name().length() > 255 || !name().strip().equals(name())) {
            throw new IllegalArgumentException(
                    "name must be 1 to 255 characters without leading or trailing spaces, got '" + name() + "'");
        }
        if (policy() == ServerGroupPolicy.UNKNOWN) {
            throw new IllegalArgumentException(
                    "policy must be one of affinity, anti-affinity, soft-affinity, soft-anti-affinity");
        }
        maxServerPerHost().ifPresent(m -> {
            if (policy() != ServerGroupPolicy.ANTI_AFFINITY) {
                // Nova: "Only anti-affinity policy supports rules."
                throw new IllegalArgumentException(
                        "maxServerPerHost (rules) is only supported by the anti-affinity policy, not "
                                + policy().value());
            }
            if (m < 1) {
                throw new IllegalArgumentException("maxServerPerHost must be >= 1, got " + m);
            }
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

    /** Builder of {@link ServerGroupCreate}. */
    final class Builder extends ImmutableServerGroupCreate.Builder {}
}
