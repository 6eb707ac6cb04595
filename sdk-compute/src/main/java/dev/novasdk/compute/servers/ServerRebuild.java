package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.VersionRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a server rebuild (the {@code rebuild} action): the image to rebuild from and the fields that
 * may change with it. Only the fields set are sent. Immutable; building one checks what Nova's schema checks
 * without a lookup and fails with an {@link IllegalArgumentException} naming the field and the rule.
 *
 * <pre>{@code
 * ServerRebuild rebuild = ServerRebuild.builder()
 *     .imageId(imageId)
 *     .name("web-1")
 *     .putMetadata("role", "web")
 *     .keyName("ops")          // 2.54
 *     .userData("#cloud-config\n")   // 2.57
 *     .build();
 * }</pre>
 *
 * <p>Fields that exist only in some microversions are listed by {@link #versionRequirements()}; the client
 * checks them against its version before sending, as for a create.
 */
@Value.Immutable
@JsonSerialize(using = ServerRebuildWriter.class)
public interface ServerRebuild {
    /** The image to rebuild from ({@code imageRef}): its id or link. */
    String imageId();

    /** The new name ({@code name}): 1 to 255 printable characters, no leading or trailing whitespace. */
    Optional<String> name();

    /**
     * The administrator password to set ({@code adminPass}); Nova generates one otherwise. Never shown by
     * {@code toString()} or in exception messages.
     */
    @Value.Redacted
    Optional<String> adminPassword();

    /** Metadata replacing the server's ({@code metadata}); an empty map removes every item. */
    Optional<Map<String, String>> metadata();

    /** Files to inject ({@code personality}); microversion 2.56 and earlier. */
    List<Personality> personality();

    /** Whether to keep the ephemeral partition ({@code preserve_ephemeral}); only Ironic honours it. */
    Optional<Boolean> preserveEphemeral();

    /** The new description ({@code description}), at most 255 characters; microversion 2.19 and later. */
    Optional<String> description();

    /** The key pair to inject ({@code key_name}), looked up for the calling user; microversion 2.54 and later. */
    Optional<String> keyName();

    /** Whether to remove the server's key pair ({@code "key_name": null}); microversion 2.54 and later. */
    @Value.Default
    default boolean removeKeyName() {
        return false;
    }

    /**
     * New user data ({@code user_data}), base64-encoded, at most 65535 characters; microversion 2.57 and later.
     * Left out of {@code toString()}.
     */
    @Value.Redacted
    Optional<String> userDataBase64();

    /** Whether to remove the server's user data ({@code "user_data": null}); microversion 2.57 and later. */
    @Value.Default
    default boolean removeUserData() {
        return false;
    }

    /**
     * Ids of certificates trusted to verify the image signature ({@code trusted_image_certificates}); at most
     * 50, without repeats; microversion 2.63 and later.
     */
    List<String> trustedImageCertificates();

    /**
     * The hostname published by the metadata service ({@code hostname}): an RFC 1123 label from microversion
     * 2.90, or a fully qualified domain name from 2.94.
     */
    Optional<String> hostname();

    /** The IPv4 address to reach the server by ({@code accessIPv4}), as a literal. */
    Optional<String> accessIpv4();

    /** The IPv6 address to reach the server by ({@code accessIPv6}), as a literal. */
    Optional<String> accessIpv6();

    /** How the root disk is partitioned ({@code OS-DCF:diskConfig}). */
    Optional<DiskConfig> diskConfig();

    /** The microversions the fields set here need. */
    @Value.Lazy
    default List<VersionRequirement> versionRequirements() {
        return ServerRebuildWriter.versionRequirements(this);
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

    /** Checks the client-side rules of Nova's rebuild schema, naming the field. */
    @Value.Check
    default void check() {
        if (imageId().isEmpty()) {
            throw RequestRules.invalid("imageRef", "must not be empty");
        }
        name().ifPresent(ServerFields::name);
        metadata().ifPresent(ServerFields::metadata);
        description().ifPresent(ServerFields::description);
        keyName().ifPresent(k -> RequestRules.name("key_name", k));
        if (keyName().isPresent() && removeKeyName()) {
            throw RequestRules.invalid("key_name", "cannot be both set and removed");
        }
        userDataBase64().ifPresent(ServerFields::userData);
        if (userDataBase64().isPresent() && removeUserData()) {
            throw RequestRules.invalid("user_data", "cannot be both set and removed");
        }
        ServerFields.trustedImageCertificates(trustedImageCertificates());
        hostname().ifPresent(ServerFields::hostname);
        accessIpv4().ifPresent(ServerFields::accessIpv4);
        accessIpv6().ifPresent(ServerFields::accessIpv6);
        diskConfig().ifPresent(ServerFields::diskConfig);
    }

    /** Builder of {@link ServerRebuild}; it base64-encodes user data and files. */
    final class Builder extends ImmutableServerRebuild.Builder {
        /** Rebuilds from this image (its id is sent). */
        public Builder image(dev.novasdk.compute.images.Image image) {
            return imageId(Objects.requireNonNull(image, "image").id());
        }

        /** User data as text, sent as its UTF-8 bytes, base64-encoded here. */
        public Builder userData(String text) {
            return userDataBase64(RequestRules.encode(Objects.requireNonNull(text, "text")));
        }

        /** User data as raw bytes, base64-encoded here. */
        public Builder userData(byte[] data) {
            return userDataBase64(RequestRules.encode(Objects.requireNonNull(data, "data")));
        }

        /** Adds a file at {@code path} holding {@code text} as UTF-8. */
        public Builder addPersonality(String path, String text) {
            return addPersonality(Personality.ofText(path, text));
        }
    }
}
