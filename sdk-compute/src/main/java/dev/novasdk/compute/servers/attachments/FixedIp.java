package dev.novasdk.compute.servers.attachments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/** A fixed IP address of an interface attachment, with its subnet when Nova reports one. */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonSerialize(as = ImmutableFixedIp.class)
@JsonDeserialize(as = ImmutableFixedIp.class)
public interface FixedIp {
    /** The address. */
    @JsonProperty("ip_address")
    String ipAddress();

    /** The subnet of the address (responses only). */
    @JsonProperty("subnet_id")
    Optional<String> subnetId();

    /** A fixed IP to request, by address. */
    static FixedIp of(String ipAddress) {
        return ImmutableFixedIp.builder()
                .ipAddress(Objects.requireNonNull(ipAddress, "ipAddress"))
                .build();
    }
}
