package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.VersionRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The body of a server create ({@code POST /servers}): every field novaclient's {@code boot} sends and
 * nova-api reads. Immutable; building one checks the client-side facts (one boot source, counts, NICs,
 * mappings, lengths and formats) and fails with an {@link IllegalArgumentException} naming the field and the
 * rule, before anything is sent.
 *
 * <pre>{@code
 * ServerCreate create = ServerCreate.builder()
 *     .name("web-1")
 *     .imageId(imageId)
 *     .flavorId("1")
 *     .addNetworks(ServerNetwork.ofNetwork(netId))
 *     .addSecurityGroups("default", "web")
 *     .userData("#cloud-config\npackages: [nginx]\n")
 *     .addSchedulerHint("group", groupId)
 *     .addBlockDeviceMappings(BlockDeviceMappingV2.swap(512))
 *     .build();
 * }</pre>
 *
 * <p>Fields that exist only in some microversions are listed by {@link #versionRequirements()}; the client
 * checks them against its version before sending. The JSON body, {@code {"server": {...},
 * "os:scheduler_hints": {...}}}, is written by Jackson through the SDK's codec.
 */
@Value.Immutable
@JsonSerialize(using = ServerCreateWriter.class)
public interface ServerCreate {
    /** The server name ({@code name}): 1 to 255 printable characters, no leading or trailing whitespace. */
    String name();

    /**
     * The image to boot from ({@code imageRef}); leave it out to boot from a volume mapped with boot index 0.
     * With {@link #blockDeviceMappings()} it becomes their first entry, as novaclient sends it.
     */
    Optional<String> imageId();

    /** The flavor ({@code flavorRef}): its id, or its link as Nova also accepts. */
    String flavorId();

    /** Server metadata ({@code metadata}): keys of 1 to 255 characters from {@code [a-zA-Z0-9-_:. ]}, values up to 255. */
    Map<String, String> metadata();

    /** Files to inject ({@code personality}); microversion 2.56 and earlier. */
    List<Personality> personality();

    /**
     * User data for the metadata service and config drive ({@code user_data}), base64-encoded; at most 65535
     * characters once encoded. Left out of {@code toString()}: user data often holds credentials.
     */
    @Value.Redacted
    Optional<String> userDataBase64();

    /** The key pair to inject ({@code key_name}). */
    Optional<String> keyName();

    /** Scheduler hints ({@code os:scheduler_hints}); several values of one key are sent as a list. */
    List<SchedulerHint> schedulerHints();

    /** Whether to attach a config drive ({@code config_drive}). */
    Optional<Boolean> configDrive();

    /** The administrator password to set ({@code adminPass}); Nova generates one otherwise. Never shown by {@code toString()}. */
    @Value.Redacted
    Optional<String> adminPassword();

    /** The fewest servers to create ({@code min_count}); Nova's default is 1. */
    Optional<Integer> minCount();

    /** The most servers to create ({@code max_count}); Nova's default is {@link #minCount()}. */
    Optional<Integer> maxCount();

    /**
     * Whether Nova answers with the reservation id of the servers instead of the first server
     * ({@code return_reservation_id}).
     */
    Optional<Boolean> returnReservationId();

    /** Security group names or ids ({@code security_groups}), without repeats, in the order first added. */
    Set<String> securityGroups();

    /**
     * The availability zone ({@code availability_zone}); administrators may add a host and node as
     * {@code zone:host}, {@code zone:host:node} or {@code zone::node}.
     */
    Optional<String> availabilityZone();

    /** Legacy block device mappings ({@code block_device_mapping}); not with {@link #blockDeviceMappings()}. */
    List<LegacyBlockDeviceMapping> legacyBlockDeviceMappings();

    /**
     * Block device mappings ({@code block_device_mapping_v2}). With an {@link #imageId()} the image mapping
     * (boot index 0, local, deleted on termination) is sent first, so these count boot indexes from 1.
     */
    List<BlockDeviceMappingV2> blockDeviceMappings();

    /** The NICs ({@code networks}); not with {@link #networkAllocation()}. Nova requires networks from 2.37 on. */
    List<ServerNetwork> networks();

    /** {@code networks} as {@code "auto"} or {@code "none"}; microversion 2.37 and later. */
    Optional<NetworkAllocation> networkAllocation();

    /** How the root disk is partitioned ({@code OS-DCF:diskConfig}). */
    Optional<DiskConfig> diskConfig();

    /** The IPv4 address to reach the server by ({@code accessIPv4}), as a literal. */
    Optional<String> accessIpv4();

    /** The IPv6 address to reach the server by ({@code accessIPv6}), as a literal. */
    Optional<String> accessIpv6();

    /** A description of at most 255 characters ({@code description}); microversion 2.19 and later. */
    Optional<String> description();

    /** Server tags ({@code tags}): at most 50, each 1 to 60 characters without '/' or ','; 2.52 and later. */
    List<String> tags();

    /**
     * The hostname published by the metadata service ({@code hostname}): an RFC 1123 label from microversion
     * 2.90, or a fully qualified domain name from 2.94. Not with several servers.
     */
    Optional<String> hostname();

    /**
     * Ids of certificates trusted to verify the image signature ({@code trusted_image_certificates}); at most
     * 50, without repeats; microversion 2.63 and later, and only when booting from an image.
     */
    List<String> trustedImageCertificates();

    /** The compute host to create the server on ({@code host}); administrators only by default; 2.74 and later. */
    Optional<String> host();

    /** The hypervisor to create the server on ({@code hypervisor_hostname}); administrators only by default; 2.74 and later. */
    Optional<String> hypervisorHostname();

    /**
     * The microversions the fields set here need: the client checks them against a pinned version, or picks
     * the highest negotiated version that accepts them all.
     */
    @Value.Lazy
    default List<VersionRequirement> versionRequirements() {
        return ServerCreateVersions.of(this);
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

    /**
     * Checks what novaclient's {@code boot} and Nova's request schema check without looking anything up;
     * quotas, flavors and images are Nova's business.
     */
    @Value.Check
    default void check() {
        ServerCreateChecks.check(this);
    }

    /**
     * Builder of {@link ServerCreate}. Besides the generated setters ({@code addX} adds one, {@code x(Iterable)}
     * replaces), it encodes user data and files to base64 and collects scheduler hints.
     */
    final class Builder extends ImmutableServerCreate.Builder {
        /** Boots from this image (its id is sent). */
        public Builder image(dev.novasdk.compute.images.Image image) {
            return imageId(Objects.requireNonNull(image, "image").id());
        }

        /** Uses this flavor (its id is sent). */
        public Builder flavor(dev.novasdk.compute.flavors.Flavor flavor) {
            return flavorId(Objects.requireNonNull(flavor, "flavor").id());
        }

        /** User data as raw bytes, base64-encoded here. */
        public Builder userData(byte[] data) {
            return userDataBase64(RequestRules.encode(Objects.requireNonNull(data, "data")));
        }

        /** User data as text (a cloud-init script, say), sent as its UTF-8 bytes, base64-encoded here. */
        public Builder userData(String text) {
            return userDataBase64(RequestRules.encode(Objects.requireNonNull(text, "text")));
        }

        /** Adds a file at {@code path} holding {@code contents}. */
        public Builder addPersonality(String path, byte[] contents) {
            return addPersonality(Personality.of(path, contents));
        }

        /** Adds a file at {@code path} holding {@code text} as UTF-8. */
        public Builder addPersonality(String path, String text) {
            return addPersonality(Personality.ofText(path, text));
        }

        /** Adds the hint {@code key=value}; adding the same key again makes its value a list, as novaclient does. */
        public Builder addSchedulerHint(String key, String value) {
            return addSchedulerHints(SchedulerHint.of(key, value));
        }

        /** Adds one value of hint {@code key} per element of {@code values}, sent as a list when there are several. */
        public Builder addSchedulerHint(String key, Iterable<String> values) {
            Objects.requireNonNull(values, "values");
            for (String value : values) {
                addSchedulerHint(key, value);
            }
            return this;
        }

        /** Lets Nova pick or create a network for the project ({@code "networks": "auto"}); 2.37 and later. */
        public Builder networksAuto() {
            return networkAllocation(NetworkAllocation.AUTO);
        }

        /** Creates the server without a network ({@code "networks": "none"}); 2.37 and later. */
        public Builder networksNone() {
            return networkAllocation(NetworkAllocation.NONE);
        }
    }
}
