package dev.novasdk.compute.servers.attachments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of attaching an interface ({@code POST /servers/{id}/os-interface}), inside the
 * {@code interfaceAttachment} envelope: an existing port, or a network to create a port on (optionally with
 * one fixed IP), or neither (Nova picks the project's only network).
 *
 * <pre>{@code
 * InterfaceAttachmentCreate byPort = InterfaceAttachmentCreate.builder().portId(port).tag("public").build();
 * InterfaceAttachmentCreate byNet = InterfaceAttachmentCreate.builder()
 *         .netId(net).addFixedIps(FixedIp.of("192.168.1.3")).build();
 * }</pre>
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface InterfaceAttachmentCreate {
    /** The port to attach. */
    @JsonProperty("port_id")
    Optional<String> portId();

    /** The network to create a port on. */
    @JsonProperty("net_id")
    Optional<String> netId();

    /** The fixed IP to ask for on {@link #netId()}: at most one. */
    @JsonProperty("fixed_ips")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<FixedIp> fixedIps();

    /** A device tag shown to the guest through the metadata service (2.49+): at most 60 characters, no / or ,. */
    Optional<String> tag();

    /** The microversions the fields set here need. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        return tag().isPresent() ? List.of(VersionRequirement.since("tag", Microversion.of(2, 49))) : List.of();
    }

    /** Rejects combinations Nova refuses, naming the fields. */
    @Value.Check
    default void check() {
        if (portId().isPresent() && netId().isPresent()) {
            throw new IllegalArgumentException(
                    "set portId or netId, not both (Nova: \"Must not input both " + "network_id and port_id\")");
        }
        if (!fixedIps().isEmpty() && netId().isEmpty()) {
            throw new IllegalArgumentException("fixedIps needs netId");
        }
        if (fixedIps().size() > 1) {
            throw new IllegalArgumentException(
                    "at most one fixed IP, got " + fixedIps().size());
        }
        for (FixedIp ip : fixedIps()) {
            if (ip.subnetId().isPresent()) {
                throw new IllegalArgumentException("a requested fixed IP takes an address only, not a subnet");
            }
        }
        portId().ifPresent(p -> AttachmentRules.requireNonBlank("portId", p));
        netId().ifPresent(n -> AttachmentRules.requireNonBlank("netId", n));
        tag().ifPresent(AttachmentRules::tag);
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

    /** Builder of {@link InterfaceAttachmentCreate}. */
    final class Builder extends ImmutableInterfaceAttachmentCreate.Builder {}
}
