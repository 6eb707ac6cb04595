package dev.novasdk.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A keypair: a public key Nova injects into servers booted with its name. A listing sends the name, public key,
 * fingerprint and (2.2+) type; a show adds the owner, the id and the timestamps; a create adds the owner and,
 * when Nova generated the key (before microversion 2.92), the private key, which Nova never sends again.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKeypair.class)
@JsonDeserialize(as = ImmutableKeypair.class)
public interface Keypair {
    /** The name, which is the keypair's id for its owner. */
    String name();

    /** The public key (OpenSSH format, or a PEM certificate for {@code x509}). */
    @JsonProperty("public_key")
    Optional<String> publicKey();

    /** The key's fingerprint, as Nova computes it (MD5 for ssh, SHA-1 for x509). */
    Optional<String> fingerprint();

    /** The type as sent (2.2+); see {@link #type()}. */
    @JsonProperty("type")
    Optional<String> typeRaw();

    /** The type: {@code ssh} below microversion 2.2, where Nova sends none; unknown values read as UNKNOWN. */
    @JsonIgnore
    default KeypairType type() {
        return typeRaw().map(KeypairType::fromValue).orElse(KeypairType.SSH);
    }

    /** The owner's user id (show and create). */
    @JsonProperty("user_id")
    Optional<String> userId();

    /**
     * The private key Nova generated, in the create response only (below microversion 2.92, when no public
     * key was given). Nova keeps no copy: save it now. Hidden from {@code toString()}, and masked in the SDK's
     * logs and exception messages.
     */
    @JsonProperty("private_key")
    @Value.Redacted
    Optional<String> privateKey();

    /** Nova's database id (show only). */
    Optional<Integer> id();

    /** Whether the record is soft-deleted (show only; always false for a keypair one can read). */
    Optional<Boolean> deleted();

    /** When the keypair was created (show only). */
    @JsonProperty("created_at")
    Optional<Instant> createdAt();

    /** When the keypair was last updated (show only; Nova sends null). */
    @JsonProperty("updated_at")
    Optional<Instant> updatedAt();

    /** When the keypair was deleted (show only; Nova sends null). */
    @JsonProperty("deleted_at")
    Optional<Instant> deletedAt();

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

    /** Builder of {@link Keypair}. */
    final class Builder extends ImmutableKeypair.Builder {}
}
