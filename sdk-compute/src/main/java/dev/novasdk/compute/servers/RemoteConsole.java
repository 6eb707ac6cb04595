package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A remote console of a server: where to connect ({@code url}, which embeds a short-lived token) and what it
 * is. From microversion 2.6 Nova sends the protocol too; before, it is derived from the type.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRemoteConsole.class)
@JsonDeserialize(as = ImmutableRemoteConsole.class)
public interface RemoteConsole {
    /** The protocol as Nova sent it ({@code protocol}); absent before microversion 2.6. */
    @JsonProperty("protocol")
    Optional<String> protocolRaw();

    /** The type as Nova sent it ({@code type}). */
    @JsonProperty("type")
    String typeRaw();

    /** The URL to open; it carries an access token, so treat it as a secret. */
    @JsonProperty("url")
    @Value.Redacted
    String url();

    /** The type; {@link ConsoleType#UNKNOWN} for one this SDK does not know. */
    @Value.NonAttribute
    default ConsoleType type() {
        return ConsoleType.fromValue(typeRaw());
    }

    /** The protocol, as sent or else the type's. */
    @Value.NonAttribute
    default ConsoleProtocol protocol() {
        return protocolRaw().map(ConsoleProtocol::fromValue).orElse(type().protocol());
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

    /** Builder of {@link RemoteConsole}. */
    final class Builder extends ImmutableRemoteConsole.Builder {}
}
