package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
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

    /** {@code fixed} or {@code floating}, exactly as nova sent it ({@code OS-EXT-IPS:type}). */
    @JsonProperty("OS-EXT-IPS:type")
    Optional<String> typeRaw();

    /** How the server got the address; {@link AddressType#UNKNOWN} for a type this SDK does not know. */
    @Value.NonAttribute
    @JsonIgnore
    default Optional<AddressType> type() {
        return typeRaw().map(AddressType::fromValue);
    }

    /** The MAC address of the port ({@code OS-EXT-IPS-MAC:mac_addr}). */
    @JsonProperty("OS-EXT-IPS-MAC:mac_addr")
    Optional<String> macAddr();

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

    /** Builder of {@link ServerAddress}. */
    final class Builder extends ImmutableServerAddress.Builder {
        /** Sets the type from the enum; {@link ServerAddress#typeRaw()} gets its wire value. */
        public Builder type(AddressType type) {
            return typeRaw(Objects.requireNonNull(type, "type").value());
        }
    }
}
