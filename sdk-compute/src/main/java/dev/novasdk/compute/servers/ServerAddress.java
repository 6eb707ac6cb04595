package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One IP address of a server on one network, as listed under {@link Server#addresses()}. */
@Value.Immutable
@JsonSerialize(as = ImmutableServerAddress.class)
@JsonDeserialize(as = ImmutableServerAddress.class)
public interface ServerAddress {
    /** The address, IPv4 or IPv6. */
    String addr();

    /** 4 or 6. */
    int version();

    /** {@code fixed} or {@code floating} ({@code OS-EXT-IPS:type}). */
    @JsonProperty("OS-EXT-IPS:type")
    Optional<String> type();

    /** The MAC address of the port ({@code OS-EXT-IPS-MAC:mac_addr}). */
    @JsonProperty("OS-EXT-IPS-MAC:mac_addr")
    Optional<String> macAddr();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerAddress}. */
    final class Builder extends ImmutableServerAddress.Builder {}
}
