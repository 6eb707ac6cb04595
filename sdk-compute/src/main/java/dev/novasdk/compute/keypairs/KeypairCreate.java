package dev.novasdk.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The body of a keypair creation ({@code POST /os-keypairs}), inside the {@code keypair} envelope: an import
 * when it holds a public key, else a request for Nova to generate one (accepted only up to microversion 2.91;
 * the response then holds the private key, once).
 *
 * <pre>{@code
 * KeypairCreate imported = KeypairCreate.builder().name("deploy").publicKey(openSshPublicKey).build();
 * }</pre>
 *
 * <p>Fields that exist only in some microversions are listed by {@link #versionRequirements()}.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface KeypairCreate {
    /** Characters Nova accepts in a name at every microversion. */
    Pattern NAME = Pattern.compile("[a-zA-Z0-9 _-]+");

    /** Characters Nova accepts in a name from microversion 2.92 on. */
    Pattern NAME_2_92 = Pattern.compile("[a-zA-Z0-9 _.@-]+");

    /** The name (1-255 characters: letters, digits, space, {@code _} and {@code -}; {@code .} and {@code @} from 2.92). */
    @JsonProperty("name")
    String name();

    /** The key type (2.2+); Nova's default is {@code ssh}. */
    @JsonProperty("type")
    Optional<KeypairType> type();

    /** The public key to import; absent asks Nova to generate a pair (up to microversion 2.91). */
    @JsonProperty("public_key")
    Optional<String> publicKey();

    /** The user to create the keypair for (admin, 2.10+); default the caller. */
    @JsonProperty("user_id")
    Optional<String> userId();

    /** The microversions the fields set here need; the client checks them before sending. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (type().isPresent()) {
            r.add(VersionRequirement.since("type", Microversion.of(2, 2)));
        }
        if (userId().isPresent()) {
            r.add(VersionRequirement.since("user_id", Microversion.of(2, 10)));
        }
        if (publicKey().isEmpty()) {
            // 2.92 removed key generation: public_key became required.
            r.add(VersionRequirement.requiredSince("public_key", Microversion.of(2, 92))
                    .withCondition("absent: Nova generates the key"));
        }
        if (!NAME.matcher(name()).matches()) {
            r.add(VersionRequirement.since("name", Microversion.of(2, 92)).withCondition("with '.' or '@'"));
        }
        return List.copyOf(r);
    }

    /** Checks Nova's schema for the fields before sending. */
    @Value.Check
    default void check() {
        if (name().isEmpty() || name().length() > 255 || name().isBlank()) {
            throw new IllegalArgumentException(
                    "name must be 1 to 255 characters and not only spaces, got '" + name() + "'");
        }
        if (!NAME_2_92.matcher(name()).matches()) {
            throw new IllegalArgumentException("name may only hold letters, digits, spaces and '_-' ('.@' from"
                    + " microversion 2.92), got '" + name() + "'");
        }
        if (type().filter(t -> t == KeypairType.UNKNOWN).isPresent()) {
            throw new IllegalArgumentException("type must be SSH or X509");
        }
        if (publicKey().filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("publicKey must not be blank; leave it out to generate a key");
        }
        if (userId().filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
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

    /** Builder of {@link KeypairCreate}. */
    final class Builder extends ImmutableKeypairCreate.Builder {}
}
