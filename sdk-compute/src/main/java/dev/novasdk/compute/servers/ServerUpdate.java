package dev.novasdk.compute.servers;

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
 * The changes of {@code PUT /servers/{id}}: name, disk config, access addresses, description (2.19+) and
 * hostname (2.90+). Only the fields set are sent; written as JSON it is the body inside the {@code server}
 * envelope, such as {@code {"name": "web-2", "accessIPv4": "4.3.2.1"}}.
 *
 * <pre>{@code
 * ServerUpdate rename = ServerUpdate.builder().name("web-2").description("front end").build();
 * }</pre>
 *
 * <p>Fields that exist only from some microversion on are listed by {@link #versionRequirements()}, for the
 * client to check against its version before sending.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface ServerUpdate {
    /** The new name ({@code name}): 1 to 255 printable characters, no leading or trailing whitespace. */
    @JsonProperty("name")
    Optional<String> name();

    /** How the root disk is partitioned on later rebuilds and resizes ({@code OS-DCF:diskConfig}). */
    @JsonProperty("OS-DCF:diskConfig")
    Optional<DiskConfig> diskConfig();

    /** The new IPv4 access address ({@code accessIPv4}), as a literal. */
    @JsonProperty("accessIPv4")
    Optional<String> accessIpv4();

    /** The new IPv6 access address ({@code accessIPv6}), as a literal. */
    @JsonProperty("accessIPv6")
    Optional<String> accessIpv6();

    /**
     * The new description ({@code description}), at most 255 characters; an empty string clears it.
     * Microversion 2.19 and later.
     */
    @JsonProperty("description")
    Optional<String> description();

    /**
     * The new hostname published by the metadata service ({@code hostname}): an RFC 1123 label from
     * microversion 2.90, or a fully qualified domain name from 2.94.
     */
    @JsonProperty("hostname")
    Optional<String> hostname();

    /**
     * The microversions the fields set here need: the client checks them against its version before sending.
     */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (description().isPresent()) {
            r.add(VersionRequirement.since("description", Microversion.of(2, 19)));
        }
        hostname().ifPresent(h -> r.add(ServerFields.hostnameRequirement(h)));
        return List.copyOf(r);
    }

    /** Rejects empty updates and values Nova's schema refuses, naming the field. */
    @Value.Check
    default void check() {
        if (name().isEmpty()
                && diskConfig().isEmpty()
                && accessIpv4().isEmpty()
                && accessIpv6().isEmpty()
                && description().isEmpty()
                && hostname().isEmpty()) {
            throw new IllegalArgumentException("a server update needs at least one of name, diskConfig, "
                    + "accessIpv4, accessIpv6, description, hostname");
        }
        name().ifPresent(ServerFields::name);
        diskConfig().ifPresent(ServerFields::diskConfig);
        accessIpv4().ifPresent(ServerFields::accessIpv4);
        accessIpv6().ifPresent(ServerFields::accessIpv6);
        description().ifPresent(ServerFields::description);
        hostname().ifPresent(ServerFields::hostname);
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

    /** Builder of {@link ServerUpdate}. */
    final class Builder extends ImmutableServerUpdate.Builder {}
}
